"""Questions about the one who gave the speech (作这个讲话的同志到办公室工作多长时间了): the speech says 我
(我到办公室工作三个多月了), so the question is searched as the speech would say it (`as_speaker_says`:
我到办公室工作多长时间了, found first where the question's own words found 办公室的同志 sentences), and 我 is
one of the words a number is asked in (answer.py). The 75th and 78th blind readers' were refused.
Asked who gave a speech (篇2是哪位领导讲的话, `who_spoke_asked`), a sentence must name someone giving a talk at
the meeting asked about (`talk_at`): the speeches never name their own speakers.
"""

from __future__ import annotations

import re

from .script import fold
from .who import PERSON, SURNAMES, TITLES, announced

# the one who gave it: 作这个讲话的同志, 这次讲话的领导, 讲话人; not 讲话的内容 or 讲话精神
_SPEAKER = re.compile(
    r"(?:作|做)?(?:这个|这次|这篇|那个|那次|那篇|本次)?(?:讲话|报告)的(?:同志|领导|人)|讲话人|讲话者|作报告的人"
)


def speaker_asked(question: str) -> bool:
    """Whether a question asks about the one who gave the speech.

    >>> speaker_asked("作这个讲话的同志到办公室工作多长时间了?"), speaker_asked("讲话的内容有哪些?")
    (True, False)
    """
    return bool(_SPEAKER.search(fold(question)))


def as_speaker_says(question: str) -> str:
    """`question` (folded) with the one who gave the speech named as the speech names them: 我.

    >>> as_speaker_says("作这个讲话的同志到办公室工作多长时间了?")
    '我到办公室工作多长时间了?'
    """
    return _SPEAKER.sub("我", fold(question))


_I = re.compile(r"我(?![县省市们国区校局乡镇委党厅])")  # 我到办公室…, not 我县 or 我们


def holds(text: str, words: list[str]) -> bool:
    """Whether `text` holds every one of `words`, 我 as the speaker saying it of themself (not 我县, 我们).

    >>> holds("我到办公室工作三个多月了", ["我", "办公室工作"]), holds("我县今后五年的发展", ["我", "发展"])
    (True, False)
    """
    t = fold(text)
    return all(_I.search(t) if w == "我" else w in t for w in words)


# who gave a speech (篇2是哪位领导讲的话, 讲话人是谁, 谁作的讲话): not who said a saying (“…”是谁讲的)
_SPEAKER_ASKED = re.compile(
    r"(?:哪位|哪个|谁)[^，,。？?]{0,4}?(?:作|做|发表)?的?(?:重要)?(?:讲话|讲的话)|讲话(?:人|者|的人|的是)是?(?:谁|哪位)|谁的讲话"
)
_GIVER = rf"(?:{PERSON.pattern}|[{SURNAMES}XxＸｘ×][\u4e00-\u9fff]{{0,2}}?)(?:{TITLES.removeprefix('领导|')}|同志)"  # 郭庚茂省长, 王书记
_TALK_GIVEN = re.compile(rf"{_GIVER}[^，,。；;]{{0,16}}?讲话(?!精神)")  # not 汇报王书记讲话精神: a talk referred to
_MEETING = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:电视电话)?会议")


def _meetings(text: str) -> list[str]:
    """The meetings a folded text names, by the words before 会议 (全省职业教育工作; not 出席)."""
    named = (re.sub(r".*(?:出席|参加|召开|主持|在)", "", g) for g in _MEETING.findall(text))
    return [g for g in named if len(g) >= 2]


def who_spoke_asked(question: str) -> bool:
    """Whether a question asks who gave a speech or talk (篇2是哪位领导讲的话, 讲话人是谁), not who said a
    saying (“没有督查就没有落实”是谁讲的: whoever said it, in any word for saying).

    >>> who_spoke_asked("河南那次教育系统办公室主任会议(篇2)是哪位领导讲的话"), who_spoke_asked("讲话人是谁？")
    (True, True)
    >>> who_spoke_asked("“没有督查就没有落实”是谁讲的？"), who_spoke_asked("这个要求是哪位领导提的？")
    (False, False)
    """
    return bool(_SPEAKER_ASKED.search(fold(question)))


def talk_at(text: str, question: str) -> bool:
    """Whether `text` names someone (a person with a title, 王书记, X市长) giving a talk, not announced as
    still to come, at the meeting the question names (or at no other meeting): the speakers of these
    speeches say 我, so a sentence saying someone spoke tells of another talk (the 116th blind reader's
    near miss 篇2是哪位领导讲的话 was answered with 我就…讲几点意见; 篇2 also tells of 郭庚茂省长 speaking at
    a video conference, which the question does not name).

    >>> said = "5月8日,省政府召开全省职业教育工作电视电话会议,郭庚茂省长出席会议并做重要讲话"
    >>> talk_at(said, "篇2是哪位领导讲的话"), talk_at(said, "5月8日全省职业教育工作电视电话会议是谁做的重要讲话")
    (False, True)
    >>> talk_at("我就做好办公室工作讲几点意见", "篇2是谁讲的话"), talk_at("一会儿X市长还要作重要讲话", "讲话人是谁")
    (False, False)
    """
    t, q = fold(text), fold(question)
    asked = "".join(_meetings(q))
    for m in _TALK_GIVEN.finditer(t):
        if any(announced(person, t) for person in re.findall(_GIVER, m.group(0))[:1]):
            continue
        # every meeting it names is the one asked about: half its two-character runs are in the question's
        if all(sum(g[i : i + 2] in asked for i in range(len(g) - 1)) * 2 >= len(g) - 1 for g in _meetings(t)):
            return True
    return False
