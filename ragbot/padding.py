"""Padding: sentences that answer nothing on their own, and so never stand in an answer.

  padding(sentence, titles)  why a sentence answers nothing on its own: a title, a salutation, a
                             closing, a bare heading, a fragment, an announcement of what the
                             speaker will say or of points ahead (以下六个方面), or a reference back
                             to something it does not hold ('' when it may stand in an answer; one
                             pointing ahead may lead its own points: points.py)
  unpadded(candidate, titles)  a sentence unit without the padding sentences it carries along

The answer writer (writer.py) leaves these out or brings what a reference points at; the evaluation
(evaluate.py) counts them as the padding rate. What it does not do: find the speeches' structure
(structure.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .script import fold
from .structure import CN, han_count, marker, sentence_spans

if TYPE_CHECKING:
    from .generate import Candidate

_SALUTATION = re.compile(r"^(同志们|各位领导|各位同志|各位同事|同志們|各位領導)[，,：:！!。]?$")
_CLOSING = re.compile(r"(谢谢大家|謝謝大家|谢谢！|謝謝！|^谢谢|^謝謝|预祝.{0,12}圆满成功|預祝.{0,12}圓滿成功)")
_TITLE = re.compile(
    r"(讲话|講話)\s*(稿)?\s*(篇\s*[0-9一二三四五六七八九十]+)?\s*[。.]?$|^在.{2,40}(会议|會議|会|會)上的(讲话|講話)"
)
_DANGLING = re.compile(
    r"(这个|这些|这项|这种|这一|这样的|上述|以上|前面所说|前述|该项|此项|這個|這些|這項|這種|這一|這樣的)"
    r"(程序|要求|规定|規定|工作|问题|問題|方面|几点|幾點|意见|意見|精神|措施|做法|原则|原則|制度|步骤|步驟|内容|內容|情况|情況|观点|觀點|说法|說法)"
    r"|^(也|还|還|同样|同樣|另外)?(必须|必須|要)?按(照)?(这|這|此|上述)"
    r"|^(把|将|將)?它們?(作为|作為|当作|當作|当成|當成|列为|列為|放在)"  # 把它作为查办工作的重中之重来抓
    r"|^只有(这样|這樣|如此)"  # 只有这样,才能真正提高…效率: what it takes is said before (the 156th blind reader's)
    r"|^(这|這)(就|也)?(要求|说明|說明)"  # 这就要求…: what calls for it is said before (the 252nd's, 拟办意见 not 采纳)
)


# a sentence that only announces what the speaker will say (下面，我讲三点意见; 这里主要是对…提出的一些建议)
_ANNOUNCEMENT = re.compile(
    r"^(?:[^，,。；;]{0,12}[，,]){0,2}[^，,。；;]{0,30}?(?:提出|提|讲|谈|说)(?:了|的)?"
    r"(?:(?:几点|一些|以下|如下|[两二三四五六七八九]点|几个方面的?)(?:意见|建议|要求|看法|体会)"
    r"|(?:[^，,。；;]{0,12}?的)?(?:第[一二三四五六七八九十]+|[两二三四五六七八九几])个(?:问题|方面))"  # 我讲…第二个问题
    r"(?:(?:与|和|同|跟)大家(?:共勉|交流|分享|商榷))?"
    r"(?:[，,][^。；;]{0,30}?(?:讲|说)的为准)?$"  # …,讲的不对或讲的不到的地方,最后以张县长讲的为准 (the 185th's)
)


# a clause asking which (…还存在哪些薄弱环节,应该在哪些方面加以改进和突破: what to reflect on, cut from its sentence;
# the 198th blind reader's second sentence)
_WONDERED = re.compile(r"^(?:应该|应当|要|该|还)?(?:在|从|存在|有)?(?:哪些|哪几个?)[^，,。；;]{0,16}$")


# a sentence pointing at the points that follow it (要在以下六个方面再上新水平): padding, but for those points
_AHEAD = re.compile(r"[^。；;：:]*?(?:以下|如下)[几两二三四五六七八九十]*个?(?:方面|点|项|条)[^，,。；;：:]{0,10}$")


def padding(sentence: str, titles: tuple[str, ...] = ()) -> str:
    """Why `sentence` answers nothing on its own ('' when it may stand in an answer).

    >>> [padding(s) for s in ("同志们：", "谢谢大家。", "教育系统办公室主任会议讲话 篇12。", "一是加强学习。")]
    ['salutation', 'closing', 'title', 'heading']
    >>> padding("要可靠有用。"), padding("也必须按这个程序进行。"), padding("办公室要做好督查督办，做到件件有着落。")
    ('fragment', 'dangling', '')
    >>> padding("應該在哪些方面加以改進和突破。"), padding("要思考哪些工作需要加强。")
    ('fragment', '')
    >>> padding("只有这样,才能真正提高工作质量和工作效率。"), padding("只有团结才能步调一致。")
    ('dangling', '')
    >>> padding("把它作为查办工作的重中之重来抓。"), padding("它们是办公室的重要职责。")
    ('dangling', '')
    >>> padding("有时候领导性子急了，或者你哪件事没做好，批评几句，这样的情况也会发生。")  # its own clauses
    ''
    >>> padding("这里主要是对各级各部门的领导提出的一些建议。"), padding("下面，我讲三点意见。"), padding("要提出合理化建议。")
    ('announcement', 'announcement', '')
    >>> padding("今天,借这个机会,我就办公室工作提几点意见与大家共勉。")  # the 51st blind reader's third sentence
    'announcement'
    >>> padding("我講辦公室工作的第二個問題。"), padding("下面我讲三个问题。"), padding("我讲的第二个问题是督查要严。")
    ('announcement', 'announcement', '')
    >>> padding("下面我讲两点意见,讲的不对或讲的不到的地方,最后以张县长讲的为准。")
    'announcement'
    >>> padding("做好今年的办公室工作,就要在以下六个方面再上新水平。"), padding("要把握以下几点:第一是更新观念。")
    ('ahead', '')

    """
    s = sentence.strip()
    bare = s.rstrip("。！？!?；;，,：: ")
    if _SALUTATION.match(s):
        return "salutation"
    if _CLOSING.search(s):
        return "closing"
    if bare in titles or _TITLE.search(bare):
        return "title"
    m = marker(s)
    body = s[m.length :] if m else s
    if m and han_count(body) <= 12 and not re.search(r"[，,；;]", body.rstrip("。！？!?；; ")):
        return "heading"
    if not m and len(bare) <= 40 and s[-1:] not in "。！？!?；;…" and re.match(rf"[{CN}]+、|[（(][{CN}]+[）)]", s):
        return "heading"
    if han_count(body) < 6 or _WONDERED.match(fold(bare)):  # 应该在哪些方面加以改进: a clause of what one asks oneself
        return "fragment"
    if _ANNOUNCEMENT.match(fold(bare)):
        return "announcement"
    if _AHEAD.match(fold(bare)):
        return "ahead"
    ref = _DANGLING.search(s)
    if ref and len(re.findall(r"[，,；;]", s[: ref.start()])) < 3:  # after three clauses it points at them
        return "dangling"
    return ""


def usable(text: str, titles: tuple[str, ...]) -> bool:
    return not padding(text, titles)


def unpadded(c: Candidate, titles: tuple[str, ...]) -> Candidate:
    """`c` without the title, salutation, closing or heading sentences its text carries along (a
    stored sentence unit may hold a short one next to a real one: 谢谢大家！ after the last point)."""
    spans = sentence_spans(c.text)
    keep = [
        (a, b) for a, b in spans if padding(c.text[a:b], titles) not in ("title", "salutation", "closing", "heading")
    ]
    if not keep or len(keep) == len(spans):
        return c if keep else replace(c, text="")
    a, b = keep[0][0], keep[-1][1]
    return replace(c, text=c.text[a:b], position=c.position + a)
