"""The evaluation report: Markdown and HTML with tables and matplotlib plots, from an EvalRun.

Written to one folder (default eval/reports/): report.md (+ PNG plots beside it), report.html
(self-contained: the plots inlined), scores.jsonl (one line per question and configuration, for
comparing runs). Sections: goals, every configuration side by side, breakdowns by question type,
script and split, plots, and the worst questions of the default configuration with what it
retrieved and answered, so a reader can see why.

The report is read in a Chinese office, so its words are Chinese: every figure's name comes from
LABELS, question types, scripts and splits from GROUPS; configuration names, file names and question
ids stay as they are. The charts (charts.py) are Chinese when the machine has a CJK font, else they
use the English names of evaluate.METRICS rather than draw empty boxes. The terminal table
(`side_by_side`) is for operators and stays English, in METRICS's names. What it does not do: compute
anything; every figure comes from evaluate.score and aggregate.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from . import charts, render
from .evaluate import LOWER_IS_BETTER, METRICS, Question, aggregate, percentile, score
from .experiment import EvalRun
from .types import Outcome

Scores = dict[str, float | None]
LABELS: dict[str, tuple[str, str]] = {  # figure: (its name in the report, short name for the per-group tables)
    "hit": ("前{k}命中率 (hit@{k})", "前{k}命中"),
    "recall": ("前{k}召回率 (recall@{k})", "前{k}召回"),
    "mrr": ("平均倒数排名 (MRR@10)", "MRR"),
    "ndcg": ("归一化折损累计增益 (nDCG@10)", "nDCG"),
    "budget": ("前1500字命中率", "1500字命中"),
    "refusal": ("拒答准确率", "拒答准确"),
    "false_refusal": ("误拒率", "误拒"),
    "evidence": ("证据召回率", "证据召回"),
    "precision": ("引用精确率", "引用精确"),
    "unsupported": ("无依据句占比", "无依据句"),
    "in_script": ("答案与提问繁简一致", "繁简一致"),
    "twin": ("换成另一字体提问，前{k}段落不变", "繁简同检索"),
    "rouge": ("与参考答案的重合度 (ROUGE-L F)", "ROUGE-L"),
    "carries": ("答案本身含证据原文", "含证据"),
    "first": ("首句含证据（事实题）", "首句含证据"),
    "padding": ("冗余句占比", "冗余句"),
    "length": ("答案字数（中位数）", "字数"),
    "search_p50": ("检索耗时中位数（毫秒）", "检索耗时（毫秒）"),
    "ask_p50": ("回答耗时中位数（毫秒）", "回答耗时（毫秒）"),
    "ask_p95": ("回答耗时 P95（毫秒）", "回答 P95（毫秒）"),
    "ask": ("回答耗时 中位数 / P95（毫秒）", "回答耗时（毫秒）"),  # the side-by-side column: p50 / p95
}
GROUPS = {  # question types, scripts and splits (evaluate.TYPES, SPLITS) as the report names them
    "duty": "职责题",
    "wording": "提法题",
    "fact": "事实题",
    "paraphrase": "改述题",
    "multi": "跨篇题",
    "unanswerable": "无答案题",
    "simplified": "简体",
    "traditional": "繁体",
    "dev": "开发集",
    "heldout": "留出集",
}
GOALS: tuple[tuple[str, Callable[[float], bool], str], ...] = (  # key, test, target (default configuration)
    ("hit", lambda v: v > 0.9, "> 0.9"),
    ("mrr", lambda v: v > 0.75, "> 0.75"),
    ("false_refusal", lambda v: v <= 0.05, "≤ 0.05"),
    ("refusal", lambda v: v >= 0.85, "≥ 0.85"),
    ("evidence", lambda v: v >= 0.90, "≥ 0.90"),
    ("carries", lambda v: v >= 0.85, "≥ 0.85"),
    ("first", lambda v: v >= 0.60, "≥ 0.60"),
    ("padding", lambda v: v <= 0.02, "≤ 0.02"),
    ("rouge", lambda v: v >= 0.35, "≥ 0.35"),
    ("length", lambda v: v <= 220, "≤ 220"),
    ("unsupported", lambda v: v == 0, "0"),
    ("in_script", lambda v: v >= 1.0, "1.00"),
    ("twin", lambda v: v >= 0.95, "≥ 0.95"),
    ("ask_p95", lambda v: v < 150, "< 150"),
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
    "twin",
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


def label(key: str, k: int, short: bool = False) -> str:
    """The report's name of a figure (LABELS), k filled in.

    >>> label("hit", 5), label("mrr", 5), label("hit", 5, short=True)
    ('前5命中率 (hit@5)', '平均倒数排名 (MRR@10)', '前5命中')
    """
    return LABELS[key][short].format(k=k)


def where(attr: str, value: str) -> Callable[[Question], bool]:
    """Questions whose `attr` (type, script, split) equals `value`."""
    return lambda q: bool(getattr(q, attr) == value)


def _is_baseline(run: EvalRun, name: str) -> bool:
    return any(r.variant.name == name and r.variant.baseline for r in run.variants)


def _fmt(v: float | None, digits: int = 3) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


# ---------------------------------------------------------------- plots
def plots(t: Tables, folder: Path) -> list[tuple[str, str]]:
    """PNG files (name, caption) written into `folder`: Chinese words, or English without a CJK font."""
    k, zh = t.run.k, bool(charts.cjk_font())

    def name(key: str) -> str:  # a figure's name in the charts
        return label(key, k) if zh else METRICS[key][0].replace("@k", f"@{k}")

    score, per_question = ("得分", "每题耗时 (毫秒, 对数坐标)") if zh else ("score", "ms per question")
    note = "" if zh else "（本机没有中文字体，图中文字为英文）"
    names = [r.variant.name for r in t.ran]
    sums = {n: t.summary(n) for n in names}
    keys = ("hit", "mrr", "ndcg", "budget")
    charts.bars(folder / "retrieval.png", names, {name(x): [sums[n][x] or 0.0 for n in names] for x in keys}, score)
    out = [("retrieval.png", "各配置的检索指标（可回答的问题）" + note)]
    answered = [n for n in names if not _is_baseline(t.run, n)]
    if answered:
        keys = ("refusal", "false_refusal", "evidence", "precision")
        series = {name(x): [sums[n][x] or 0.0 for n in answered] for x in keys}
        charts.bars(folder / "answers.png", answered, series, score)
        out.append(("answers.png", "各配置的回答质量" + note))
    types = sorted({q.type for q in t.questions.values() if q.answerable})
    series = {n: [t.summary(n, where("type", ty))["hit"] or 0.0 for ty in types] for n in names}
    charts.bars(folder / "by_type.png", [GROUPS.get(ty, ty) if zh else ty for ty in types], series, score)
    out.append(("by_type.png", f"各题型的{label('hit', k)}" + note))
    data = [[o.ask_ms if o.answered else o.search_ms for _, o, _ in t.by_variant[n]] for n in names]
    charts.boxes(folder / "latency.png", names, data, per_question)
    out.append(("latency.png", "每题耗时：ragbot 各配置为完整回答的耗时，对照方案为检索的耗时" + note))
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
    retrieval misses (lowest reciprocal rank first), then answers citing no gold quote; each with why."""
    rows = t.by_variant.get(t.primary, [])
    out = []
    for q, o, s in rows:
        if s["false_refusal"] == 1.0:
            out.append((0, 0.0, "可回答的问题被拒答", q, o, s))
        elif s["refusal"] == 0.0:
            out.append((0, 0.0, "无答案的问题却作了回答", q, o, s))
        elif s["hit"] == 0.0:
            out.append((1, s["mrr"] or 0.0, f"前{t.run.k}条摘录中没有标注原文", q, o, s))
        elif s["evidence"] == 0.0:
            out.append((2, s["mrr"] or 0.0, "答案引用的摘录中没有标注原文", q, o, s))
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
    for key, ok, target in GOALS:
        digits = 1 if key in ("ask_p95", "length") else 3
        v = held.get(key) if held.get(f"n_{key}") else every.get(key)
        rows.append(
            [
                label(key, t.run.k),
                target,
                _fmt(every.get(key), digits),
                _fmt(dev.get(key), digits),
                f"{_fmt(held.get(key), digits)}（{held.get(f'n_{key}', 0)}题）" if key != "ask_p95" else "–",
                "–" if v is None else ("达标" if ok(v) else "**未达标**"),
            ]
        )
    header = ["指标", "目标", "全部问题", "开发集", "留出集", "留出集是否达标"]
    return [
        f"## 目标达成情况（{t.primary}）",
        _md_table(header, rows),
        "拒答阈值是在开发集（dev）上校准的，留出集（held-out）的问题在校准之后才写；"
        "最后一列按留出集的数字判定，留出集里没有适用问题的指标按全部问题判定。",
    ]


