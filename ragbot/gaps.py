"""What the speeches name or announce without holding it, so a question asking for it is refused.

  unheld(index, question, hits, texts)  whether the speeches do not hold what a question asks for: what it
                                 quotes, in the speech it names; a talk announced as still to come
                                 (who.unattributed), a number a second question asks that no text found
                                 states (multi.unstated_part), a company or system no text found names
                                 (`unnamed_maker`), a masked place or time (`masked`), a label
                                 never explained (`unexplained`), a numbered part a speech breaks off
                                 before (`missing_part`), the requirements of a part a paywall cut
                                 (`behind_gap`)
  unspelled(index, question)     “八字要求”是哪八个字: a numbered name the speeches only name, one of several in
                                 a row or in a speech never saying its noun otherwise, and never spell out
  unreported(question, texts)    昆明市教育局…交流发言介绍了哪些经验: a body named only in a row of speakers
  unexplained(question, texts)   “敢于直言”具体是怎么要求的: the label held only in a row of labels
                                 (情况要明、站位要高、敢于直言) or as a heading the next one follows at once
  missing_part(question, headings)  第四个方面讲的是什么: the speech's parts are numbered (一、二、三、) and
                                 none is the fourth (003 breaks off in its third)
  masked(question, texts)        主会场设在哪个县 when the speech says 主会场在_: the place or time asked is masked
  behind_gap(question, speech, headings)  对信息宣传工作提出了哪些要求: the part whose heading the question
                                 names holds a paywall's gap, and nothing before it says what to do
  part_named(question, headings, title)  去年在自身建设方面…: the one top-level part a word of the question
                                 names (一、关于去年的工作), where `unheld` reads the label asked
  names_part(question, heading)  在督办检查工作方面: four characters of a heading in a row name its part
                                 (also compose.py's: that point of a list answers alone)

These speeches are web scrapes: a paywall or an advertisement cuts some of them short, and the cleaner
drops what was there; answer.py refuses when `unheld` says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .asks import kind, points_asked
from .context import says_what_to_do
from .lexical import ASKING, tokenize
from .multi import unstated_part
from .naming import named_speeches
from .quotes import CN_DIGITS, QUOTE, RUN_AFTER, RUN_BEFORE, cn_number, quoted
from .script import fold, folded_speech, loose
from .structure import Marker, han_count, marker, sentence_spans
from .types import Hit, Speech
from .who import unattributed

if TYPE_CHECKING:
    from .index import Index


_ORIGINAL = re.compile(r"原话|原文|原来的说法")  # asked for the speech's own words of what it quotes…
PARAPHRASED = 8  # …in a quote this long (Han characters), its own rendering; a shorter one is a term (后勤部)


def unheld(index: Index, question: str, hits: Sequence[Hit], texts: list[str]) -> bool:
    """Whether the speeches do not hold what `question` asks for, given the `texts` found (see the module
    docstring); a part is looked for in the speech the question names, else in the best hit's."""
    if unattributed(question, texts) or unstated_part(question, texts) or masked(question, texts):
        return True
    if unreported(question, texts):  # 昆明市教育局…交流发言介绍了哪些经验: named in a row of speakers only
        return True
    if unnamed_maker(question, texts):  # 哪家公司开发的: no text found names one
        return True
    named = named_speeches(index, question)  # 天门市去年…: what 天门's speech holds, not another's
    # not a count (「五个中心」: said one by one), nor a pattern the asker describes (“什么事怎么办”, the 71st's)
    labels = [p for p in quoted(question) if p[0] not in CN_DIGITS and not ASKING.search(fold(p))]
    if _ORIGINAL.search(fold(question)):  # “多看重一点、多爱护一点…”,原话…: the asker's own words (the 116th's)
        labels = [p for p in labels if han_count(p) < PARAPHRASED]
    if named and any(all(not held(p, folded_speech(index.speeches[k].text)) for k in named) for p in labels):
        return True  # 抓落实的讲话中,办公室作为“后勤部”应该怎么做: that speech never says 后勤部
    tops = index.derived("top_headings", lambda: _top_headings(index))
    within = [c for c in index.chunks if not named or (c.file, c.speech) in named]
    key = next(iter(named)) if len(named) == 1 else None
    if key and (part := part_named(question, tops.get(key, []), index.speeches[key].title)):
        within = [c for c in within if c.headings[:1] == (part,)]  # 天门…去年…: 一、关于去年的工作
    if unexplained(question, (c.folded for c in within)):
        return True
    speeches = named or {(h.file, h.speech) for h in hits[:1]}
    for key in speeches:
        heads = tops.get(key, [])
        if missing_part(question, heads) or behind_gap(question, index.speeches[key], heads):
            return True
    return False


