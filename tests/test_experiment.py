"""`ragbot eval`: configurations side by side, the peer baselines, the report.

Logic tests use the keyword embedder on a small corpus; the last test runs the real model, the
real LangChain and Langchain-Chatchat recipes and the real CLI on one seed file.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

from ragbot import charts, cli, experiment, pipeline, render, report
from ragbot.answer import Answerer
from ragbot.config import Config
from ragbot.embed import Embedder
from ragbot.errors import ConfigError
from ragbot.evaluate import METRICS, SPLITS, TYPES, Gold, Question, load_questions, score
from ragbot.types import Outcome, SearchResult

from .helpers import CORPUS, ROOT, KeywordEmbedder, need

SPEECH = """办公室工作会议讲话

一、做好督查工作
督查工作要抓住重点，对领导批示件逐项督办，做到件件有着落、事事有回音。

二、做好信息工作
信息工作要及时准确，重要情况第一时间报送，坚决杜绝迟报漏报。

三、做好保密工作
保密工作无小事，涉密文件要专人管理，严防失泄密事件发生。
"""


def _q(qid: str, text: str, quote: str = "", kind: str = "duty", script: str = "simplified") -> Question:
    gold = (Gold("a.txt", 1, quote),) if quote else ()
    return Question(qid, text, script, "unanswerable" if not quote else kind, gold, "参考答案。")


@pytest.fixture
def small(tmp_path: Path) -> Config:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SPEECH, encoding="utf-8")
    return Config(corpus=corpus, index=tmp_path / "index", refusal_threshold=0.5, refusal_threshold_quantity=0.5)


QUESTIONS = [
    _q("q1", "督查工作怎么抓？", "对领导批示件逐项督办"),
    _q("q2", "保密工作有什么要求？", "涉密文件要专人管理"),
    _q("q3", "信息報送有什麼要求？", "重要情况第一时间报送", script="traditional"),
    _q("q4", "机关食堂的伙食标准是多少？"),
]


def test_unknown_configuration_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown configuration 'hybird'; valid names: bm25, dense, hybrid"):
        experiment.resolve(["hybrid", "hybird"])


def test_configurations_that_cannot_run_here_say_why() -> None:
    plain = Config()
    assert "no reranker configured" in experiment.unavailable(experiment.VARIANTS["hybrid-rerank"], plain)
    assert "no LLM server" in experiment.unavailable(experiment.VARIANTS["llm-openai"], plain)
    assert "not a .gguf" in experiment.unavailable(
        experiment.VARIANTS["llm-llama-cpp"], Config(llm_model="/models/x.bin")
    )
    assert experiment.unavailable(experiment.VARIANTS["llm-openai"], Config(llm_base_url="http://127.0.0.1:1/v1")) == ""
    assert experiment.unavailable(experiment.VARIANTS["hybrid-rerank"], Config(reranker="some/cross-encoder")) == ""
    assert experiment.unavailable(experiment.VARIANTS["hybrid"], plain) == ""


def test_score_an_answered_unanswerable_and_a_refused_answerable() -> None:
    q_un, q_ans = QUESTIONS[3], QUESTIONS[0]
    answered = Outcome("q4", "v", ("甲",), ("a.txt#1",), 1.0, answered=True, answer="伙食标准是十元[1]。")
    refused = Outcome(
        "q1",
        "v",
        ("对领导批示件逐项督办",),
        ("a.txt#1",),
        1.0,
        answered=True,
        refused=True,
        answer="讲话中没有找到能确认回答这个问题的内容。",
    )
    s_un, s_ans = score(q_un, answered), score(q_ans, refused)
    assert s_un["refusal"] == 0.0
    assert s_un["hit"] is None
    assert s_un["false_refusal"] is None
    assert s_ans["false_refusal"] == 1.0
    assert s_ans["hit"] == 1.0
    assert s_ans["evidence"] is None
    retrieval_only = score(q_ans, Outcome("q1", "peer", ("无关",), ("a.txt",), 1.0))
    assert retrieval_only["hit"] == 0.0
    assert retrieval_only["in_script"] is None


def test_run_side_by_side_and_the_report(small: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    emb = KeywordEmbedder()
    run = experiment.run(small, QUESTIONS, ["bm25", "hybrid", "hybrid-c500", "hybrid-rerank"], embedder=emb)
    status = {r.variant.name: r.status for r in run.variants}
    assert status["hybrid-rerank"].startswith("no reranker configured")
    assert [status[n] for n in ("bm25", "hybrid", "hybrid-c500")] == ["ran"] * 3
    assert len(run.outcomes) == 3 * len(QUESTIONS)
    c500 = next(r for r in run.variants if r.variant.name == "hybrid-c500")
    assert c500.build_s > 0
    assert c500.settings == (("chunk_size", 500), ("chunk_overlap", 80))
    assert not list(temp.glob("ragbot-eval-*"))  # its own index was built in a temporary folder, then removed
    by = {(o.variant, o.question): o for o in run.outcomes}
    assert by[("hybrid", "q1")].excerpts
    assert "督办" in by[("hybrid", "q1")].excerpts[0]
    assert by[("hybrid", "q3")].answer
    assert by[("hybrid", "q3")].script == "traditional"
    assert by[("hybrid", "q4")].refused  # keyword embedder: nothing about canteens scores above 0.5

    out = tmp_path / "reports"
    md, page = report.write(run, out)
    text = md.read_text(encoding="utf-8")
    for name in ("bm25", "hybrid", "hybrid-c500"):
        assert f"| {name} |" in text
    assert "| hybrid-rerank | hybrid 检索后，由配置的交叉编码器重新排序 | 未配置重排序模型（" in text
    assert "| hybrid-c500 | hybrid，片段长 500 字（重叠 80 字） | 自建索引：" in text
    assert "### 按提问繁简" in text
    assert "| 繁体（1题） | hybrid | 1.00 |" in text
    assert {p.name for p in out.glob("*.png")} == {"retrieval.png", "answers.png", "by_type.png", "latency.png"}
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in out.glob("*.png"))
    html = page.read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 4
    assert "<table>" in html
    assert "<title>ragbot 评测报告</title>" in html
    assert "<h1>ragbot 评测报告</h1>" in html
    rows = [json.loads(line) for line in (out / "scores.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(run.outcomes)
    assert {"variant", "id", "hit", "ask_ms"} <= set(rows[0])
    table = report.side_by_side(run)
    assert table.splitlines()[0].startswith("configuration")
    assert "not run: hybrid-rerank" in table


def test_the_same_question_in_the_other_script_is_searched_too(small: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    # a search that finds nothing for the Traditional twin: the twin figure says so
    bot = pipeline.Ragbot(small.with_overrides(mode="hybrid"), embedder=KeywordEmbedder())
    pipeline.build_index([small.corpus], small, embedder=KeywordEmbedder())
    answerer = Answerer(bot)
    q = QUESTIONS[0]  # 督查工作怎么抓？
    assert experiment._ragbot_outcomes(q, bot, answerer, "hybrid").twin == 1.0
    real = bot.search

    def by_script(query: str, k: int = 10) -> SearchResult:
        found = real(query, k=k)
        return replace(found, hits=()) if query == "督查工作怎麼抓？" else found

    monkeypatch.setattr(bot, "search", by_script)
    assert experiment._ragbot_outcomes(q, bot, answerer, "hybrid", k=1).twin == 0.0
    assert score(q, experiment._ragbot_outcomes(q, bot, answerer, "hybrid", k=1))["twin"] == 0.0


def test_report_escapes_what_questions_and_speeches_hold(small: Config, tmp_path: Path) -> None:
    evil = _q("q9", "<script>alert(1)</script>督查<img src=x onerror=alert(2)>?", "对领导批示件逐项督办")
    run = experiment.run(small, [evil], ["hybrid"], embedder=KeywordEmbedder())
    run = experiment.EvalRun(
        run.questions,
        run.variants,
        tuple(
            o.__class__(**{**o.__dict__, "excerpts": ("<b onmouseover=x>无关</b>",), "sources": ("<i>.txt#1",)})
            for o in run.outcomes
        ),
        run.k,
        run.embedder,
        run.started,
        run.seconds,
    )
    _, page = report.write(run, tmp_path / "r")
    html = page.read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b onmouseover" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    body = render.body_of(html)
    assert body.startswith("<style>")
    assert "<body>" not in body
    assert ".ragbot-report{" in body


def test_worst_questions_show_what_was_retrieved(small: Config) -> None:
    questions = [_q("q1", "督查工作怎么抓？", "这句话语料里没有出现过"), *QUESTIONS[1:]]
    run = experiment.run(small, questions, ["hybrid"], embedder=KeywordEmbedder())
    bad = report.worst(report.Tables(run))
    assert [q.id for _, q, _, _ in bad][:1] == ["q1"]
    assert bad[0][0] == "前5条摘录中没有标注原文"
    text = report.markdown(report.Tables(run), [])
    assert "## 最差的问题（hybrid）" in text
    assert "### q1 [职责题 · 简体 · 开发集]：前5条摘录中没有标注原文" in text
    assert "**问题：**督查工作怎么抓？" in text
    assert "**标注原文：**a.txt#1 「这句话语料里没有出现过」" in text
    assert "1. `a.txt#1` " in text
    assert '<div class="worst"><h3>q1 [职责题' in render.report_page(text, Path("."))  # still boxed on the page


def _cells(md: str, first: str) -> list[list[str]]:
    """The rows of the report's table whose header starts with `first` (header included), as cells."""
    block = next(b for b in md.split("\n\n") if b.startswith(f"| {first} |"))
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in block.splitlines() if "---|" not in line]


