"""One frozen `Config` for every setting, read from defaults < `ragbot.toml` < RAGBOT_* env < flags.

`ragbot.toml` (in the working directory, or the file named by RAGBOT_CONFIG) holds a `[ragbot]`
table whose keys are the field names below. Environment variables are the upper-cased names with
a `RAGBOT_` prefix (RAGBOT_CHUNK_SIZE=400); OPENAI_BASE_URL and OPENAI_API_KEY stand in for unset
llm_base_url and llm_api_key, as for other OpenAI clients. Unknown keys are an error, not a silent
no-op. This is the only place a setting is declared, defaulted or checked; other modules take
views of it (retrieve.SearchSettings, chunk.ChunkSettings).
"""

from __future__ import annotations

import os
import sys
import urllib.parse
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from .errors import ConfigError

if TYPE_CHECKING:
    from .store import StoreSpec

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


Mode = Literal["hybrid", "dense", "bm25"]  # how answers and search retrieve
MODES: tuple[Mode, ...] = get_args(Mode)
SentenceVectors = Literal["separate", "pooled", "only"]


@dataclass(frozen=True)
class Config:
    corpus: Path = Path("corpus")  # uploads from the app land in corpus/uploads/
    index: Path = Path("index")
    # where the index keeps its vectors: "index" (vectors.faiss in the index folder), milvus:///path/file.db
    # (embedded Milvus) or http(s)://host:19530 (a Milvus server; token in RAGBOT_MILVUS_TOKEN). store.py
    store: str = "index"
    data: Path = Path("data")  # feedback.jsonl
    reports: Path = Path("eval/reports")  # the evaluation report `ragbot eval` writes and the app shows
    chunk_size: int = 300
    chunk_overlap: int = 50
    max_file_mb: float = 20.0
    embedder: str = "e5-small-int8"  # a registry name, "tuned" (ragbot tune), a Hugging Face id or a local folder
    # sentence vectors: "separate" (each sentence its own pass, and the chunk its own), "pooled" from its
    # chunk's pass (late chunking: each token embedded once; embedders that cannot pool embed sentences
    # separately), or "only" (each sentence its own pass, the chunk's text none: about half the tokens of
    # separate, at a cost of one or two questions; README, How search works)
    sentence_vectors: SentenceVectors = "separate"
    reranker: str = ""  # off; or a CrossEncoder id/folder
    workers: str = "local"  # the build: local (this process), ray or ray:N (read and embed on Ray; scale.py)
    hnsw_threshold: int = 20000  # exact search up to this many chunks, HNSW above
    ef_search: int = 128
    top_k: int = 5
    mode: Mode = "hybrid"  # retrieval for answers: hybrid, dense or bm25
    # fusion: chosen by 5-fold cross-validation over the question set (eval/fusion.py)
    depth: int = 50  # candidates per ranker before fusion
    dense_weight: float = 1.25
    bm25_weight: float = 1.0
    rrf_k: float = 10.0
    anchor_weight: float = 1.0  # hybrid: chunks holding the shape of the answer (`retrieve.shaped`) rank too
    section_weight: float = 0.25  # hybrid: chunks ranked by their section's vector (`sections.py`) rank too
    synonyms: bool = True  # BM25 also searches Cilin synonyms of question words the speeches hardly use
    merge_max_chars: int = 800
    max_query_chars: int = 500
    generator: str = "extractive"  # or openai, llama-cpp, transformers
    answer_chars: int = 300  # about how long an answer may be (a list answer: as long as its points)
    max_points: int = 8  # points of each speech's list in an answer at most
    # best sentence similarity below this: refuse. Calibrated for e5-small-int8 on the dev split of
    # eval/questions.jsonl (`eval/calibrate.py`, 2026-12-01, 7-bit int8 weights: dev 0.836 refusals at
    # 0.033 false refusals, the 164 held-out questions 0.850 at 0.012, 5-fold CV 0.858 at 0.049);
    # recalibrate for another embedder
    refusal_threshold: float = 0.890
    # for "how many / how long" questions, over sentences that state a number (in the unit asked about)
    refusal_threshold_quantity: float = 0.902
    # bigram share a cited excerpt must hold of its sentence (cite.py); at 0.55 reference-answer sentences
    # keep 94.8% of their gold passages and accept 2.6% of other passages (eval/calibrate.py --calibrate-support)
    support_threshold: float = 0.55
    llm_base_url: str = ""  # OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1
    llm_model: str = ""  # model name on that server, or a local .gguf file / causal LM folder
    llm_api_key: str = field(default="", repr=False)  # or RAGBOT_LLM_API_KEY / OPENAI_API_KEY; never shown
    llm_timeout: float = 30.0  # seconds without a reply before falling back to extractive
    llm_stream: bool = True
    # the app: answers computed at once (a slow LLM answer holds one slot while the others go on),
    # and requests waiting beyond that before new ones are turned away with "queue full"
    concurrency: int = 16
    queue_size: int = 256
    # other sites whose pages may call the served app with the user's session (CORS with credentials),
    # e.g. an intranet portal: "https://portal.office.lan"; none by default (only the app's own pages)
    allowed_origins: tuple[str, ...] = ()
    cookie_samesite: str = "lax"  # the session cookie's SameSite: lax, strict, or none (only behind HTTPS)

    def __post_init__(self) -> None:
        if self.chunk_size < 20:
            raise ConfigError(f"chunk_size must be at least 20 characters, got {self.chunk_size}")
        if not 0 <= self.chunk_overlap < self.chunk_size // 2:
            raise ConfigError(f"chunk_overlap must be in [0, chunk_size/2), got {self.chunk_overlap}")
        if self.max_file_mb <= 0:
            raise ConfigError(f"max_file_mb must be positive, got {self.max_file_mb}")
        if self.max_points < 2 or self.answer_chars < 40:
            raise ConfigError(
                f"max_points must be at least 2 and answer_chars 40, got {self.max_points}, {self.answer_chars}"
            )
        if self.top_k < 1 or self.depth < 1:
            raise ConfigError(f"top_k and depth must be at least 1, got {self.top_k} and {self.depth}")
        if self.concurrency < 1 or self.queue_size < 1:
            raise ConfigError(
                f"concurrency and queue_size must be at least 1, got {self.concurrency} and {self.queue_size}"
            )
        if min(self.dense_weight, self.bm25_weight, self.anchor_weight, self.section_weight) < 0:
            raise ConfigError("dense_weight, bm25_weight, anchor_weight and section_weight must not be negative")
        for name, allowed in (
            ("mode", MODES),
            ("sentence_vectors", get_args(SentenceVectors)),
            ("cookie_samesite", ("lax", "strict", "none")),
        ):
            if getattr(self, name) not in allowed:
                raise ConfigError(
                    f"{name} must be {', '.join(allowed[:-1])} or {allowed[-1]}, got '{getattr(self, name)}'"
                )
        from .guard import origin_of
        from .store import parse_store

        parse_store(self.store)
        from .scale import parse_workers

        parse_workers(self.workers)

        origins = []
        for raw in self.allowed_origins:
            origin = origin_of(raw)
            if origin is None or urllib.parse.urlsplit(raw.strip()).path.strip("/"):
                raise ConfigError(
                    f"allowed_origins expects origins like https://portal.office.lan (scheme and host, no path), "
                    f"got '{raw}'"
                )
            origins.append(origin)
        object.__setattr__(self, "allowed_origins", tuple(origins))  # normalised: lower case, no default port

    @property
    def store_spec(self) -> StoreSpec:
        from .store import parse_store

        return parse_store(self.store)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1_000_000)

    def with_overrides(self, **values: Any) -> Config:
        """A copy with the given non-None values, converted to each field's type."""
        return replace(self, **_convert({k: v for k, v in values.items() if v is not None}, "a flag"))

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Config:
        """Defaults, then the TOML file, then RAGBOT_* environment variables, then `overrides`."""
        values: dict[str, Any] = {}
        toml_path = Path(path or os.environ.get("RAGBOT_CONFIG", "ragbot.toml"))
        if toml_path.is_file():
            try:
                table = tomllib.loads(toml_path.read_text(encoding="utf-8")).get("ragbot", {})
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
                raise ConfigError(f"{toml_path} is not valid TOML ({e}); fix or remove it") from None
            values.update(_convert(table, str(toml_path)))
        elif path is not None:
            raise ConfigError(f"config file {toml_path} not found; pass an existing .toml file")
        names = {f.name for f in fields(cls)}
        env = {k[7:].lower(): v for k, v in os.environ.items() if k.startswith("RAGBOT_") and k != "RAGBOT_CONFIG"}
        values.update(_convert({k: v for k, v in env.items() if k in names}, "the environment"))
        for key, fallback in (("llm_base_url", "OPENAI_BASE_URL"), ("llm_api_key", "OPENAI_API_KEY")):
            if not values.get(key) and os.environ.get(fallback):  # what OpenAI clients read, when ours is unset
                values[key] = os.environ[fallback]
        return cls(**values).with_overrides(**overrides)


def _convert(values: dict[str, Any], where: str) -> dict[str, Any]:
    types = {f.name: f.type for f in fields(Config)}
    out: dict[str, Any] = {}
    for key, raw in values.items():
        if key not in types:
            raise ConfigError(f"unknown setting '{key}' in {where}; valid ones: {', '.join(sorted(types))}")
        kind = types[key]
        try:
            if kind == "tuple[str, ...]":  # a list in TOML, comma-separated in the environment or a flag
                items = raw.split(",") if isinstance(raw, str) else list(raw)
                out[key] = tuple(str(x).strip() for x in items if str(x).strip())
            elif kind == "bool" and isinstance(raw, str):
                if raw.lower() not in ("1", "0", "true", "false", "yes", "no"):
                    raise ValueError(raw)
                out[key] = raw.lower() in ("1", "true", "yes")
            else:
                out[key] = (
                    Path(raw)
                    if kind == "Path"
                    else int(raw)
                    if kind == "int"
                    else float(raw)
                    if kind == "float"
                    else raw
                )
        except (TypeError, ValueError):
            raise ConfigError(f"setting '{key}' in {where} expects {kind}, got {raw!r}") from None
    return out
