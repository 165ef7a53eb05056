"""ragbot: retrieval-augmented Q&A over Chinese office directors' meeting speeches, with cited excerpts."""

__version__ = "0.1.0"