def test_the_report_reads_in_chinese_with_the_figures_beside_their_names(small: Config, tmp_path: Path) -> None:
    run = experiment.run(small, QUESTIONS, ["bm25", "hybrid", "hybrid-rerank"], embedder=KeywordEmbedder())
    t = report.Tables(run)
    md, _ = report.write(run, tmp_path / "r")
    text = md.read_text(encoding="utf-8")
    hybrid = t.summary("hybrid")
    table = _cells(text, "配置")  # every configuration side by side
    head, row = table[0], next(r for r in table if r[0] == "hybrid")
    assert head[:4] == ["配置", "前5命中率 (hit@5)", "前5召回率 (recall@5)", "平均倒数排名 (MRR@10)"]
    for key in ("hit", "refusal", "false_refusal", "evidence"):
        assert row[head.index(report.label(key, 5))].strip("*") == f"{hybrid[key]:.3f}"
    goal_rows = _cells(text, "指标")
    assert goal_rows[0] == ["指标", "目标", "全部问题", "开发集", "留出集", "留出集是否达标"]
    goals = {r[0]: r for r in goal_rows}
    assert goals["前5命中率 (hit@5)"][1:3] == ["> 0.9", f"{hybrid['hit']:.3f}"]
    assert goals["误拒率"][2] == f"{hybrid['false_refusal']:.3f}"
    assert goals["误拒率"][5] in ("达标", "**未达标**")
    assert goals["答案字数（中位数）"][2] == f"{hybrid['length']:.1f}"
    assert "| 无答案题（1题） | hybrid | – | – | – | – | – | " in text
    # no English left: what remains besides names of configurations, files and ids is technical terms
    terms = {"hit", "recall", "MRR", "nDCG", "ROUGE-L", "F", "P95", "BM25", "jieba", "e5", "RRF", "dev", "held-out"}
    terms |= {"ragbot", "reranker", "RAGBOT_RERANKER", "k"}
    prose = re.sub(r"`[^`]*`|\b[\w/-]+\.(?:txt|png|jsonl)\b|\bq\d+\b|@\d+", " ", text)
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_\-.]*", prose)) - terms - set(experiment.VARIANTS)
    assert not words, f"English words in the report: {sorted(words)}"


