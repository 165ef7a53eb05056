"""Peer baselines for `ragbot eval`: how others build this, over the same files with the same embedder.

    langchain  the plain LangChain recipe: RecursiveCharacterTextSplitter(chunk_size=500,
               chunk_overlap=50) with its default separators on the raw files (no cleaning, no
               script folding), langchain's FAISS vector store, top-k similarity search.
    chatchat   the Langchain-Chatchat recipe: its Chinese separators (paragraph, line, 。！？,
               ". ! ?", ；, ，) kept at the end of each piece, 750/150 chunks, jieba
               (lcut_for_search) BM25 and the FAISS store combined by langchain's
               EnsembleRetriever with weights 0.5/0.5.

Both read the files with ragbot's decoder (UTF-8, GB18030, Big5 detected) because LangChain's
TextLoader assumes one encoding; everything after decoding is the peer's own code. Both embed
with the ragbot embedder (default e5-small-int8, its query/passage prompts included) wrapped as
a langchain `Embeddings`, so the comparison is about the recipe, not the model.

Each maker takes (files, embedder) and returns an object with `search(question, k)` giving
(text, file) pairs best first, and `chunks` (the texts it indexed). `BASELINES` maps names to makers.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ragbot.embed import Embedder
from ragbot.ingest import decode

CHATCHAT_SEPARATORS = ["\n\n", "\n", "。|！|？", r"\.\s|\!\s|\?\s", r"；|;\s", r"，|,\s"]


def _documents(files: Sequence[Path], splitter: Any) -> list[Any]:
    from langchain_core.documents import Document

    docs: list[Any] = []
    for path in files:
        if path.suffix.lower() not in (".txt", ".md"):
            continue  # the recipes' TextLoader reads text files only
        text, _encoding = decode(path.read_bytes())
        docs.extend(Document(page_content=t, metadata={"source": path.name}) for t in splitter.split_text(text))
    if not docs:
        raise ValueError("no .txt or .md files for the baseline to index")
    return docs


def _embeddings(embedder: Embedder) -> Any:
    from langchain_core.embeddings import Embeddings

    class RagbotEmbeddings(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed_documents(texts).tolist()

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed_query(text).tolist()

    return RagbotEmbeddings()


def _faiss(docs: list[Any], embedder: Embedder) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # langchain-community announces its sunset
        from langchain_community.vectorstores import FAISS

    return FAISS.from_documents(docs, _embeddings(embedder))


class LangChainBaseline:
    def __init__(self, files: Sequence[Path], embedder: Embedder) -> None:
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        docs = _documents(files, RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50))
        self.chunks = [d.page_content for d in docs]
        self.store = _faiss(docs, embedder)

    def search(self, question: str, k: int) -> list[tuple[str, str]]:
        return [(d.page_content, d.metadata["source"]) for d in self.store.similarity_search(question, k=k)]


class ChatchatBaseline:
    def __init__(self, files: Sequence[Path], embedder: Embedder) -> None:
        import jieba
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            from langchain_classic.retrievers import EnsembleRetriever
            from langchain_community.retrievers import BM25Retriever

        splitter = RecursiveCharacterTextSplitter(
            separators=CHATCHAT_SEPARATORS,
            is_separator_regex=True,
            keep_separator="end",
            chunk_size=750,
            chunk_overlap=150,
        )
        docs = _documents(files, splitter)
        self.chunks = [d.page_content for d in docs]
        self.store = _faiss(docs, embedder)
        self.bm25 = BM25Retriever.from_documents(docs, preprocess_func=jieba.lcut_for_search)
        self.ensemble = EnsembleRetriever
        self._k = -1
        self.retriever: Any = None

    def search(self, question: str, k: int) -> list[tuple[str, str]]:
        if k != self._k:  # both retrievers fetch k, the ensemble fuses them (weighted RRF) and we keep k
            self.bm25.k = k
            dense = self.store.as_retriever(search_kwargs={"k": k})
            self.retriever = self.ensemble(retrievers=[self.bm25, dense], weights=[0.5, 0.5])
            self._k = k
        docs = self.retriever.invoke(question)[:k]
        return [(d.page_content, d.metadata["source"]) for d in docs]


BASELINES = {"langchain": LangChainBaseline, "chatchat": ChatchatBaseline}
