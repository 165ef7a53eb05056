"""The evaluation report: Markdown and HTML with tables and matplotlib plots, from an EvalRun.

Written to one folder (default eval/reports/): report.md (+ PNG plots beside it), report.html
(self-contained: the plots inlined), scores.jsonl (one line per question and configuration, for
comparing runs). Sections: goals, every configuration side by side, breakdowns by question type,
script and split, plots, and the worst questions of the default configuration with what it
retrieved and answered, so a reader can see why.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from . import render
from .evaluate import LOWER_IS_BETTER, METRICS, Question, aggregate, percentile, score
from .experiment import EvalRun
from .types import Outcome

Scores = dict[str, float | None]
GOALS: tuple[tuple[str, str, Callable[[float], bool], str], ...] = (  # key, label, test, target (default config)
    ("hit", "hit@5 (hybrid)", lambda v: v > 0.9, "> 0.9"),
    ("mrr", "MRR@10 (hybrid)", lambda v: v > 0.75, "> 0.75"),
    ("false_refusal", "false refusals", lambda v: v <= 0.05, "≤ 0.05"),
    ("refusal", "refusal accuracy", lambda v: v >= 0.85, "≥ 0.85"),
    ("evidence", "evidence recall of answers", lambda v: v >= 0.90, "≥ 0.90"),
    ("carries", "answer carries the evidence", lambda v: v >= 0.85, "≥ 0.85"),
    ("first", "first sentence carries it (fact questions)", lambda v: v >= 0.60, "≥ 0.60"),
    ("padding", "padding sentences", lambda v: v <= 0.02, "≤ 0.02"),
    ("rouge", "ROUGE-L F against the reference answers", lambda v: v >= 0.35, "≥ 0.35"),
    ("length", "median answer length (characters)", lambda v: v <= 220, "≤ 220"),
    ("unsupported", "unsupported sentences", lambda v: v == 0, "0"),
    ("in_script", "answers in the asker's script", lambda v: v >= 1.0, "1.00"),
    ("ask_p95", "ask latency p95 ms (extractive)", lambda v: v < 150, "< 150"),
)
TABLE_KEYS = (
    "hit",
    "recall",
    "mrr",
    "ndcg",
    "budget",
    "refusal",
    "false_refusal",
    "evidence",
    "precision",
    "unsupported",
    "in_script",
    "rouge",
    "carries",
    "first",
    "padding",
    "length",
)


class Tables:
    """Scores of a run, indexed for the report."""

    def __init__(self, run: EvalRun) -> None:
        self.run = run
        self.questions = {q.id: q for q in run.questions}
        self.ran = [r for r in run.variants if r.status == "ran"]
        self.by_variant: dict[str, list[tuple[Question, Outcome, Scores]]] = {r.variant.name: [] for r in self.ran}
        for o in run.outcomes:
            q = self.questions[o.question]
            self.by_variant[o.variant].append((q, o, score(q, o, run.k)))
        names = [r.variant.name for r in self.ran]
        self.primary = "hybrid" if "hybrid" in names else next((n for n in names if not _is_baseline(run, n)), "")

    def summary(self, name: str, keep: Callable[[Question], bool] = lambda q: True) -> Scores:
        rows = [(q, o, s) for q, o, s in self.by_variant[name] if keep(q)]
        out = aggregate([s for _, _, s in rows])
        search = [o.search_ms for _, o, _ in rows]
        ask = [o.ask_ms for _, o, _ in rows if o.answered]
        out |= {"search_p50": percentile(search, 50), "search_p95": percentile(search, 95)}
        out |= {"ask_p50": percentile(ask, 50), "ask_p95": percentile(ask, 95)} if ask else {}
        return out


def where(attr: str, value: str) -> Callable[[Question], bool]:
    """Questions whose `attr` (type, script, split) equals `value`."""
    return lambda q: bool(getattr(q, attr) == value)


def _is_baseline(run: EvalRun, name: str) -> bool:
    return any(r.variant.name == name and r.variant.baseline for r in run.variants)


def _fmt(v: float | None, digits: int = 3) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


# ---------------------------------------------------------------- plots
def plots(t: Tables, folder: Path) -> list[tuple[str, str]]:
    """PNG files (name, caption) written into `folder`."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [r.variant.name for r in t.ran]
    sums = {n: t.summary(n) for n in names}
    out: list[tuple[str, str]] = []

    def bars(file: str, caption: str, groups: Sequence[str], series: dict[str, list[float]], ylabel: str) -> None:
        fig, ax = plt.subplots(figsize=(max(6.0, 1.1 * len(groups) * max(1, len(series)) ** 0.5), 3.6), dpi=110)
        width = 0.8 / max(1, len(series))
        for i, (label, vals) in enumerate(series.items()):
            xs = [g + i * width - 0.4 + width / 2 for g in range(len(groups))]
            ax.bar(xs, vals, width, label=label)
        ax.set_xticks(range(len(groups)), groups, rotation=20, ha="right", fontsize=8)
        ax.set_ylabel(ylabel)
        ax.set_ylim(0, 1.05 if ylabel == "score" else None)
        ax.legend(fontsize=7, ncol=min(5, len(series)), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
        ax.grid(axis="y", alpha=0.3)
        fig.tight_layout()
        fig.savefig(folder / file)
        plt.close(fig)
        out.append((file, caption))

    keys = ("hit", "mrr", "ndcg", "budget")
    bars(
        "retrieval.png",
        "Retrieval per configuration (answerable questions)",
        names,
        {
            METRICS[k][0].replace("k", str(t.run.k)) if k == "hit" else METRICS[k][0]: [
                sums[n][k] or 0.0 for n in names
            ]
            for k in keys
        },
        "score",
    )
    answered = [n for n in names if not _is_baseline(t.run, n)]
    if answered:
        keys = ("refusal", "false_refusal", "evidence", "precision")
        bars(
            "answers.png",
            "Answer quality per configuration",
            answered,
            {METRICS[k][0]: [sums[n][k] or 0.0 for n in answered] for k in keys},
            "score",
        )
    types = sorted({q.type for q in t.questions.values() if q.answerable})
    bars(
        "by_type.png",
        f"hit@{t.run.k} by question type",
        types,
        {n: [t.summary(n, where("type", ty))["hit"] or 0.0 for ty in types] for n in names},
        "score",
    )
    fig, ax = plt.subplots(figsize=(7, 3.4), dpi=110)
    data = [[o.ask_ms if o.answered else o.search_ms for _, o, _ in t.by_variant[n]] for n in names]
    ax.boxplot(data, showfliers=False)
    ax.set_xticks(range(1, len(names) + 1), names, rotation=20, ha="right", fontsize=8)
    ax.set_ylabel("ms per question")
    ax.set_yscale("log")
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(folder / "latency.png")
    plt.close(fig)
    out.append(("latency.png", "Latency per question: whole answer for ragbot configurations, search for the peers"))
    return out


# ---------------------------------------------------------------- markdown
def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in r) + " |" for r in rows]
    return "\n".join(lines)


