"""What the dense model embeds for each chunk, and how: the units, their cache keys, the recipe.

  embedded(chunk)        the chunk's text as the model reads it: folded character for character
  embed_units(chunk)     that text, then each of its sentences (>= 8 characters: `split_units`)
  unit_keys(chunk, …)    the cache key of each unit's vector (a pooled sentence's includes its chunk)
  unit_spans(chunk)      where each sentence unit sits in that text (and in the folded chunk)
  embed_recipe(mode)     the recipe an index records: sentences embedded on their own (and the chunk),
                         pooled from their chunk's pass (late chunking: Günther et al., 2024), or only
                         the sentences (about half the tokens; the chunk's row repeats a sentence's)
  mode(config, …)        which recipe a build or a query session uses
  embed_missing(…)       vectors for the keys an index lacks, with as few passes as the recipe allows
  Rows                   the build's vectors in blocks, each handed on (and freed) once the index holds it

index.py stores the vectors; pipeline.py decides what to build; embed.py holds the models.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator, Sequence

import numpy as np

from .config import Config
from .embed import Embedder, Pooler, pools
from .script import fold_chars
from .structure import SENTENCE_END
from .types import Chunk, Progress

EMBED_RECIPE = "units: the folded chunk and each of its folded sentences (>= 8 chars); chunk score = max"
POOLED_RECIPE = (
    "units: the folded chunk and each of its folded sentences (>= 8 chars), the sentences' vectors pooled "
    "from the chunk's own pass; chunk score = max"
)


SENTENCES_RECIPE = (
    "units: each folded sentence (>= 8 chars) embedded on its own; a chunk's own row repeats its first "
    "sentence's (a one-sentence chunk: embedded); chunk score = max"
)
RECIPES = {"separate": EMBED_RECIPE, "pooled": POOLED_RECIPE, "only": SENTENCES_RECIPE}


def embed_recipe(mode: str) -> str:
    """What an index's vectors are, for a `sentence_vectors` mode (see `mode`)."""
    return RECIPES[mode]


def recipe_name(recipe: str) -> str:
    """The `sentence_vectors` mode a recipe an index records was built with."""
    return next((m for m, r in RECIPES.items() if r == recipe), "separate")


def embed_units(chunk: Chunk) -> list[str]:
    """What the dense model embeds for a chunk: its text as `embedded`, then each of its sentences.

    Measured on eval/questions.jsonl (dense hit@5): whole chunks 0.75, sentences alone 0.86,
    both 0.88; prepending the heading path lowered every variant (0.70-0.80), so headings stay
    metadata. Sentences shorter than 8 characters join the next one.

    >>> text = "要做好督查工作。網路工作要再上新水準。"  # folded: …网络工作…; the model reads 网路, as before
    >>> embed_units(Chunk("i", "f", 1, "t", 0, 0, text, "要做好督查工作。网络工作要再上新水准。", ()))
    ['要做好督查工作。网路工作要再上新水准。', '要做好督查工作。', '网路工作要再上新水准。']
    """
    return split_units(embedded(chunk))


def split_units(text: str) -> list[str]:
    """`text`, then each of its sentences when it has more than one (one under 8 characters joins the next).
    Only the punctuation ending a sentence and white space decide where a unit ends, so the folded chunk's
    units sit where `embedded`'s do: folding swaps words for words as long (`Index.sentences` reads them so,
    without folding a chunk again for every question)."""
    sentences: list[str] = []
    buf = ""
    for piece in SENTENCE_END.split(text):
        buf += piece
        if len(buf.strip()) >= 8:
            sentences.append(buf.strip())
            buf = ""
    if buf.strip():
        if sentences:
            sentences[-1] += buf.rstrip()
        else:
            sentences.append(buf.strip())
    return [text] + (sentences if len(sentences) > 1 else [])


def embedded(chunk: Chunk) -> str:
    """The chunk's text as the dense model reads it: folded character for character (`script.fold_chars`),
    its Taiwan words as written, so their vectors are the ones the model gave before folding wrote them
    as mainland words. Embedding 网络 for 網路 moved the Traditional speech's vectors: hybrid hit@5 0.926
    -> 0.931, but carried evidence 0.848 -> 0.839 (dev 0.839 -> 0.828), ROUGE-L 0.515 -> 0.510."""
    return fold_chars(chunk.text)


