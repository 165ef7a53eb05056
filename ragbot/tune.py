"""Adapting the default embedder to a corpus, without labels: training pairs the speeches give by
themselves, and a fine-tune of e5-small on them with in-batch negatives.

  pairs(chunks, speeches, s)   corpus-derived (query, passage) pairs: a sentence and the rest of its
                               chunk (the inverse cloze task of Lee et al., 2019), a section heading and
                               the text under it, a listed point's key clause and its elaboration
  train(pairs, out, settings)  fine-tunes the converted e5-small (ensure_model) on them with
                               sentence-transformers' multiple-negatives ranking loss, written like the
                               base model (a folder, renamed into place when complete) plus its int8
                               ONNX export; `make_embedder(str(out))` then runs it on ONNX Runtime
  ensure_tuned(chunks, speeches, files)
                               the model for this corpus: from the user cache (keyed by the corpus's
                               file hashes, the base weights and the settings), else trained now;
                               the base model with a one-line notice when training fails. The
                               `embedder = "tuned"` setting and `ragbot tune` build indexes with it

Pairs come from the corpus alone, never from evaluation questions. Measured on the seed corpus
(eval/tune.py: 1,890 pairs, 346 s on this 2-core machine, the top 6 of 12 layers trained; int8
both): hybrid hit@5 on the dev / held-out split 0.942 / 0.840 -> 0.967 / 0.880, MRR@10 0.870 /
0.781 -> 0.845 / 0.773. The answer stage is not yet calibrated for the tuned model's wider cosine
scale (its refusal and margins assume the base model's), so it is not the default. What it does not
do: decide when an index switches model (pipeline.py: an index built with a tuned model keeps it
through incremental updates; `ragbot tune` trains for the corpus as it is now), or calibrate
refusal thresholds for it (eval/calibrate.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .embed import DEFAULT, TUNED_MARK, fingerprint, is_tuned
from .script import fold_chars
from .structure import enumerations
from .types import Chunk, Progress, Speech, Tuned
from .units import embed_units


@dataclass(frozen=True)
class Pair:
    kind: str  # "ict" (sentence -> rest of its chunk), "heading" (-> the section's text), "point" (-> its elaboration)
    query: str  # folded character for character, as the model reads queries
    passage: str  # so too, as the model reads passages (`units.embedded`)


@dataclass(frozen=True)
class TuneSettings:
    """How to train; the defaults are the measured variant (see the module docstring)."""

    epochs: int = 1
    learning_rate: float = 3e-5
    batch: int = 32  # in-batch negatives: each query against the other 31 passages
    trained_layers: int = 6  # the top layers; the embeddings and lower layers stay as they are
    max_tokens: int = 128
    sentences_per_chunk: int = 4  # inverse-cloze pairs drawn from each chunk
    scale: float = 20.0  # cosine -> logit, as sentence-transformers' MNRL
    seed: int = 0


def pairs(chunks: Sequence[Chunk], speeches: Mapping[tuple[str, int], Speech], settings: TuneSettings) -> list[Pair]:
    """Training pairs from the corpus alone (see the module docstring), in a seeded order."""
    rng = random.Random(settings.seed)
    out: list[Pair] = []
    for c in chunks:
        units = embed_units(c)
        sentences = [u for u in units[1:] if len(u) >= 12]
        if len(sentences) >= 3:  # the rest of the chunk must still say something
            for s in rng.sample(sentences, min(settings.sentences_per_chunk, len(sentences))):
                out.append(Pair("ict", s, units[0].replace(s, "")))
        if c.headings:
            heading = fold_chars(c.headings[-1]).rstrip("…")  # a long heading is kept shortened
            rest = units[0].replace(heading, "")
            if len(heading) >= 4 and len(rest) > 30:
                out.append(Pair("heading", heading, rest))
    for key in sorted(speeches):
        text = speeches[key].text
        for e in enumerations(text):
            for item in e.items:
                body = text[item.start : item.end]
                if len(item.key) >= 4 and len(body) > len(item.key) + 30:
                    out.append(Pair("point", fold_chars(item.key), fold_chars(body[:400])))
    rng.shuffle(out)
    return out


def train(
    training: Sequence[Pair],
    out: Path,
    settings: TuneSettings = TuneSettings(),
    base: Path | None = None,
    progress: Callable[[int, int, float], None] | None = None,
) -> Path:
    """Fine-tune the converted e5-small (or `base`) on `training` and write it to `out` with its int8
    ONNX export; `progress(step, steps, loss)` after each step. A crash leaves `out` as it was (no
    model, or the previous one whole) and no temporary folder."""
    import torch
    from sentence_transformers import SentenceTransformer

    from .e5convert import ensure_model, ensure_onnx

    if len(training) < settings.batch:
        raise ValueError(f"{len(training)} training pairs; at least {settings.batch} are needed (one batch)")
    base = base or ensure_model()
    torch.manual_seed(settings.seed)
    model = SentenceTransformer(str(base), device="cpu")
    model.max_seq_length = settings.max_tokens
    bert: Any = model[0].auto_model
    layers = list(bert.encoder.layer)
    for p in bert.embeddings.parameters():
        p.requires_grad_(False)
    for layer in layers[: max(0, len(layers) - settings.trained_layers)]:
        for p in layer.parameters():
            p.requires_grad_(False)
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=settings.learning_rate, weight_decay=0.01)
    per_epoch = len(training) // settings.batch
    steps = settings.epochs * per_epoch
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, 1.0 - s / steps)
    )

    def encode(texts: list[str]) -> torch.Tensor:
        vectors: torch.Tensor = model(model.preprocess(texts))["sentence_embedding"]
        return torch.nn.functional.normalize(vectors, dim=1)

    rng = random.Random(settings.seed)
    order = list(training)
    model.train()
    started, step = time.perf_counter(), 0
    for _ in range(settings.epochs):
        rng.shuffle(order)
        for b in range(per_epoch):
            batch = order[b * settings.batch : (b + 1) * settings.batch]
            q = encode(["query: " + p.query for p in batch])
            d = encode(["passage: " + p.passage for p in batch])
            loss = torch.nn.functional.cross_entropy(q @ d.T * settings.scale, torch.arange(len(batch)))
            optimiser.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            optimiser.step()
            schedule.step()
            step += 1
            if progress is not None:
                progress(step, steps, float(loss.detach()))
    model.eval()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tune-", dir=out.parent))
    try:
        model.save(str(tmp))
        ensure_onnx(tmp)
        kinds = {k: sum(p.kind == k for p in training) for k in ("ict", "heading", "point")}
        info = {"base": str(base), "pairs": kinds, "steps": steps, "seconds": round(time.perf_counter() - started, 1)}
        (tmp / TUNED_MARK).write_text(json.dumps({**info, "settings": asdict(settings)}, indent=1), encoding="utf-8")
        old = out.with_name(f".{out.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if out.exists():
            os.rename(out, old)  # the previous model stays whole until the new one is in its place
        try:
            os.rename(tmp, out)
        except OSError:
            if old.exists():
                os.rename(old, out)
            raise
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


TUNED = "tuned"  # the embedder setting for "e5-small tuned on this corpus" (ensure_tuned)


def corpus_key(files: Mapping[str, str], settings: TuneSettings = TuneSettings()) -> str:
    """What a tuned model is cached under: the corpus (its files' content hashes), the base weights and
    the training settings; any change gives a new key."""
    what = {"files": sorted(files.values()), "base": fingerprint(DEFAULT), "settings": asdict(settings)}
    return hashlib.sha256(json.dumps(what, sort_keys=True).encode()).hexdigest()[:16]


def model_folder(key: str) -> Path:
    from .e5convert import cache_root

    return cache_root() / "tuned" / key


def ensure_tuned(
    chunks: Sequence[Chunk],
    speeches: Mapping[tuple[str, int], Speech],
    files: Mapping[str, str],
    settings: TuneSettings = TuneSettings(),
    retrain: bool = False,
    progress: Progress | None = None,
) -> Tuned:
    """The model tuned on this corpus (`files`: name -> content hash): the cached one, unless `retrain`;
    otherwise trained now (about 6 minutes for the seed corpus on 2 cores). If training fails for any
    reason (too small a corpus, torch missing, disk full) the base model is used instead, with a notice."""
    folder = model_folder(corpus_key(files, settings))
    if is_tuned(folder) and not retrain:
        return Tuned(str(folder), False)
    started = time.perf_counter()
    try:
        training = pairs(chunks, speeches, settings)

        def step(done: int, total: int, loss: float) -> None:
            if progress is not None:
                progress(done, total, f"training · loss {loss:.2f}")

        train(training, folder, settings, progress=step)
    except Exception as e:  # any failure: the build goes on with the base model, and says so
        reason = (str(e).strip().splitlines() or [type(e).__name__])[0]
        return Tuned(DEFAULT, False, notice=f"tuning the embedder failed ({reason})")
    return Tuned(str(folder), True, len(training), time.perf_counter() - started)