MISREMEMBERED = 3  # a label this many times longer than its characters misremembered is held (7 and 2: 留言板)
MISREMEMBERED_LEAST = 6  # a shorter label must be said as it is (三审一校 is no 三审三校)


def held(label: str, speech: str) -> bool:
    """Whether a (folded) speech says a label a question quotes: as it is, or, six characters or more,
    misremembered in a third of them, its first and last kept (the 72nd blind reader's “市委书记留言板” for its
    “市委书记专属板”).

    >>> held("市委书记留言板", "做好“市委书记专属板”留言回复"), held("后勤部", "后方部"), held("三审一校", "三审三校")
    (True, False, False)
    """
    if re.search(loose(label), speech):
        return True
    n = len(label)
    most = n // MISREMEMBERED if n >= MISREMEMBERED_LEAST else 0
    return most > 0 and any(
        speech[i] == label[0]
        and speech[i + n - 1] == label[-1]
        and sum(a != b for a, b in zip(label, speech[i : i + n], strict=True)) <= most
        for i in range(len(speech) - n + 1)
    )


def _top_headings(index: Index) -> dict[tuple[str, int], list[str]]:
    """Each speech's top-level headings in order (its chunks' first heading), made once per index."""
    out: dict[tuple[str, int], list[str]] = {}
    for c in index.chunks:
        heads = out.setdefault((c.file, c.speech), [])
        if c.headings and c.headings[0] not in heads:
            heads.append(c.headings[0])
    return out


_PART_ASKED = re.compile(
    r"第([一二三四五六七八九十])(?:个|大)?(?:方面|部分)|点意见[^。？?]{0,4}第([一二三四五六七八九十])点"
)


def missing_part(question: str, headings: Sequence[str]) -> bool:
    """Whether a question asks for the Nth part of a speech (第四个方面讲的是什么) whose top-level `headings`
    are numbered (一、…二、…) and none of them is the Nth: the speech breaks off before it (003 announces
    四个方面 and holds three; the 46th blind reader's near miss was answered with its opening).

    >>> heads = ["一、认真领会", "二、一切要围绕抓落实", "三、把握办公室工作的特点"]
    >>> missing_part("第四个方面讲的是什么？", heads), missing_part("第三个方面讲的是什么？", heads)
    (True, False)
    >>> missing_part("第四个方面讲的是什么？", ["同志们"]), missing_part("讲了哪几个方面？", heads)
    (False, False)
    >>> missing_part("五点意见中第五点是什么？", heads), missing_part("第五点是什么？", heads)  # a point of a list, maybe
    (True, False)
    """
    m = _PART_ASKED.search(fold(question))
    numbered = {t.number for h in headings if (t := marker(fold(h))) and t.family == "、"}  # 一、…二、…
    return m is not None and len(numbered) >= 2 and CN_DIGITS[m.group(1) or m.group(2)] not in numbered


