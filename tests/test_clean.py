"""Cleaning: each noise kind on the exact strings from the seed files, and look-alike real text that must survive."""

from __future__ import annotations

import re

import pytest

from ragbot.clean import clean

NOISE = [
    "精品WORD文档下载可编缉使用",
    "点击查看更多",
    "老秘网",
    "观山文库",
    "记住我,来上我",
    "加入收藏",
    "预计阅读时长",
    "221381",
    "领取福利",
    "微信扫码",
    "隐藏内容",
    "此处内容需要权限查看",
    "会员免费查看",
]


def rules(text: str) -> list[str]:
    return [r.rule for r in clean(text).removed]


# ------------------------------------------------------------------ watermark and links (003)
def test_watermark_mid_word_is_cut_and_the_word_rejoined() -> None:
    c = clean("从中央政府到地方的层层精品WORD文档下载可编缉使用决策,以及上级部门的工作部署")
    assert c.text == "从中央政府到地方的层层决策,以及上级部门的工作部署"
    assert [(r.rule, r.text) for r in c.removed] == [("watermark", "精品WORD文档下载可编缉使用")]


def test_watermark_in_traditional_script_too() -> None:
    assert clean("層層精品WORD文檔下載可編緝使用決策").text == "層層決策"


def test_links_and_repeated_title_from_003() -> None:
    head = (
        "精品WORD文档下载可编缉使用在全市政府系统办公室主任会议上的讲话稿:研究改进作风和抓落实问题"
        "点击查看更多:在政府系统办公室主任会议上的讲话点击查看更多:在公室主任会议上的讲话稿"
        "在全市政府系统办公室主任会议上的讲话:研究改进作风和抓落实问题这次全市政府系统办公室主任会议,主要任务是"
    )
    c = clean(head)
    assert c.text.split("\n")[0] == "在全市政府系统办公室主任会议上的讲话稿:研究改进作风和抓落实问题"
    assert c.text.rstrip().endswith("这次全市政府系统办公室主任会议,主要任务是")
    assert "点击查看更多" not in c.text
    assert c.text.count("研究改进作风和抓落实问题") == 1
    assert rules(head) == ["watermark", "link", "link", "repeated-title"]


def test_words_like_link_text_survive() -> None:
    text = "大家要点击查看文件目录,查看更多材料。这是在全市会议上的讲话。"
    assert clean(text).text == text


# ------------------------------------------------------------------ site name (002)
def test_site_name_in_place_of_the_county_is_dropped() -> None:
    c = clean("安排部署今后一时段我老秘网县政府系统办公室工作任务。")
    assert c.text == "安排部署今后一时段我县政府系统办公室工作任务。"
    assert c.removed[0].rule == "site-name"
    assert c.removed[0].text == "老秘网"


def test_site_name_in_place_of_website_reads_website() -> None:
    c = clean("同时,电子政务及政府老秘网建设日益强化")
    assert c.text == "同时,电子政务及政府网站建设日益强化"
    assert c.removed[0].replacement == "网站"
    # the replaced word maps back to the whole site name in the original
    i = c.text.index("网站")
    assert c.offsets.span(i, i + 2) == (10, 13)


def test_real_words_next_to_the_site_name_survive() -> None:
    text = "已向光山县政府信息公开网添加政府信息9361条,老秘书们辛苦了。"
    assert clean(text).text == text


# ------------------------------------------------------------------ ASCII garbage (002)
@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("6 t: p2 k: C3 _: t4 ](三)督查督办焕发新活力。", "(三)督查督办焕发新活力。"),
        ("$ V# [: S, m3 V2 z一、在回顾总结中再长新士气+ f5 ~& p3 Y! u j) B", "一、在回顾总结中再长新士气"),
        ('有力地促进了各项重点目标的落实。9 g# L3 i, m: T+ Z3 m \\- w" U', "有力地促进了各项重点目标的落实。"),
        ("表示热烈祝贺!( t4 n( y$ C( [4 g/ R", "表示热烈祝贺!"),
        ("作出新的更大的贡献!8 G0 y5 Q- D$ ]3 C: \\( c", "作出新的更大的贡献!"),
        ("2 r3 W- {+ C0 Q0 m9 [(五)协调工作要再上新水平。", "(五)协调工作要再上新水平。"),
        ("% c: F9 e) _) q9 \\% ?(四)要做关心的表率。", "(四)要做关心的表率。"),
    ],
)
def test_ascii_garbage_at_line_edges_from_002(line: str, kept: str) -> None:
    c = clean(line)
    assert c.text == kept
    assert {r.rule for r in c.removed} == {"ascii-garbage"}


def test_symbol_only_line_at_the_end_of_002() -> None:
    assert clean("办公室工作的新局面。\n|").text == "办公室工作的新局面。\n"