def text_key(text: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{fingerprint}\0{text}".encode()).hexdigest()[:32]


def unit_keys(chunk: Chunk, fingerprint: str, mode: str) -> list[str]:
    """The cache key of each of the chunk's vectors: its text; a pooled sentence's also its chunk's; with
    `only`, the chunk's row has its first sentence's key (one text, one vector, two rows)."""
    units = embed_units(chunk)
    if mode == "pooled":
        return [text_key(units[0], fingerprint)] + [
            text_key(f"pooled\0{units[0]}\0{u}", fingerprint) for u in units[1:]
        ]
    keys = [text_key(u, fingerprint) for u in units]
    if mode == "only" and len(units) > 1:  # the chunk's row repeats its first sentence's: not embedded,
        keys[0] = keys[1]  # and its score stays the best of its sentences'
    return keys


def unit_spans(chunk: Chunk) -> list[tuple[int, int]]:
    """Where each sentence unit of `embed_units(chunk)` sits in `embedded(chunk)`, as in the folded chunk
    ((0, 0): not as one run)."""
    out = []
    text = embedded(chunk)
    for unit in embed_units(chunk)[1:]:
        at = text.find(unit)
        out.append((at, at + len(unit)) if at >= 0 else (0, 0))
    return out


def mode(config: Config, embedder: Embedder | None = None) -> str:
    """How a build or a query session makes sentence vectors: the setting, except that `pooled` needs
    an embedder (the one given, or the configured one) that can pool; others embed each sentence on its
    own (`separate`)."""
    if config.sentence_vectors != "pooled":
        return config.sentence_vectors
    can = isinstance(embedder, Pooler) if embedder is not None else pools(config.embedder)
    return "pooled" if can else "separate"


class Rows:
    """The vectors of a build, row by row in index order, held in blocks of `block` rows.

    Filled in any order (reused rows first, then fresh ones in the embedder's length order);
    a block is allocated when a row of it is first filled, so rows an update keeps in place (never
    filled) cost no memory. `drain()` then yields the blocks in order (an unfilled one as zeros, made
    then) and lets go of each as it is handed on, so the vector index and this copy never both hold
    all of them."""

    def __init__(self, n: int, dim: int, block: int = 16384) -> None:
        self.n, self.dim, self.block = n, dim, block
        self.blocks: list[np.ndarray | None] = [None] * len(range(0, n, block))
        self.drained = False

    def _size(self, b: int) -> int:
        return min(self.block, self.n - b * self.block)

    def put(self, rows: Sequence[int], vector: np.ndarray) -> None:
        assert not self.drained, "rows already drained"
        for i in rows:
            part = self.blocks[i // self.block]
            if part is None:
                part = self.blocks[i // self.block] = np.zeros((self._size(i // self.block), self.dim), np.float32)
            part[i % self.block] = vector

    def drain(self) -> Iterator[np.ndarray]:
        assert not self.drained, "rows already drained"
        self.drained = True
        for b, part in enumerate(self.blocks):
            self.blocks[b] = None
            yield part if part is not None else np.zeros((self._size(b), self.dim), np.float32)
            del part


def embed_missing(
    model: Callable[[], Embedder],
    chunks: Sequence[Chunk],
    unit_texts: Sequence[list[str]],
    unit_keys: Sequence[list[str]],
    missing: set[str],
    pool: bool,
    progress: Progress | None,
    store: Callable[[str, np.ndarray], None],
    batch: int = 64,
) -> tuple[int, int]:
    """Embed every key in `missing`, handing each vector to `store(key, vector)` as it is made;
    returns how many keys were embedded and how many characters the model read to make them.
    Pooling: one pass per chunk that lacks any of its vectors gives them all (late chunking);
    otherwise, and for a sentence cut off at 512 tokens, each text has its own pass. `progress`
    hears (texts done, texts in the stage, "embedding chunks · 7,300 tokens/s")."""
    done: set[str] = set()
    read = 0
    if pool:
        embedder = model()
        assert isinstance(embedder, Pooler)
        lacking = {unit_keys[ci][0]: ci for ci, keys in enumerate(unit_keys) if missing.intersection(keys)}
        owners = sorted(lacking.values(), key=lambda ci: len(chunks[ci].folded))
        rate = _Rate(model, "embedding chunks", len(owners), progress)
        for b in range(0, len(owners), batch):
            cis = owners[b : b + batch]
            texts = [embedded(chunks[ci]) for ci in cis]
            read += sum(map(len, texts))
            for ci, rows in zip(cis, embedder.embed_pooled(texts, [unit_spans(chunks[ci]) for ci in cis])):
                for k, v in zip(unit_keys[ci], rows):
                    if v.any() and k not in done:
                        store(k, v)
                        done.add(k)
            rate(b + len(cis))
    left = missing - done
    todo = {k: t for texts, keys in zip(unit_texts, unit_keys) for t, k in zip(texts, keys) if k in left}
    keys = sorted(todo, key=lambda k: len(todo[k]))  # similar lengths share a batch: little padding
    rate = _Rate(model, "embedding sentences" if pool else "embedding", len(keys), progress)
    for b in range(0, len(keys), batch):
        part = keys[b : b + batch]
        texts = [todo[k] for k in part]
        read += sum(map(len, texts))
        for k, v in zip(part, model().embed_documents(texts)):
            store(k, v)
        done.update(part)
        rate(b + len(texts))
    return len(done), read


class _Rate:
    """Reports a stage's progress with the model's tokens per second (characters when it does not count
    tokens); silent for an empty stage."""

    def __init__(self, model: Callable[[], Embedder], stage: str, total: int, progress: Progress | None) -> None:
        self.model, self.stage, self.total, self.progress = model, stage, total, progress
        self.start = self._count() if total and progress else 0  # loads the model: before the clock starts
        self.t0 = time.perf_counter()
        if total and progress:
            progress(0, total, stage)

    def _count(self) -> int:
        return int(getattr(self.model(), "tokens_embedded", 0))

    def __call__(self, done: int) -> None:
        if not self.progress:
            return
        seconds = max(time.perf_counter() - self.t0, 1e-9)
        tokens = self._count() - self.start
        rate = f"{tokens / seconds:,.0f} tokens/s" if tokens else f"{done / seconds:,.1f} texts/s"
        self.progress(done, self.total, f"{self.stage} · {rate}")