# a label, quoted or said as 在X方面, and a question asking what it requires, says or holds (“敢于直言”具体是
# 怎么要求的; 在办公室自身建设方面具体取得了哪些成绩)
_LABEL_ASKED = re.compile(
    r"(?:[“\"「『]([^”\"」』“「『]{2,16})[”\"」』](?:方面|工作)?|在([^在，。？?,“”\"「」『』]{4,12})方面)[,，]?[^。？?，,“”「」『』\"]{0,6}?(?:(?:具体|到底|究竟)[^。？?]{0,8}?(?:哪些|什么|怎么|怎样|如何)|的?是?"
    r"(?:怎么要求|怎样要求|如何要求|有什么要求|有哪些要求|指什么|指的是什么|什么意思|怎么理解|如何理解|怎么解释|如何解释"
    r"|取得了哪些|取得了什么|包括哪些|包含哪些|有哪些内容|讲了哪些|讲了什么|做了哪些|做了什么))"
)
_HEADS = ("、", "（）", "1.", "(1)")  # the markers of a heading: 一、 (五) 1. (1)
_HEADING_REST = re.compile(r"[^。，,；;：:\n]{1,10}(?=。)")  # what ends a heading a label starts (建设|不断加强。)


def _own_marker(t: str, at: int) -> Marker | None:
    """The heading marker right before position `at` of `t` ((五) of (五)X), or before a word of up to three
    characters before it ((五)办公室自身建设: the label 自身建设), if any."""
    for start in range(max(0, at - 9), at):
        m = marker(t[start:at])
        if m is not None and m.family in _HEADS and re.fullmatch(r"\s*[\u4e00-\u9fff]{0,3}", t[start + m.length : at]):
            return m
    return None


def _bare_heading(t: str, at: int, end: int) -> bool:
    """Whether the label at t[at:end] is a heading the next of its kind follows at once ((五)X。(六)…)."""
    own, after = _own_marker(t, at), marker(t[end:].removeprefix("。").removeprefix(".").lstrip())
    return own is not None and after is not None and after.family == own.family and after.number == own.number + 1


def _labels(question: str) -> list[str]:
    """The labels a question asks about; one asked with the doing of it (在加强办公室自身建设方面) without that
    verb, as a heading names it ((五)办公室自身建设不断加强。: the 86th blind reader's near miss was answered).

    >>> _labels("去年在加强办公室自身建设方面具体做了哪些事?"), _labels("“敢于直言”是什么意思？")
    (['办公室自身建设'], ['敢于直言'])
    """
    labels = [m.group(1) or m.group(2) for m in _LABEL_ASKED.finditer(fold(question))]
    return [re.sub(r"^(?:加强|强化|抓好|做好|推进|改进|搞好)(?=[\u4e00-\u9fff]{4})", "", x) for x in labels]


def part_named(question: str, headings: Sequence[str], title: str = "") -> str | None:
    """The one top-level heading of a speech that a word of the question (two characters or more, not of a
    label it asks about nor of the speech's `title`: 抓落实那篇讲话 names the speech, not its part 二、一切要围绕
    抓落实) names and no other of its headings holds, when the question asks about a label
    (天门市去年在自身建设方面具体做了哪些工作: 去年 names 一、关于去年的工作, where (五)办公室自身建设不断加强。
    has nothing under it; 三、关于加强自身建设 speaks of this year's: the 51st blind reader's near miss).

    >>> heads = ["一、关于去年的工作", "二、关于今年的工作", "三、关于加强自身建设"]
    >>> part_named("去年在自身建设方面具体做了哪些工作？", heads), part_named("在自身建设方面有哪些要求？", heads)
    ('一、关于去年的工作', None)
    >>> part_named("抓落实那篇讲话里“敢于直言”是怎么要求的？", ["一、认真领会", "二、一切要围绕抓落实"], "研究抓落实问题")
    >>> part_named("抓落实那篇讲话里“敢于直言”是怎么要求的？", ["一、认真领会", "二、一切要围绕抓落实"])
    '二、一切要围绕抓落实'
    """
    asked = _labels(question)
    spoken = [*asked, fold(title)]
    words = {w for w in tokenize(fold(question)) if len(w) >= 2 and asked and not any(w in a for a in spoken)}
    named = {hs[0] for w in words if len(hs := [h for h in headings if w in fold(h)]) == 1}
    return named.pop() if len(named) == 1 else None