def _clip(text: str, n: int = 160) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= n else text[: n - 1] + "…"


def worst(t: Tables, limit: int = 12) -> list[tuple[str, Question, Outcome, Scores]]:
    """The default configuration's failures: false refusals and answered unanswerables first, then
    retrieval misses (lowest reciprocal rank first), then answers citing no gold quote."""
    rows = t.by_variant.get(t.primary, [])
    out = []
    for q, o, s in rows:
        if s["false_refusal"] == 1.0:
            out.append((0, 0.0, "refused an answerable question", q, o, s))
        elif s["refusal"] == 0.0:
            out.append((0, 0.0, "answered an unanswerable question", q, o, s))
        elif s["hit"] == 0.0:
            out.append((1, s["mrr"] or 0.0, "no gold quote in the top 5", q, o, s))
        elif s["evidence"] == 0.0:
            out.append((2, s["mrr"] or 0.0, "answer cites no gold quote", q, o, s))
    out.sort(key=lambda x: (x[0], x[1]))
    return [(why, q, o, s) for _, _, why, q, o, s in out[:limit]]


def _goals(t: Tables) -> list[str]:
    """The default configuration against the goals: over all questions, and on the held-out split
    (written after the thresholds were calibrated on dev), where the goals apply."""
    if not t.primary:
        return []
    every = t.summary(t.primary)
    dev = t.summary(t.primary, where("split", "dev"))
    held = t.summary(t.primary, where("split", "heldout"))
    rows = []
    for key, label, ok, target in GOALS:
        digits = 1 if key in ("ask_p95", "length") else 3
        v = held.get(key) if held.get(f"n_{key}") else every.get(key)
        rows.append(
            [
                label,
                target,
                _fmt(every.get(key), digits),
                _fmt(dev.get(key), digits),
                f"{_fmt(held.get(key), digits)} (n={held.get(f'n_{key}', 0)})" if key != "ask_p95" else "–",
                "–" if v is None else ("met" if ok(v) else "**not met**"),
            ]
        )
    header = ["goal", "target", "all", "dev", "held-out", "on held-out"]
    return [
        f"## Goals ({t.primary})",
        _md_table(header, rows),
        "Refusal thresholds were calibrated on the dev split; "
        "the last column judges the held-out figure where the split has questions it applies to.",
    ]


