"""Section-level units (sections.py): sections of a real index built with fake vectors, their ranking,
and on the real index, a question whose answer the section ranking brings to the top."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from ragbot import pipeline
from ragbot.config import Config
from ragbot.evaluate import contains
from ragbot.sections import ranking, sections


def test_a_section_is_the_chunks_under_one_heading_path_and_the_mean_of_their_vectors(
    keyword_bot: pipeline.Ragbot,
) -> None:
    index = keyword_bot.index
    found = sections(index)
    assert sections(index) is found  # made once per loaded index
    members = [i for m in found.members for i in m]
    assert sorted(members) == [i for i, c in enumerate(index.chunks) if c.headings]  # each once; openings none
    for m, vector in zip(found.members, found.vectors):
        first = index.chunks[m[0]]
        assert all(
            (index.chunks[i].file, index.chunks[i].speech, index.chunks[i].headings)
            == (first.file, first.speech, first.headings)
            for i in m
        )
        assert [index.chunks[i].text_start for i in m] == sorted(index.chunks[i].text_start for i in m)
        rows = np.concatenate([np.arange(index.unit_start[i], index.unit_start[i + 1]) for i in m])
        mean = index.matrix[rows].mean(axis=0)
        np.testing.assert_allclose(vector, mean / np.linalg.norm(mean), atol=1e-5)
    assert len(found.members) > 10


def test_ranking_takes_the_best_sections_in_order_and_keeps_to_the_filter(keyword_bot: pipeline.Ragbot) -> None:
    index = keyword_bot.index
    found = sections(index)
    qvec = keyword_bot.embedder.embed_query("保密")
    order = np.argsort(-(found.vectors @ qvec), kind="stable")
    assert ranking(index, qvec, top=1) == list(found.members[order[0]])
    two = ranking(index, qvec, top=2)
    assert two == list(found.members[order[0]]) + list(found.members[order[1]])
    allowed = set(found.members[order[1]]) | set(found.members[order[5]])  # the best section filtered out
    assert ranking(index, qvec, allowed, top=1) == list(found.members[order[1]])
    assert set(ranking(index, qvec, allowed)) == allowed
    assert ranking(index, qvec, set()) == []


@pytest.mark.parametrize("weight", [0.25, 0.0])
def test_the_section_ranking_brings_the_answer_first(real_index: Config, default_embedder, weight: float) -> None:
    """The chunk stating the chain of responsibility is second by chunks and sentences alone; its
    section, 逐级负责, is the question's best, which puts it first (eval question q329)."""
    bot = pipeline.Ragbot(replace(real_index, section_weight=weight), embedder=default_embedder)
    first = bot.search("民政局办公室讲的逐级负责，具体是一层层谁对谁负责？", k=5).hits[0]
    assert contains(first.text, "科员对分管主任负责,分管主任对主任负责,主任对局长负责") == (weight > 0)