# what a body's talk held, asked (昆明市教育局在…会议上的交流发言介绍了哪些具体经验)
_TALK_ASKED = re.compile(
    r"([\u4e00-\u9fff]{2,12}?(?:局|厅|委|办|学院|大学|学校|中心|政府|单位))[^，,。？?]{0,20}?(?:发言|汇报|介绍)"
    r"[^，,。？?]{0,4}?(?:介绍|讲|谈|说|提|汇报)?了?(?:哪些|什么|啥)"
)


# …or a person's report (朱轩堂作报告具体讲了哪些内容: the 276th blind reader's near miss got 篇3's 我们还将邀请…朱轩堂给
# 大家作报告), told only when a text has them say something
_REPORT_ASKED = re.compile(
    r"([\u4e00-\u9fff]{2,4}?)(?:同志)?(?:给大家)?[作做]报告[^，,。？?]{0,6}?(?:讲|谈|说|介绍|提)了?(?:哪些|什么|啥)"
)
_SAYS = re.compile(r"[^。；;]{0,30}?(?:指出|强调|讲到|谈到|说|提出|认为|介绍|要求)")


def unreported(question: str, texts: Sequence[str]) -> bool:
    """Whether a question asks what a body's talk held and the `texts` found name that body only in a row of
    bodies (昆明市教育局、永平县教育局、…6家单位办公室同志…进行了很好的交流发言): the speech says who spoke, not
    what (the 198th blind reader's near miss got that row).

    >>> q = "昆明市教育局在会议上的交流发言介绍了哪些具体经验?"
    >>> unreported(q, ["昆明市教育局、永平县教育局、昆明学院6家单位作了交流发言"]), unreported(q, ["昆明市教育局介绍了经验"])
    (True, False)
    >>> unreported(q, ["要加强学习"]), unreported("会议有哪些单位发言?", ["昆明市教育局、永平县教育局"])
    (False, False)
    >>> q = "朱轩堂作报告具体讲了哪些内容?"
    >>> unreported(q, ["还将邀请朱轩堂给大家作报告,并举办信息工作培训"]), unreported(q, ["朱轩堂在报告中指出,要…"])
    (True, False)
    """
    if m := _REPORT_ASKED.search(fold(question)):  # 朱轩堂作报告具体讲了哪些内容: said to be coming, never told
        after = [t[x.end() :] for t in map(fold, texts) for x in re.finditer(re.escape(m.group(1)), t)]
        return bool(after) and not any(_SAYS.match(a) for a in after)
    if not (m := _TALK_ASKED.search(fold(question))):
        return False
    body = m.group(1)
    at = [(t, x.start()) for t in map(fold, texts) for x in re.finditer(re.escape(body), t)]
    return bool(at) and all("、" in t[max(0, i - 1) : i] + t[i + len(body) : i + len(body) + 1] for t, i in at)