def _side_by_side(t: Tables) -> list[str]:
    """Every configuration's figures in one table, best in bold, and what each configuration is."""
    run = t.run
    header = (
        ["configuration"]
        + [METRICS[k][0].replace("@k", f"@{run.k}") for k in TABLE_KEYS]
        + ["search p50 ms", "ask p50 / p95 ms"]
    )
    rows = []
    sums = {r.variant.name: t.summary(r.variant.name) for r in t.ran}
    best = {}
    for k in TABLE_KEYS:
        vals = [v for s in sums.values() if (v := s.get(k)) is not None]
        best[k] = (min(vals) if k in LOWER_IS_BETTER else max(vals)) if len(vals) > 1 else None
    for name, s in sums.items():
        ask = f"{s['ask_p50']:.1f} / {s['ask_p95']:.1f}" if "ask_p50" in s else "–"
        cells = [
            f"**{_fmt(s.get(k))}**" if s.get(k) is not None and _fmt(s.get(k)) == _fmt(best[k]) else _fmt(s.get(k))
            for k in TABLE_KEYS
        ]
        rows.append([name, *cells, f"{s['search_p50']:.1f}", ask])
    parts = [
        "## Configurations side by side",
        _md_table(header, rows),
        "Retrieval figures are over answerable questions, refusal accuracy over unanswerable ones, "
        "evidence recall, citation precision, unsupported sentences and ROUGE-L over answered answerable ones. "
        "Lower is better for false refusals and unsupported sentences; the best of each column is in bold. "
        "Peer baselines retrieve only.",
    ]
    about = [
        [
            r.variant.name,
            r.variant.about,
            r.status
            if r.status != "ran"
            else (
                f"own index: {r.chunks} chunks, built in {r.build_s:.1f} s"
                if r.build_s
                else (f"{r.chunks} chunks" if r.chunks else "ran")
            ),
        ]
        for r in run.variants
    ]
    parts += ["### What each configuration is", _md_table(["configuration", "what", "status"], about)]
    return parts


SHORT_LABELS = {  # column labels of the per-group tables (k is filled in)
    "hit": "hit@k",
    "recall": "rec@k",
    "mrr": "MRR",
    "ndcg": "nDCG",
    "budget": "1500c",
    "refusal": "refuse",
    "false_refusal": "false ref.",
    "evidence": "evid.",
    "precision": "cite prec.",
    "unsupported": "unsupp.",
    "in_script": "script",
    "rouge": "ROUGE-L",
    "carries": "carries",
    "first": "1st sent.",
    "padding": "padding",
    "length": "chars",
}


def _by_group(t: Tables) -> list[str]:
    """Every figure per question type, script and split."""
    run = t.run
    short = {k: v.replace("@k", f"@{run.k}") for k, v in SHORT_LABELS.items()}
    parts = [
        "## Every figure by question type, script and split",
        "Columns as above (rec = recall, 1500c = hit in 1,500 characters, refuse = refusal accuracy); "
        "n counts the questions in the group; – where a figure does not apply to the group.",
    ]
    for title, attr in (("question type", "type"), ("question script", "script"), ("split", "split")):
        groups = sorted({getattr(q, attr) for q in run.questions})
        rows = []
        for g in groups:
            n = sum(getattr(q, attr) == g for q in run.questions)
            for name in t.by_variant:
                s = t.summary(name, where(attr, g))
                ask = f"{s['ask_p50']:.1f}" if "ask_p50" in s else "–"
                rows.append([f"{g} (n={n})", name, *(_fmt(s.get(k), 2) for k in TABLE_KEYS), ask])
        parts += [
            f"### By {title}",
            _md_table([attr, "configuration", *(short[k] for k in TABLE_KEYS), "ask p50 ms"], rows),
        ]
    return parts