@pytest.mark.parametrize(
    "text",
    [
        "2010年是我县发展进程中极不平凡、富有成效的一年。",
        "(一)综合协调实现新跨越。一是办文办会高标准。",
        "“5·8”重要讲话精神",
        "1.在参政设谋上坚持以人为本,就要围绕促进协调发展想大事。",
        "20xx年5月8日,专程到中办调研。",
        "XX年,县政府办公室在县委、县政府的正确领导下。",
        "今年是20_年,信息*条,_同志主持会议。",
        "可以说是“5+2”、“白+黑”,工作非常辛苦。",
        "会议强调 A B C 三类问题要分别处理。",
        "按照 ISO 9001 标准建立质量管理体系。",
    ],
)
def test_real_ascii_in_text_survives(text: str) -> None:
    assert clean(text).text == text


# ------------------------------------------------------------------ page chrome (001)
def test_page_chrome_of_001() -> None:
    text = (
        "文似观山不喜平 — — 观山文库◆记住我,来上我~\n\n"
        "在党政办公室业务工作培训会上的开班讲话\n\n"
        "admin 分享 时间: 加入收藏 共计6248个字,预计阅读时长21分钟\n\n"
        "在党政办公室业务工作培训会上的开班讲话\n\n"
        "同志们:\n\n最严重的是有的提法已经过时了,还要往文件里写。\n\n"
        "221381\n领取福利\n\n微信扫码领取福利\n\n微信扫码分享"
    )
    c = clean(text)
    assert c.text.strip().startswith("在党政办公室业务工作培训会上的开班讲话\n")
    assert c.text.count("开班讲话") == 1
    assert c.text.rstrip().endswith("还要往文件里写。")
    for noise in NOISE:
        assert noise not in c.text
    assert rules(text).count("chrome") == 6
    assert rules(text).count("repeated-title") == 1


def test_prose_mentioning_chrome_words_survives() -> None:
    text = (
        "要做好经验分享,把好的做法加入收藏夹式的案例库固然好,但更要落实。\n"
        "全年共接收各类请示报告1100余份\n221381份文件全部归档,做到不积压、不错发。"
    )
    assert clean(text).text == text


def test_a_number_line_is_only_chrome_in_the_trailing_block() -> None:
    text = "共收到文件\n4700\n件。\n最后一段。\n221381\n领取福利"
    assert clean(text).text == "共收到文件\n4700\n件。\n最后一段。\n"


# ------------------------------------------------------------------ paywall (004)
def test_paywall_block_of_004_is_cut_and_marked() -> None:
    text = (
        "在全市*个地市民政信息工作中,我市名列第4名。\n\n隐藏内容\n\n此处内容需要权限查看\n\n"
        "  • 普通用户特权:8.8积分\n  • 会员用户特权:免费\n  • 网站代理用户特权:免费推荐\n会员免费查看\n\n"
        "四、再接再厉,切实抓好精神文明创建工作"
    )
    c = clean(text)
    assert "权限" not in c.text
    assert "会员" not in c.text
    assert "积分" not in c.text
    assert c.text.startswith("在全市*个地市民政信息工作中,我市名列第4名。\n")
    assert c.text.rstrip().endswith("四、再接再厉,切实抓好精神文明创建工作")
    assert [r.rule for r in c.removed] == ["paywall"]


def test_words_hidden_and_member_in_prose_survive() -> None:
    text = "要善于发现隐藏内容中的问题,会员单位要免费查看相关材料。"
    assert clean(text).text == text


# ------------------------------------------------------------------ the offset map
def test_every_kept_character_maps_to_the_same_character_in_the_original() -> None:
    text = "我老秘网县的精品WORD文档下载可编缉使用政府老秘网建设\n6 t: p2 k: C3 _: t4 ](三)督查。"
    c = clean(text)
    for seg in c.offsets.segments:
        if seg.copied:
            assert c.text[seg.clean_start : seg.clean_end] == text[seg.orig_start : seg.orig_end]
    for r in c.removed:
        assert text[r.start : r.end] == r.text


# ------------------------------------------------------------------ the real corpus
def test_seed_corpus_has_no_listed_noise_left(seed_corpus) -> None:
    for s in seed_corpus.speeches:
        for noise in NOISE:
            assert noise not in s.text, (s.file, noise)
        assert not re.search(r"(?:[!-~]{1,2} ){3,}[!-~]{1,2}", s.text), s.file


def test_seed_corpus_keeps_99_percent_of_han_outside_removed_spans(seed_corpus, originals) -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    for name, original in originals.items():
        speeches = [s for s in seed_corpus.speeches if s.file == name]
        removed = {(r.start, r.end): r for s in speeches for r in s.removed}
        mask = [False] * len(original)
        for a, b in removed:
            mask[a:b] = [True] * (b - a)
        added = sum(len(han.findall(r.replacement)) for r in removed.values())
        expected = sum(1 for i, ch in enumerate(original) if not mask[i] and han.match(ch))
        kept = sum(len(han.findall(s.text)) for s in speeches)
        assert kept >= 0.99 * expected, (name, kept, expected)
        assert kept <= expected + added  # only replacements (老秘网 -> 网站) add characters


def test_seed_corpus_placeholders_are_kept(seed_corpus) -> None:
    text = "".join(s.text for s in seed_corpus.speeches)
    for placeholder in ("XX县", "20xx年", "XX年", "信息*条"):
        assert placeholder in text
