"""Evaluation runs: the same questions through several configurations, side by side.

A configuration ("variant") is ragbot with some settings changed (search mode, chunk size,
reranker, generator), or a peer baseline from `eval/baselines.py` (retrieval only). Variants that
cannot run here (no reranker model, no LLM configured) are listed with the reason instead of
silently left out. `run` returns an EvalRun: every Outcome, plus what each variant cost to build;
`ragbot.report` turns it into tables and plots.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from . import index as index_mod
from . import pipeline
from .answer import Answerer
from .config import Config
from .embed import Embedder
from .errors import ConfigError
from .evaluate import Question
from .script import to_simplified, to_traditional
from .types import Outcome

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Variant:
    name: str
    about: str
    overrides: tuple[tuple[str, Any], ...] = ()
    baseline: bool = False  # a peer recipe from eval/baselines.py: retrieval only
    needs: str = ""  # what must be configured: "reranker", "llm"
    zh: str = ""  # `about` in Chinese, for the report


VARIANTS: dict[str, Variant] = {
    v.name: v
    for v in (
        Variant(
            "bm25",
            "BM25 only (jieba words, and the synonyms of rare question words)",
            (("mode", "bm25"),),
            zh="仅 BM25（jieba 分词，另检索问题中生僻词的同义词）",
        ),
        Variant(
            "dense",
            "e5 vectors only (chunk and sentence vectors)",
            (("mode", "dense"),),
            zh="仅 e5 向量（片段向量与句子向量）",
        ),
        Variant(
            "hybrid",
            "dense + BM25, reciprocal-rank fusion: the default",
            zh="向量 + BM25，倒数排名融合（RRF）：默认配置",
        ),
        Variant(
            "hybrid-nosyn",
            "hybrid without the synonyms of rare question words (setting synonyms = false)",
            (("synonyms", False),),
            zh="hybrid，不检索问题中生僻词的同义词（synonyms = false）",
        ),
        Variant(
            "hybrid-noanchor",
            "hybrid without the rankings of chunks that hold what the question quotes, counts or asks for"
            " (a figure of speech; anchor_weight = 0)",
            (("anchor_weight", 0.0),),
            zh="hybrid，不单独排序含问题所引说法、所数字数或所问比喻的片段（anchor_weight = 0）",
        ),
        Variant(
            "hybrid-nosection",
            "hybrid without the ranking of chunks by their section's vector (section_weight = 0)",
            (("section_weight", 0.0),),
            zh="hybrid，不按所在小节的向量排序片段（section_weight = 0）",
        ),
        Variant(
            "hybrid-rerank",
            "hybrid, then the configured cross-encoder reranks",
            needs="reranker",
            zh="hybrid 检索后，由配置的交叉编码器重新排序",
        ),
        Variant(
            "hybrid-c500",
            "hybrid over 500-character chunks (overlap 80)",
            (("chunk_size", 500), ("chunk_overlap", 80)),
            zh="hybrid，片段长 500 字（重叠 80 字）",
        ),
        Variant(
            "llm-openai",
            "hybrid + the OpenAI-compatible generator",
            (("generator", "openai"),),
            needs="llm",
            zh="hybrid + OpenAI 兼容接口的大模型生成回答",
        ),
        Variant(
            "llm-llama-cpp",
            "hybrid + a local GGUF model (llama.cpp)",
            (("generator", "llama-cpp"),),
            needs="llm",
            zh="hybrid + 本地 GGUF 模型（llama.cpp）生成回答",
        ),
        Variant(
            "llm-transformers",
            "hybrid + a local causal LM (transformers)",
            (("generator", "transformers"),),
            needs="llm",
            zh="hybrid + 本地因果语言模型（transformers）生成回答",
        ),
        Variant(
            "langchain",
            "peer: LangChain defaults, RecursiveCharacterTextSplitter(500, 50), FAISS store",
            baseline=True,
            zh="对照方案：LangChain 默认做法，RecursiveCharacterTextSplitter(500, 50)，FAISS 向量库",
        ),
        Variant(
            "chatchat",
            "peer: Langchain-Chatchat, Chinese separators 750/150, jieba BM25 + FAISS 0.5/0.5",
            baseline=True,
            zh="对照方案：Langchain-Chatchat，中文分隔符，片段 750/150 字，jieba BM25 + FAISS 各占 0.5/0.5",
        ),
    )
}
DEFAULT_VARIANTS = (
    "bm25",
    "dense",
    "hybrid",
    "hybrid-nosyn",
    "hybrid-noanchor",
    "hybrid-nosection",
    "hybrid-rerank",
    "hybrid-c500",
    "llm-openai",
    "llm-llama-cpp",
    "llm-transformers",
    "langchain",
    "chatchat",
)


class Baseline(Protocol):
    """A peer recipe built over raw files with our embedder: question -> excerpts, best first."""

    def search(self, question: str, k: int) -> list[tuple[str, str]]:
        """(text, source file) pairs."""
        ...


BaselineMaker = Callable[[Sequence[Path], Embedder], Baseline]


@dataclass(frozen=True)
class VariantRun:
    variant: Variant
    status: str  # "ran" or why it did not (English, for the terminal)
    build_s: float = 0.0  # index built for it (0: the shared index)
    chunks: int = 0
    settings: tuple[tuple[str, Any], ...] = ()
    status_zh: str = ""  # why it did not run, in Chinese, for the report


@dataclass(frozen=True)
class EvalRun:
    questions: tuple[Question, ...]
    variants: tuple[VariantRun, ...]
    outcomes: tuple[Outcome, ...]
    k: int
    embedder: str
    started: str
    seconds: float
    notes: tuple[str, ...] = field(default=())


def unavailable(v: Variant, config: Config) -> str:
    """Why `v` cannot run with this configuration ("" when it can)."""
    return why_not(v, config)[0]


def why_not(v: Variant, config: Config) -> tuple[str, str]:
    """(English, Chinese): why `v` cannot run with this configuration (("", "") when it can)."""
    if v.needs == "reranker" and not config.reranker:
        return (
            "no reranker configured (set reranker / RAGBOT_RERANKER to a cross-encoder id or folder)",
            "未配置重排序模型（把 reranker / RAGBOT_RERANKER 设为交叉编码器的模型名或文件夹）",
        )
    if v.needs == "llm":
        gen = dict(v.overrides)["generator"]
        if gen == "openai" and not config.llm_base_url:
            return (
                "no LLM server configured (llm_base_url / RAGBOT_LLM_BASE_URL)",
                "未配置大模型服务（llm_base_url / RAGBOT_LLM_BASE_URL）",
            )
        if gen in ("llama-cpp", "transformers") and not config.llm_model:
            return (
                f"no local model configured for {gen} (llm_model / RAGBOT_LLM_MODEL)",
                f"未给 {gen} 配置本地模型（llm_model / RAGBOT_LLM_MODEL）",
            )
        if gen == "llama-cpp" and not config.llm_model.endswith(".gguf"):
            return "llm_model is not a .gguf file", "llm_model 不是 .gguf 文件"
        module = {"llama-cpp": "llama_cpp", "transformers": "transformers"}.get(gen)
        if module and importlib.util.find_spec(module) is None:
            install = f"pip install -e '.[{gen.split('-')[0]}]'"
            return f"the {module} package is not installed ({install})", f"未安装 {module} 包（{install}）"
    return "", ""


def resolve(names: Sequence[str]) -> list[Variant]:
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        raise ConfigError(f"unknown configuration '{unknown[0]}'; valid names: {', '.join(VARIANTS)}")
    return [VARIANTS[n] for n in dict.fromkeys(names)]


def load_baselines(path: Path) -> dict[str, BaselineMaker]:
    """The BASELINES registry of eval/baselines.py (a script beside the questions, not part of the package)."""
    if not path.is_file():
        raise ConfigError(f"{path} not found: the peer baselines live in eval/baselines.py of the ragbot repository")
    spec = importlib.util.spec_from_file_location("ragbot_eval_baselines", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.BASELINES)


def _ragbot_outcomes(q: Question, bot: pipeline.Ragbot, answerer: Answerer, name: str, k: int = 5) -> Outcome:
    t = time.perf_counter()
    result = bot.search(q.question, k=10)
    search_ms = (time.perf_counter() - t) * 1000
    other = to_simplified(q.question) if q.script == "traditional" else to_traditional(q.question)
    twin = {h.chunk_ids for h in bot.search(other, k=10).hits[:k]} == {h.chunk_ids for h in result.hits[:k]}
    t = time.perf_counter()
    a = answerer.ask(q.question)
    ask_ms = (time.perf_counter() - t) * 1000
    return Outcome(
        q.id,
        name,
        tuple(h.text for h in result.hits),
        tuple(f"{h.file}#{h.speech}" for h in result.hits),
        search_ms,
        answered=True,
        answer=a.text,
        refused=a.refused,
        cited=tuple(c.text for c in a.citations),
        citation_precision=a.citation_precision,
        unsupported=sum(not s.supported for s in a.sentences) / max(1, len(a.sentences)),
        script=a.script,
        ask_ms=ask_ms,
        notice=a.notice,
        twin=float(twin),
    )


def run(
    config: Config,
    questions: Sequence[Question],
    names: Iterable[str] = DEFAULT_VARIANTS,
    baselines_file: Path | None = None,
    k: int = 5,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
) -> EvalRun:
    """Every question through every available variant. The shared index is brought up to date
    first (incremental); variants with other chunking get their own index in a temporary folder."""
    say = progress or (lambda _m: None)
    t_start = time.perf_counter()
    started = time.strftime("%Y-%m-%d %H:%M")
    variants = resolve(list(names))
    embedder = embedder or pipeline.Ragbot(config).embedder
    say(f"index {config.index}/: bringing it up to date with {config.corpus}/")
    pipeline.build_index([config.corpus], config, embedder=embedder)
    makers: dict[str, BaselineMaker] = {}
    if any(v.baseline for v in variants):
        makers = load_baselines(baselines_file or Path("eval/baselines.py"))
    runs: list[VariantRun] = []
    outcomes: list[Outcome] = []
    for v in variants:
        why, why_zh = ("", "") if v.baseline else why_not(v, config)
        if v.baseline and v.name not in makers:
            why = f"eval/baselines.py has no '{v.name}' (it has {', '.join(makers)})"
            why_zh = f"eval/baselines.py 中没有“{v.name}”（只有 {'、'.join(makers)}）"
        if why:
            say(f"{v.name}: skipped, {why}")
            runs.append(VariantRun(v, why, status_zh=why_zh))
            continue
        say(f"{v.name}: {len(questions)} questions")
        if v.baseline:
            files = sorted(p for p in Path(config.corpus).rglob("*") if p.is_file() and not p.name.startswith("."))
            t = time.perf_counter()
            try:
                peer = makers[v.name](files, embedder)
            except ImportError as e:
                why = f"needs the eval extra, pip install -e '.[eval]' ({e})"
                say(f"{v.name}: skipped, {why}")
                runs.append(VariantRun(v, why, status_zh=f"需要安装评测依赖：pip install -e '.[eval]'（{e}）"))
                continue
            build_s = time.perf_counter() - t
            for q in questions:
                t = time.perf_counter()
                found = peer.search(q.question, 10)
                ms = (time.perf_counter() - t) * 1000
                outcomes.append(Outcome(q.id, v.name, tuple(x for x, _ in found), tuple(s for _, s in found), ms))
            runs.append(VariantRun(v, "ran", build_s, len(getattr(peer, "chunks", ()))))
            continue
        defaults = {
            "mode": "hybrid",
            "generator": "extractive",
            "reranker": config.reranker if v.needs == "reranker" else "",
        }
        cfg = config.with_overrides(**(defaults | dict(v.overrides)))
        tmp = None
        build_s = 0.0
        if (cfg.chunk_size, cfg.chunk_overlap) != (config.chunk_size, config.chunk_overlap):
            tmp = Path(tempfile.mkdtemp(prefix="ragbot-eval-"))
            cfg = cfg.with_overrides(index=tmp / "index")
            t = time.perf_counter()
            pipeline.build_index([config.corpus], cfg, embedder=embedder)
            build_s = time.perf_counter() - t
        try:
            bot = pipeline.Ragbot(cfg, embedder=embedder)
            answerer = Answerer(bot)
            if questions:
                answerer.ask(questions[0].question)  # warm up (jieba, sentence rows, a local LLM)
            for q in questions:
                outcomes.append(_ragbot_outcomes(q, bot, answerer, v.name, k))
            runs.append(VariantRun(v, "ran", build_s, len(bot.index.chunks), v.overrides))
        finally:
            if tmp is not None:
                index_mod.discard(tmp / "index")
                shutil.rmtree(tmp, ignore_errors=True)
    return EvalRun(
        tuple(questions), tuple(runs), tuple(outcomes), k, embedder.name, started, time.perf_counter() - t_start
    )