def test_every_name_the_report_shows_has_its_chinese_label() -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    assert set(METRICS) <= set(report.LABELS)
    assert all(han.search(full) for full, _ in report.LABELS.values())
    assert all(han.search(short) or short in ("MRR", "nDCG", "ROUGE-L") for _, short in report.LABELS.values())
    assert {key for key, _, _ in report.GOALS} <= set(report.LABELS)
    assert set(TYPES) | set(SPLITS) | {"simplified", "traditional"} <= set(report.GROUPS)
    assert all(han.search(v.zh) for v in experiment.VARIANTS.values())
    assert experiment.why_not(experiment.VARIANTS["llm-openai"], Config())[1].startswith("未配置大模型服务")


def test_charts_draw_chinese_without_a_missing_glyph(small: Config, tmp_path: Path) -> None:
    need(bool(charts.cjk_font()), "a Chinese font", "fonts-wqy-microhei")
    run = experiment.run(small, QUESTIONS, ["hybrid"], embedder=KeywordEmbedder())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns once per glyph its fonts lack: an empty box in the PNG
        images = report.plots(report.Tables(run), tmp_path)
    assert images[0] == ("retrieval.png", "各配置的检索指标（可回答的问题）")
    assert all((tmp_path / name).stat().st_size > 5000 for name, _ in images)