def unexplained(question: str, texts: Iterable[str]) -> bool:
    """Whether a question asks what a label it quotes requires or holds (`_LABEL_ASKED`) and the folded
    `texts` (the chunks') hold it only in a row of labels (必须把握十二个字,“情况要明、站位要高、敢于直言”)
    or as a heading the next of its kind follows at once ((五)办公室自身建设不断加强。(六)…; not a heading
    its sub-points follow), never with what it says: the speeches do not explain it (the 45th and 46th
    blind readers' near misses were answered with the row and with the list of headings). An occurrence
    ending a text (a chunk's end) tells nothing.

    >>> texts = ["必须把握十二个字,“情况要明、站位要高、敢于直言”。情况要明,必须要熟悉情况", "(五)建设加强。(六)档案"]
    >>> unexplained("“敢于直言”具体是怎么要求的？", texts), unexplained("“情况要明”具体是怎么要求的？", texts)
    (True, False)
    >>> unexplained("说去年“建设加强”,具体做了哪些事?", texts), unexplained("“敢于直言”是谁说的？", texts)
    (True, False)
    >>> unexplained("“提高认识”讲了哪些内容？", ["一、提高认识。(一)要学习"])
    False
    >>> unexplained("“敢于直言”，讲话具体是怎么解释的？", texts), unexplained("“建设加强”这一条去年具体做了哪些工作？", texts)
    (True, True)
    """
    asked = _labels(question)
    if not asked:
        return False
    folded = list(texts)
    for label in asked:
        bare = False
        for t in folded:
            for at in (m.start() for m in re.finditer(re.escape(label), t)):
                end = at + len(label)
                if _own_marker(t, at):  # a heading (一、 is no row), maybe the start of one (X不断加强。)
                    end = rest.end() if (rest := _HEADING_REST.match(t, end)) else end
                    here = _bare_heading(t, at, end)  # with nothing under it
                else:  # one of several in a row
                    here = bool(RUN_BEFORE.search(t[max(0, at - 2) : at]) or RUN_AFTER.match(t[end : end + 2]))
                if here:
                    bare = True
                elif t[end:].strip('。 \n”」"'):
                    return False  # said with what it says
        if bare:
            return True
    return False


_NUMBERED_NAME = re.compile(r"^([一二两三四五六七八九十]{1,3}|[0-9]+)[个种大项条字点类]?(.+)$")  # 八字要求: 8, 要求
_SENTENCE_END = re.compile(r"[。！？!?]")


def unspelled(index: Index, question: str) -> bool:
    """Whether a question asks the parts of a numbered name it quotes (“八字要求”具体是哪八个字,
    “五大行动”是哪五个: `asks.points_asked`) that the speeches hold only as one of several names in a
    row (比如"前哨后院""三个表率"…"八字要求"…; 聚焦一个目标、…、实施五大行动、…), or alone in a speech that
    never says its noun but in the name (推进我县“三大战略”的实施: 战略 is said nowhere else in 篇6, the 59th
    blind reader's near miss), and never spell out: no other occurrence, nor one in a sentence saying its
    noun as often as it counts (“特别要…、特别要…、特别要…”“三个特别”). The speeches do not say which they
    are (the 41st blind reader's near miss was answered with the sentence naming it).

    >>> text = '比如"前哨后院""八字要求""五个坚持""28字要求"等。提出的"五个坚持",是一个整体:坚持…。零差错、零纰漏、零失误的“三零目标”,推进“三大战略”。'
    >>> C = type("C", (), {"folded": text, "file": "f", "speech": 1})
    >>> I = type("I", (), {"chunks": [C], "speeches": {("f", 1): type("S", (), {"text": text})}})
    >>> [unspelled(I, q) for q in ("“八字要求”是哪八个字？", "“五个坚持”是哪五个？", "“三个代表”是哪三个？", "“三大战略”是哪三个？")]
    [True, False, False, True]
    >>> unspelled(I, "“三零目标”是哪三个零？"), unspelled(I, "“28字要求”具体是哪28个字？")  # dev q037; the 62nd's
    (False, True)
    >>> text = "必须把握十二个字,“情况要明、站位要高、敢于直言”。文字要准。"  # 十二, not 十 (the 68th blind reader's)
    >>> C = type("C", (), {"folded": text, "file": "f", "speech": 1})
    >>> unspelled(type("I", (), {"chunks": [C], "speeches": {("f", 1): type("S", (), {"text": text})}}), "“十二个字”是哪些？")
    False
    """
    return bool(points_asked(question)) and any(_unspelled_name(index, name) for name in quoted(question))