def markdown(t: Tables, images: Sequence[tuple[str, str]]) -> str:
    run = t.run
    n_ans = sum(q.answerable for q in run.questions)
    parts = [
        "# ragbot evaluation report",
        f"Run {run.started}, {run.seconds:.0f} s: {len(run.questions)} questions ({n_ans} answerable, "
        f"{len(run.questions) - n_ans} unanswerable) from eval/questions.jsonl, embedder `{run.embedder}`, k = {run.k}. "
        "Made by `ragbot eval`; every figure below comes from this one run.",
    ]
    parts += _goals(t) + _side_by_side(t) + _by_group(t)
    if images:
        parts.append("## Plots")
        parts += [f"![{cap}]({name})\n\n*{cap}*" for name, cap in images]
    bad = worst(t)
    if bad:
        parts.append(f"## Worst questions ({t.primary})")
        for why, q, o, s in bad:
            lines = [f"### {q.id} [{q.type}/{q.script}/{q.split}]: {why}", f"**Q:** {q.question}"]
            if q.gold:
                lines.append("**Gold:** " + "; ".join(f"{g.file}#{g.speech} 「{g.quote}」" for g in q.gold))
            lines.append(f"**Answer{' (refused)' if o.refused else ''}:** {_clip(o.answer, 300)}")
            lines.append(f"**Reference answer:** {_clip(q.answer, 300)}")
            lines.append(f"**Retrieved** (reciprocal rank {_fmt(s['mrr'], 2)}):")
            lines.append(
                "\n".join(
                    f"{i}. `{src}` {_clip(text)}"
                    for i, (src, text) in enumerate(zip(o.sources[:3], o.excerpts[:3]), start=1)
                )
            )
            parts.append("\n\n".join(lines))
    return "\n\n".join(parts) + "\n"


def write(run: EvalRun, folder: Path) -> tuple[Path, Path]:
    """report.md, the plots, report.html and scores.jsonl into `folder` (each written to a temp name, then renamed)."""
    folder.mkdir(parents=True, exist_ok=True)
    t = Tables(run)
    images = plots(t, folder) if t.ran else []
    md = markdown(t, images)
    page = render.report_page(md, folder)
    lines = [
        json.dumps(
            {
                "variant": o.variant,
                "id": q.id,
                "type": q.type,
                "script": q.script,
                "split": q.split,
                **{k: v for k, v in s.items() if v is not None},
                "search_ms": round(o.search_ms, 2),
                "ask_ms": round(o.ask_ms, 2),
                "answer": o.answer,
                "sources": list(o.sources[:5]),
            },
            ensure_ascii=False,
        )
        for name in t.by_variant
        for q, o, s in t.by_variant[name]
    ]
    for name, text in (("report.md", md), ("report.html", page), ("scores.jsonl", "\n".join(lines) + "\n")):
        tmp = folder / f".{name}.tmp"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, folder / name)
    return folder / "report.md", folder / "report.html"


def side_by_side(run: EvalRun) -> str:
    """A short plain-text table for the terminal."""
    t = Tables(run)
    keys = ("hit", "mrr", "ndcg", "budget", "refusal", "false_refusal", "evidence", "precision")
    head = ["configuration"] + [METRICS[k][0].replace("@k", f"@{run.k}") for k in keys] + ["ask p95 ms"]
    rows = [head]
    for r in t.ran:
        s = t.summary(r.variant.name)
        rows.append(
            [r.variant.name] + [_fmt(s.get(k)) for k in keys] + [f"{s['ask_p95']:.1f}" if "ask_p95" in s else "–"]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    skipped = [f"{r.variant.name}: {r.status}" for r in run.variants if r.status != "ran"]
    return "\n".join(lines + ([""] + ["not run: " + s for s in skipped] if skipped else []))