def test_charts_without_a_chinese_font_are_english_not_empty_boxes(
    small: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = experiment.run(small, QUESTIONS, ["hybrid"], embedder=KeywordEmbedder())
    monkeypatch.setattr(charts, "cjk_font", lambda: "DejaVu Sans")  # a font without Chinese: the check sees it
    with pytest.warns(UserWarning, match="missing from font"):
        report.plots(report.Tables(run), tmp_path)
    monkeypatch.setattr(charts, "cjk_font", lambda: "")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        images = report.plots(report.Tables(run), tmp_path)
    assert all(cap.endswith("（本机没有中文字体，图中文字为英文）") for _, cap in images)
    assert len(images) == 4


def test_baselines_file_problems_are_one_line(small: Config, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"peer baselines live in eval/baselines\.py"):
        experiment.run(small, QUESTIONS, ["langchain"], tmp_path / "nope.py", embedder=KeywordEmbedder())
    other = tmp_path / "b.py"
    other.write_text(
        "class Peer:\n"
        "    def __init__(self, files, embedder):\n"
        "        self.chunks = [f.read_text(encoding='utf-8') for f in files]\n"
        "    def search(self, q, k):\n"
        "        return [(c, 'a.txt') for c in self.chunks][:k]\n"
        "BASELINES = {'langchain': Peer}\n",
        encoding="utf-8",
    )
    run = experiment.run(small, QUESTIONS, ["langchain", "chatchat"], other, embedder=KeywordEmbedder())
    status = {r.variant.name: r.status for r in run.variants}
    assert status == {"langchain": "ran", "chatchat": "eval/baselines.py has no 'chatchat' (it has langchain)"}
    assert run.outcomes
    assert all(not o.answered and o.sources == ("a.txt",) for o in run.outcomes)


def test_cli_eval_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["eval", "--questions", str(tmp_path / "none.jsonl")]) == 1
    assert "cannot read the questions" in capsys.readouterr().err
    bad = tmp_path / "q.jsonl"
    bad.write_text('{"schema": 1, "id": "x"}\n', encoding="utf-8")
    assert cli.main(["eval", "--questions", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "schema 1, expected 2" in err
    assert cli.main(["eval", "--config", "hybird"]) == 1
    assert "valid names: bm25, dense" in capsys.readouterr().err
    assert cli.main(["eval", "--list"]) == 0
    listed = capsys.readouterr().out
    assert "chatchat" in listed
    assert "hybrid-rerank" in listed
    assert "[unavailable: no reranker" in listed


def test_real_eval_with_the_peer_recipes(tmp_path: Path, default_embedder: Embedder) -> None:
    """Real model, real FAISS, real LangChain and Langchain-Chatchat recipes, through the CLI's code path."""
    name = "004_92e2d7aa31a4f474.txt"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / name, corpus / name)
    raw = (CORPUS / name).read_text(encoding="utf-8")
    all_q = load_questions(ROOT / "eval" / "questions.jsonl")
    questions = [q for q in all_q if q.gold and all(g.file == name for g in q.gold)][:6]
    questions += [q for q in all_q if not q.gold][:2]
    assert len(questions) == 8
    config = Config(corpus=corpus, index=tmp_path / "index")
    run = experiment.run(
        config,
        questions,
        ["hybrid", "langchain", "chatchat"],
        ROOT / "eval" / "baselines.py",
        embedder=default_embedder,
    )
    assert [r.status for r in run.variants] == ["ran", "ran", "ran"]
    peers = {r.variant.name: r for r in run.variants}
    assert peers["langchain"].chunks > peers["chatchat"].chunks > 0  # 500- vs 750-character pieces
    for o in run.outcomes:
        if o.variant in ("langchain", "chatchat"):
            assert len(o.excerpts) == min(10, peers[o.variant].chunks)  # k=10 asked for
            assert all(re.sub(r"\s", "", t)[:30] in re.sub(r"\s", "", raw) for t in o.excerpts)  # raw file text
            assert set(o.sources) == {name}
    t = report.Tables(run)
    hybrid, lc = t.summary("hybrid"), t.summary("langchain")
    assert hybrid["hit"] is not None
    assert lc["hit"] is not None
    assert hybrid["n_hit"] == 6
    assert hybrid["refusal"] is not None
    assert lc["refusal"] is None
    assert hybrid["n_twin"] == 8  # every question searched again in the other script, on the real model
    assert hybrid["twin"] is not None
    assert hybrid["twin"] >= 0.75  # one Simplified file, its questions in both scripts: folding makes them alike
    assert lc["twin"] is None  # the peers retrieve once
    md, _ = report.write(run, tmp_path / "reports")
    assert "| langchain |" in md.read_text(encoding="utf-8")
