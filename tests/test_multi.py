"""Questions asking more than one thing (multi.py): a second question asking for the details of the
first is answered by what the speech goes on to say, on the real index."""

from __future__ import annotations

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.writer import Writer


def test_a_sentence_holding_a_point_said_before_repeats_it_unless_it_elaborates() -> None:
    w = Writer(None, [], "simplified", ["接待服务要注重人性化、人情化、人文化。"])  # type: ignore[arg-type]
    more = "更加注重把人性化、人情化、人文化的工作融入接待服务之中,多一点人性需求,多一点人情关怀,多一点人文氛围。"
    assert w.repeats(more)
    assert not w.repeats(more, elaborates=True)
    assert w.repeats("接待服务要注重人性化、人情化、人文化", elaborates=True)  # the same point again


def test_real_a_second_question_asking_for_details_gets_what_the_speech_says_next(real_bot: pipeline.Ragbot) -> None:
    a = Answerer(real_bot).ask("接待服务要做到哪“三化”？具体怎么做？")
    assert not a.refused
    assert a.text.startswith("三是接待服务要注重人性化、人情化、人文化。"), a.text
    assert "多一点人性需求,多一点人情关怀,多一点人文氛围" in a.text, a.text
    assert all(s.supported for s in a.sentences)
