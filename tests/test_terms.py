"""The question's words as the answer weighs them (terms.py): a verb asked not to be done weighs as the
speeches' 不X, on the real index."""

from __future__ import annotations

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.terms import NEGATED, term_weights


def test_a_verb_asked_not_to_be_done_is_found_but_not_in_a_yes_or_no() -> None:
    found = {
        q: [m.group(1) for m in NEGATED.finditer(q)]
        for q in ("哪些事不应该去督？", "哪些话不该讲？", "要不要发？", "能不能做？")
    }
    assert found == {"哪些事不应该去督？": ["督"], "哪些话不该讲？": ["讲"], "要不要发？": [], "能不能做？": []}


def test_real_which_things_not_to_supervise_are_the_speechs_three_不督(real_bot: pipeline.Ragbot) -> None:
    question = "哪些事情督查部门不应该去督？"
    assert "不督" in term_weights(real_bot.index, question)  # jieba cuts 去督, which no speech says
    a = Answerer(real_bot).ask(question)
    first = a.text.split("[")[0]
    assert "按正常程序能办好的一般的事不督" in first, a.text
    assert "市县领导没有授权的事不督" in first, a.text