def _side_by_side(t: Tables) -> list[str]:
    """Every configuration's figures in one table, best in bold, and what each configuration is."""
    run = t.run
    header = [
        "配置",
        *(label(key, run.k) for key in TABLE_KEYS),
        label("search_p50", run.k),
        label("ask", run.k),
    ]
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
    lower = "、".join(label(key, run.k) for key in TABLE_KEYS if key in LOWER_IS_BETTER)
    parts = [
        "## 各配置对比",
        _md_table(header, rows),
        "检索指标按可回答的问题计算，拒答准确率按无答案的问题计算，证据召回率、引用精确率、无依据句占比"
        f"和重合度等回答指标按作了回答的可回答问题计算。{lower}越低越好；每列最好的数字加粗。对照方案只做检索。",
    ]
    about = [
        [
            r.variant.name,
            r.variant.zh or r.variant.about,
            (r.status_zh or r.status)
            if r.status != "ran"
            else (
                f"自建索引：{r.chunks} 个片段，构建用时 {r.build_s:.1f} 秒"
                if r.build_s
                else (f"{r.chunks} 个片段" if r.chunks else "已运行")
            ),
        ]
        for r in run.variants
    ]
    parts += ["### 各配置说明", _md_table(["配置", "说明", "状态"], about)]
    return parts


