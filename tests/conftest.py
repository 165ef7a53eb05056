"""Shared fixtures: the seed corpus ingested once per session, and makers of real test files."""

from __future__ import annotations

import os
import shutil
import zlib
from pathlib import Path

import pytest

# tests never reach a model hub: a missing model must fail fast, not wait on the network
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from ragbot import pipeline
from ragbot.config import Config
from ragbot.embed import DEFAULT, Embedder, make_embedder
from ragbot.types import Corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    """The five seed files, ingested once for the whole session."""
    return pipeline.ingest([CORPUS], Config())


@pytest.fixture(scope="session")
def e5() -> Embedder:
    """The converted model in fp32 through sentence-transformers/torch, loaded once per session."""
    return make_embedder("e5-small")


@pytest.fixture(scope="session")
def default_embedder() -> Embedder:
    """The default embedder as shipped (e5-small, int8 ONNX), loaded once per session."""
    return make_embedder(DEFAULT)


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory, default_embedder: Embedder) -> Config:
    """One real index of the seed corpus (the default model, real FAISS, real BM25) for the session."""
    folder = tmp_path_factory.mktemp("real") / "index"
    config = Config(index=folder)
    pipeline.build_index([CORPUS], config, embedder=default_embedder)
    return config


@pytest.fixture(scope="session")
def real_bot(real_index: Config, default_embedder: Embedder) -> pipeline.Ragbot:
    """A search session on the real index, sharing the session's model."""
    return pipeline.Ragbot(real_index, embedder=default_embedder)


@pytest.fixture(scope="session")
def originals() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


def make_workdir(real_index: Config, work: Path) -> Path:
    """`work` with a copy of the corpus and of the session's real index, so a server may change both."""
    shutil.copytree(CORPUS, work / "corpus")
    shutil.copytree(real_index.index, work / "index")
    return work


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    doc = docx.Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    doc.save(str(path))
    return path


def make_pdf(path: Path, lines: list[str]) -> Path:
    """A real PDF whose text layer holds `lines` (Type0 font, Identity-H, ToUnicode = code points).

    Nothing is embedded, so it may not render, but its text extracts like that of any PDF made
    by a word processor. Only BMP characters.
    """
    ops = ["BT", "/F1 14 Tf", "16 TL", "50 780 Td"]
    for line in lines:
        ops.append("<" + "".join(f"{ord(c):04X}" for c in line) + "> Tj T*")
    ops.append("ET")
    content = zlib.compress("\n".join(ops).encode("ascii"))
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        "1 beginbfrange <0000> <FFFF> <0000> endbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


# CI runs the fuzz tests with a fixed seed: the same examples every run, so a red build is reproducible
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")
