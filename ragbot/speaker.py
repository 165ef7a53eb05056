"""Questions about the one who gave the speech (作这个讲话的同志到办公室工作多长时间了): the speech says 我
(我到办公室工作三个多月了), so the question is searched as the speech would say it (`as_speaker_says`:
我到办公室工作多长时间了, found first where the question's own words found 办公室的同志 sentences), and 我 is
one of the words a number is asked in (answer.py). The 75th and 78th blind readers' were refused.
"""

from __future__ import annotations

import re

from .script import fold

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