def _by_group(t: Tables) -> list[str]:
    """Every figure per question type, script and split."""
    run = t.run
    parts = [
        "## 各项指标按题型、提问繁简和划分",
        "各列同上表（列名为简称）；括号里是该组的问题数；“–”表示该指标不适用于该组；回答耗时为中位数。",
    ]
    for title, attr in (("题型", "type"), ("提问繁简", "script"), ("划分", "split")):
        groups = sorted({getattr(q, attr) for q in run.questions})
        rows = []
        for g in groups:
            n = sum(getattr(q, attr) == g for q in run.questions)
            for name in t.by_variant:
                s = t.summary(name, where(attr, g))
                ask = f"{s['ask_p50']:.1f}" if "ask_p50" in s else "–"
                rows.append([f"{GROUPS.get(g, g)}（{n}题）", name, *(_fmt(s.get(k), 2) for k in TABLE_KEYS), ask])
        short = [label(key, run.k, short=True) for key in (*TABLE_KEYS, "ask_p50")]
        parts += [f"### 按{title}", _md_table([title, "配置", *short], rows)]
    return parts


def markdown(t: Tables, images: Sequence[tuple[str, str]]) -> str:
    run = t.run
    n_ans = sum(q.answerable for q in run.questions)
    parts = [
        "# ragbot 评测报告",
        f"评测于 {run.started}，用时 {run.seconds:.0f} 秒：eval/questions.jsonl 中的 {len(run.questions)} 个问题"
        f"（可回答 {n_ans} 个，无答案 {len(run.questions) - n_ans} 个），向量模型 `{run.embedder}`，k = {run.k}。"
        "由 `ragbot eval` 生成；下文所有数字都出自这一次运行。",
    ]
    parts += _goals(t) + _side_by_side(t) + _by_group(t)
    if images:
        parts.append("## 图表")
        parts += [f"![{cap}]({name})\n\n*{cap}*" for name, cap in images]
    bad = worst(t)
    if bad:
        parts.append(f"## 最差的问题（{t.primary}）")
        for why, q, o, s in bad:
            kind = " · ".join(GROUPS.get(x, x) for x in (q.type, q.script, q.split))
            lines = [f"### {q.id} [{kind}]：{why}", f"**问题：**{q.question}"]
            if q.gold:
                lines.append("**标注原文：**" + "；".join(f"{g.file}#{g.speech} 「{g.quote}」" for g in q.gold))
            lines.append(f"**回答{'（拒答）' if o.refused else ''}：**{_clip(o.answer, 300)}")
            lines.append(f"**参考答案：**{_clip(q.answer, 300)}")
            lines.append(f"**检索到的摘录**（倒数排名 {_fmt(s['mrr'], 2)}）：")
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