def _unspelled_name(index: Index, name: str) -> bool:
    """`unspelled` for one quoted name (not a number: 「1355」发展战略中「五大行动」是哪五个, the 66th's)."""
    m = _NUMBERED_NAME.match(name)
    if m is None or not re.search(r"[\u4e00-\u9fff]", m.group(2)):
        return False
    n, noun, seen = cn_number(m.group(1)) or 0, m.group(2), False
    for c in index.chunks:
        t = c.folded
        for at in (h.start() for h in re.finditer(re.escape(name), t)):
            seen = True
            end = at + len(name)
            alone = not (RUN_BEFORE.search(t[max(0, at - 2) : at]) or RUN_AFTER.match(t[end : end + 2]))
            speech = folded_speech(index.speeches[(c.file, c.speech)].text)
            if alone and speech.count(noun) > speech.count(name):
                return False  # named on its own: 提出的"五个坚持",是…
            starts = [e.end() for e in _SENTENCE_END.finditer(t, 0, at)]
            stop = _SENTENCE_END.search(t, end)
            said = t[starts[-1] if starts else 0 : stop.end() if stop else len(t)]
            if said.count(noun[: 1 if alone else None]) - said.count(name) >= n:
                return False  # spelled out beside it: “特别要…、特别要…”“三个特别”; 零差错、零纰漏、零失误的“三零目标”
    return seen


_DEMANDS = re.compile(r"要求|措施|做法|部署|怎么做|如何做|怎样做")  # what to do, asked
HEADING_RUN = 4  # a question names a part when it holds this many characters of its heading in a row


def names_part(question: str, heading: str, besides: Sequence[str] = ()) -> bool:
    """Whether the folded `question` names a part by HEADING_RUN characters of its `heading` in a row, which
    none of the headings over it (`besides`) holds: 督查工作有哪些要求 names the whole of (一)督查工作要再上新水平,
    not its point 三要突出督查工作重点 (the answer was that point alone).

    >>> names_part("去年在督办检查工作方面取得了哪些成绩？", "(二)督辦檢查工作成效顯著"), names_part("督办有什么要求", "督辦檢查")
    (True, False)
    >>> names_part("督查工作有哪些要求", "突出督查工作重点", ["(一)督查工作要再上新水平"])
    False

    ...or by what it quotes, three characters or more, which the headings over it quote among others (材料不会写:
    要解决“不会写”的问题 under 要著力解决好“不愿写”、“不会写”的问题; the 150th blind reader's got both points).

    >>> over = ["要著力解决好“不愿写”、“不会写”的问题"]
    >>> names_part("材料不会写，有哪几条办法？", "要解决“不会写”的问题", over), names_part("不会写怎么办", "要解决“不愿写”的问题")
    (True, False)
    """
    h, over = fold(heading), fold("".join(besides))
    others = [m.group(1) for m in QUOTE.finditer(over) if m.group(1) not in question]
    quoted = [m.group(1) for m in QUOTE.finditer(h) if len(m.group(1)) >= 3 and m.group(1) in question]
    if any(others or said not in over for said in quoted):
        return True
    return any((run := h[j : j + HEADING_RUN]) in question and run not in over for j in range(len(h) - HEADING_RUN + 1))


def behind_gap(question: str, speech: Speech, headings: Sequence[str]) -> bool:
    """Whether a question asks what a part of `speech` requires (提出了哪些具体要求) and names it by its heading
    (对今年的信息宣传工作: 三、外树形象,大力做好信息宣传工作), and that part holds a gap (a paywall the cleaner
    cut out: `Speech.gaps`) while what is left of it says nothing to do: its requirements were behind the
    paywall (the 46th blind reader's near miss was answered with the meeting's agenda)."""
    q = fold(question)
    if not speech.gaps or not _DEMANDS.search(q):
        return False
    text = fold(speech.text)
    at = [text.find(fold(h)) for h in headings]
    for i, heading in enumerate(headings):
        if at[i] < 0 or not names_part(q, heading):
            continue
        h = fold(heading)
        end = next((a for a in at[i + 1 :] if a > at[i]), len(text))
        body = text[at[i] + len(h) : end]
        if any(at[i] <= speech.offsets.clean(g) <= end for g in speech.gaps) and not any(
            says_what_to_do(body[a:b]) for a, b in sentence_spans(body)
        ):
            return True
    return False


_MASK = r"\s*[_＿*＊×XxＸ]"  # how these scrapes mask a name or a number (主会场在_, 信息*条)
_PLACE_ASKED = re.compile(r"哪个[省市县区][？?]?$")
_MASKED_PLACE = re.compile(rf"(?:我们|全){_MASK}|{_MASK}的?发展")  # 这些都是X发展的核心产业: the city, masked


def masked(question: str, texts: Sequence[str]) -> bool:
    """Whether a where or when question (主会场设在哪个县) asks what `texts` give masked right after a word
    of the question (大会的主会场在_: the 47th blind reader's near miss was answered with it).

    >>> masked("主会场设在哪个县？", ["大会的主会场在_,会议时间在_"]), masked("大会在哪里召开？", ["大会的主会场在_"])
    (True, False)

    So does a question ending on which city or county (…的是哪个市) when a text found names its place masked
    (这些都是X发展的核心产业: the 288th's near miss on 003's 立市之本 was answered with it).

    >>> masked("把生态作为“立市之本”的是哪个市？", ["这些都是X发展的核心产业"]), masked("是哪个县？", ["淇县的发展"])
    (True, False)
    """
    if _PLACE_ASKED.search(fold(question)) and any(_MASKED_PLACE.search(fold(t)) for t in texts):
        return True
    if kind(question) not in ("where", "when"):
        return False
    words = [w for w in tokenize(fold(question)) if len(w) >= 2]
    return any(
        re.search(rf"{re.escape(w)}[^，。；,;]{{0,3}}?(?:在|于|为){_MASK}", fold(t)) for w in words for t in texts
    )


_MAKER_ASKED = re.compile(r"(?:哪家|哪个|哪一家|什么)(公司|企业|厂商|厂家|供应商|开发商)")
_TOOL_ASKED = re.compile(r"(?:哪个|哪一个|哪款|哪种|什么)((?:系统|软件|平台)(?:或|和|还是)?)+")  # not 走什么程序


def unnamed_maker(question: str, texts: Sequence[str]) -> bool:
    """Whether a question asks which company or maker (哪家公司开发的, 什么厂商) and none of the `texts` found names
    one: the 90th blind reader's OA系统是哪家公司开发的 was answered with the sentence on OA.

    >>> unnamed_maker("OA系统是哪家公司开发的?", ["推行OA系统办公,效果也不错"]), unnamed_maker("哪家公司?", ["与美居佳门窗有限公司达成协定"])
    (True, False)
    """
    m = _MAKER_ASKED.search(fold(question))
    return (m is not None and not any(m.group(1) in fold(t) for t in texts)) or _unnamed_tool(question, texts)


def _unnamed_tool(question: str, texts: Sequence[str]) -> bool:
    """Whether a question asks which system or software is used for something (开视频会议用的是哪个系统或软件) and
    none of the `texts` names that noun with four characters of the question in a row (信息公开…管理系统): the 131st
    blind reader's near miss was answered with 有些会议可能会以视频会议形式开.

    >>> q = "我们开视频会议用的是哪个系统或软件？"
    >>> _unnamed_tool(q, ["有些会议可能会以视频会议形式开", "全省教育系统"]), _unnamed_tool(q, ["视频会议系统已开通"])
    (True, False)
    >>> _unnamed_tool("接待上级领导应该走什么程序？", [])  # a procedure (dev q054), no software
    False
    """
    q = fold(question)
    if not (m := _TOOL_ASKED.search(q)):
        return False
    nouns = re.findall(r"系统|软件|平台", m.group())
    runs = {q[i : i + 4] for i in range(m.start() - 3) if re.fullmatch(r"[\u4e00-\u9fff]{4}", q[i : i + 4])}
    return not any(n in t and (not runs or any(r in t for r in runs)) for t in map(fold, texts) for n in nouns)
