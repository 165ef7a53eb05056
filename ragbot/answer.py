"""Answering: questions -> Answers with checked citations, over a search session (pipeline.Ragbot).

  Answerer(bot, generator).evidence(q)  what the speeches offer for a question: the excerpts, every sentence
                                        of them scored against it, the best evidence and the threshold it
                                        must reach (the refusal's basis; eval/calibrate.py calibrates on it)
  Answerer.stream(q) / .ask(q)          pieces of the answer as they are written, then the Answer

A follow-up ("那具体应该怎么做？") is searched together with the previous question (an LLM generator rewrites
it instead). A question asking how many / how long counts only sentences that state a number as evidence.
Whatever the generator writes is checked by cite.py and the excerpts cited are renumbered in order of first
use. What it does not do: retrieval itself (retrieve.py), or writing sentences (generate.py).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from . import cite
from .amounts import numbers, unit_asked
from .asks import TYPED, classes_asked, divides, kind, stated_kind, why_asked
from .chunk import Heading, find_headings, heading_path
from .compose import compose
from .context import lead_of
from .counted import amount_said, amount_told, of_body
from .gaps import unheld, unspelled
from .generate import (
    Candidate,
    ExtractiveGenerator,
    Generator,
    GeneratorError,
    Prompt,
    condense_messages,
    make_generator,
)
from .glosses import WORDING, described
from .kinds import excluded, states, title_asked, titled
from .lexical import places, tokenize, unknown_quotes
from .meanings import defined_term, meant, told
from .multi import named_candidates
from .naming import in_years
from .retrieve import SearchSettings, embedded, prepare_query, search
from .scaffold import unhedged
from .script import detect_script, fold, shown, to_script
from .speaker import as_speaker_says, holds, speaker_asked, talk_at, who_spoke_asked
from .store import Filters
from .structure import han_count, sentence_spans
from .synonyms import said_in
from .terms import asking_words, pictured, rare_held, rare_terms, text_df
from .types import Answer, Citation, Hit, Script
from .unnamed import UNSEEN_MARGIN, counts_undone, undone, unknown_asked, unlisted_units, unnamed_contents, unseen_nouns
from .who import action_asked, chain_asked, chained, does, when_done, whom_named
from .writer import Draft

log = logging.getLogger(__name__)

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]{2,}")

if TYPE_CHECKING:
    from .index import Index
    from .pipeline import Ragbot

_FOLLOW_UP = re.compile(
    r"^(那|这|它|其|他们|具体|还有|另外|那么|此外|然后|怎么做|如何做)|这个|那个|上述|刚才|上面|具体"
)


def is_follow_up(question: str, history: Sequence[tuple[str, str]]) -> bool:
    """A question that leans on the conversation ("那具体应该怎么做？")."""
    return bool(history) and (len(question) <= 12 or bool(_FOLLOW_UP.search(fold(question))))


def headings(index: Index) -> dict[tuple[str, int], list[Heading]]:
    """Every speech's headings, down to the points found inside a page (`chunk.find_headings` deep)."""
    return index.derived("labels", lambda: {k: find_headings(s.text, True) for k, s in index.speeches.items()})


def candidates(
    index: Index, hits: Sequence[Hit], qvec: np.ndarray | None, tokens: Sequence[str], headed: bool = False
) -> list[Candidate]:
    """Every sentence of the hits, scored against the question: cosine of its stored vector plus
    the IDF-weighted share of the question's terms it contains. `headed` (asked why): a sentence holding one
    of them is ranked with its innermost heading's words too (`Candidate.lead`): 三是面临更复杂的环境 holds
    复杂 and 环境, and its 其次,以微信、微博为代表的网路媒体的迅猛发展… gives the reason. ragbot eval hybrid: held-out q515
    now carries its evidence, dev q503 ROUGE-L 0.30 -> 0.57, q484 0.38 -> 0.34. For every question, not only why,
    9 rows changed and ROUGE-L fell 0.513 -> 0.510; a sentence holding no question word (毛主席说,三天不学习…) rose so."""
    weights = {t: index.bm25.idf(t) for t in dict.fromkeys(tokens)}
    total = sum(weights.values()) or 1.0
    out: list[Candidate] = []
    for n, hit in enumerate(hits, start=1):
        seen: set[str] = set()
        for cid in hit.chunk_ids:
            ci = index.by_id[cid]
            for row, original, at in index.sentences(ci):
                if original in seen:
                    continue
                seen.add(original)
                cos = float(index.matrix[row] @ qvec) if qvec is not None else 0.0
                folded = fold(original)
                cover = sum(w for t, w in weights.items() if t in folded) / total
                start = index.chunks[ci].text_start + at
                lead = lead_of(index.speeches[(hit.file, hit.speech)].text, start) if folded[:1] == "这" else ""
                if headed and not lead and cover > 0:
                    path = heading_path(headings(index)[(hit.file, hit.speech)], start)
                    lead = path[-1] if path and path[-1] not in original else ""
                out.append(Candidate(n, original, cos + 0.3 * cover, start, cos, lead))
    return out


def weigh(
    question: str,
    cands: Sequence[Candidate],
    hits: Sequence[Hit] = (),
    tokens: Sequence[str] = (),
    named: Sequence[Candidate] | None = None,
) -> tuple[float, bool]:
    """(best evidence similarity, whether the question asks for a quantity).

    A question asking how many / how long / which number needs a sentence that states one (in the
    unit asked about, when it names one: 几个工作日 is not answered by a count of 件), so for those
    only such sentences count as evidence (answer-type matching); likewise a who / when / where
    question needs a sentence that names a body or role, a time (a date for 几号, 哪一天), a place (`kinds.states`), and a "who does X"
    one a sentence that also says X (会议纪要由谁签发: 签发); "into which kinds is X divided" one a sentence
    that divides something (分为…, 三个等次). For these typed questions only the `named` sentences count
    when the question names a speech or place (`multi.named_candidates`): measured, narrowing every
    question so cost held-out q144 (地方志那篇讲话…寓言故事) a false refusal. In the speech a who question
    names, a sentence naming who does the act asked is certain (陕西…那次会议请了谁来作报告). When one
    excerpt holds every word of the question (two characters or more), the evidence is taken as certain:
    the speech says what was asked about in its own words.
    """
    asked = kind(question)
    quantity = asked == "quantity"
    narrowed = named is not None and len(named) < len(cands)  # the question names a speech or place
    if asked in TYPED:  # 民政那篇讲话里…多少条: what that speech states, not another's number
        cands = cands if named is None else named
    action = action_asked(question) if asked == "who" else when_done(question) if asked == "when" else ""  # 由谁签发
    if quantity:
        unit = unit_asked(question)
        pool = [c for c in cands if amount_said(c.text, question, unit)]  # not the 12%… of 每月几条, 扣多少
        pool = [c for c in pool if counts_undone(c.text)] if undone(question) else pool  # 多少个单位没有…
    elif asked in TYPED:  # who, when, where
        wanted = stated_kind(question, asked)  # 几号: 15号, not 每月
        pool = [c for c in cands if states(c.text, wanted, question) and does(c.text, action)]  # not what it names
        whom = whom_named(question)  # 全名: a person; 杨红琼主任的单位: the body she works in
        pool = [c for c in pool if whom(c.text) and of_body(c.text, question)]  # 《常德年鉴》几月底前: its date
        pool = [c for c in pool if talk_at(c.text, question)] if who_spoke_asked(question) else pool  # 讲话人
    else:
        pool = list(cands)
    if asked in TYPED or quantity:  # 不算重大的…多长时间: not the limit for the major ones
        pool = [c for c in pool if not excluded(c.text, question)]
    classes = classes_asked(question)  # 分为哪几种: a sentence that divides something into kinds
    if classes:
        pool = [c for c in pool if divides(c.text)]
    if title_asked(question):  # 报告的题目是什么: a sentence quoting a title
        pool = [c for c in pool if titled(c.text)]
    link = chain_asked(question)  # 谁对谁负责: a sentence saying it link by link is certain, and in the speech
    sure = narrowed and asked == "who" and action != ""  # in the speech named, one naming a doer of the act asked
    best = max(
        [c.similarity for c in pool] + [1.0 for c in pool if sure or (link and chained(c.text, link))], default=0.0
    )
    asking = asking_words(question) if quantity else []  # 全县有多少人民: 全县43万人民 states it in its words
    if len(asking) >= 2 and any(holds(c.text, asking) for c in pool):
        best = max(best, 1.0)
    words = [t for t in dict.fromkeys(tokens) if len(t) >= 2]
    if (
        words
        and asked not in TYPED
        and not classes
        and not title_asked(question)
        and any(all(w in fold(h.text) for w in words) for h in hits)
    ):
        best = max(best, 1.0)
    return best, quantity


@dataclass(frozen=True)
class Evidence:
    """What the speeches offer for one question, before a word of the answer is written."""

    question: str  # as searched for: whitespace-normalised, cut to max_query_chars, said plainly (`unhedged`)
    notice: str  # e.g. that the question was cut
    script: Script  # the asker's
    hits: tuple[Hit, ...]
    candidates: tuple[Candidate, ...]  # every sentence of the hits, scored against the question
    best: float  # the best evidence similarity (see `weigh`)
    quantity: bool  # the question asks how many / how long
    threshold: float  # the refusal threshold that applies to it
    retrieve_seconds: float
    retrieved_at: float  # time.perf_counter() when retrieval ended
    qvec: np.ndarray | None = field(default=None, repr=False, compare=False)  # the question's vector
    search: str = ""  # what was searched for: the question, or a follow-up with the conversation
    asked: str = ""  # the question as asked (whitespace-normalised, cut), shown with the answer

    @property
    def enough(self) -> bool:
        """Whether to answer at all: some excerpt, and evidence at or above the threshold."""
        return bool(self.hits) and self.best >= self.threshold


class Answerer:
    """Questions -> Answers over a Ragbot session (its model and index), with a chosen generator."""

    def __init__(self, bot: Ragbot, generator: Generator | None = None) -> None:
        self.bot = bot
        self.config = bot.config
        self._generator = generator

    @property
    def generator(self) -> Generator:
        if self._generator is None:
            self._generator = make_generator(self.config.generator, self.config)
        return self._generator

    def evidence(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        filters: Filters | None = None,
        k: int | None = None,
    ) -> Evidence:
        """Search for the question (with the conversation when it is a follow-up) and weigh what was found."""
        t0 = time.perf_counter()
        asked, notice = prepare_query(question, self.config.max_query_chars)
        q = unhedged(asked)  # 不太会写: as the speeches say it, 不会写
        search_q = self._condense(q, history, self.generator) if is_follow_up(q, history) else q
        search_q = as_speaker_says(search_q) if speaker_asked(search_q) else search_q  # 我到办公室工作…
        index = self.bot.index
        qvec = self.bot.embedder.embed_query(embedded(index, search_q))  # in bm25 mode too: sentences are scored
        tokens = tokenize(search_q)
        settings = SearchSettings.of(self.config, k)
        hits = search(index, qvec, tokens, settings, filters, self.bot.reranker, search_q)
        retrieved_at = time.perf_counter()
        headed = why_asked(q)  # asked why: a sentence's heading may name what the reason under it does not
        cands = list(in_years(index, q, hits, candidates(index, hits, qvec, tokens, headed)))  # 2011年…: not 2010's
        best, quantity = weigh(q, cands, hits, tokens, named_candidates(index, q, hits, cands))  # eval/calibrate.py
        said, df = [c.text for c in cands], index.bm25.df
        if any(df(p) == 0 for p in places(q)) or unknown_quotes(q, df, lambda p: text_df(index, p) > 0):
            best = 0.0  # 浙江省那次会议, 「三审三校」: a place or formulation no speech names
        if (
            unnamed_contents(index, q)
            or unknown_asked(index, q, said)
            or unlisted_units(index, q, cands)
            or unspelled(index, q)
            or unheld(index, q, hits, said)
        ):  # 调研提纲应当包括哪些内容, 要用什么字体, “八字要求”是哪八个字: what no speech names or spells out
            best = 0.0
        elif kind(q) == "wording" and (
            rare_held(q, tokens, cands, df)
            or any(p.search(fold(c.text)) for p in described(q) for c in cands)
            or pictured(q, said)
        ):
            best = max(best, 1.0)  # 引用毛主席哪句话, 带加号的说法, 比成缝衣服用的东西: him, “5+2”, 千条线…一根针
        elif (
            told(q, said, rare_terms(q, tokens, df, 2))
            or meant(q, said)
            or (kind(q) not in TYPED and said_in(q, said, df))  # 想推掉行不行: 能推则推 (not OA's 哪一年)
            or (quantity and amount_told(q, said, df))  # 情况还没摸清楚…多快往上报: 尚未…2小时 (the 186th's)
        ):
            best = max(best, 1.0)  # 寓言故事…别骄傲: 像骄傲的兔子那样…; 古代诗人…推敲: 贾岛诗云…推敲文字
        if quantity:  # the sentence that states a number is the answer to "how many"
            cands = [replace(c, score=c.score + 0.1) if numbers(c.text) else c for c in cands]
        threshold = self.config.refusal_threshold_quantity if quantity else self.config.refusal_threshold
        if threshold <= best < threshold + UNSEEN_MARGIN and unseen_nouns(index, q):  # only where it decides
            threshold += UNSEEN_MARGIN  # 字体和字号有什么规定: said nowhere
        return Evidence(
            q,
            notice,
            detect_script(q),
            tuple(hits),
            tuple(cands),
            best,
            quantity,
            threshold,
            retrieved_at - t0,
            retrieved_at,
            qvec,
            search_q,
            asked,
        )

    def stream(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        filters: Filters | None = None,
        k: int | None = None,
        previous: Answer | None = None,
    ) -> Iterator[str | Answer]:
        """Pieces of the answer text as they come, then the checked Answer as the last item.

        `previous` is the answer this question follows up (the extractive answer then goes deeper)."""
        ev = self.evidence(question, history, filters, k)
        times = [("retrieve", ev.retrieve_seconds)]
        q, script, hits, notice, asked = ev.question, ev.script, ev.hits, ev.notice, ev.asked
        foreign = not _HAN.search(q) and bool(_LATIN.search(q))  # the speeches are Chinese; say so
        usage = term_usage(defined_term(q), hits, script) if not ev.enough and not foreign and defined_term(q) else ""
        if usage:  # the speeches use the term but never explain it: where they use it, not "nothing found"
            yield usage
            times.append(("generate", time.perf_counter() - ev.retrieved_at))
            yield self._answer(asked, usage, script, hits, "extractive", times, notice)
            return
        if not ev.enough or foreign:
            refusal = to_script(cite.ASK_IN_CHINESE if foreign else cite.REFUSAL, script) + "。"
            yield refusal
            times.append(("generate", time.perf_counter() - ev.retrieved_at))
            yield self._answer(asked, refusal, script, hits, "extractive", times, notice, refused=True)
            return
        follows = previous if previous is not None and is_follow_up(q, history) else None
        draft = None
        if self.generator.name == "extractive":
            draft = compose(self.bot.index, ev, follows, self.config.max_points, self.config.answer_chars)
            hits = draft.excerpts
        prompt = self._prompt(ev, hits, history, draft)
        pieces: list[str] = []
        used = self.generator.name
        try:
            for piece in self.generator.generate(prompt):
                pieces.append(piece)
                yield piece
        except GeneratorError as e:
            log.warning("ragbot: %s; answered extractively", e)  # the operator's detail; the user reads `zh`
            fell_back = to_script(f"{e.zh}，下面是从讲话中摘录的回答", script)
            notice = fell_back + (f"；{notice}" if notice else "")
            used = "extractive"
            draft = compose(self.bot.index, ev, follows, self.config.max_points, self.config.answer_chars)
            hits = draft.excerpts
            pieces = list(ExtractiveGenerator().generate(self._prompt(ev, hits, history, draft)))
            yield "\n"
            yield from pieces
        times.append(("generate", time.perf_counter() - ev.retrieved_at))
        yield self._answer(asked, "".join(pieces), script, hits, used, times, notice)

    def _prompt(
        self, ev: Evidence, hits: Sequence[Hit], history: Sequence[tuple[str, str]], draft: Draft | None
    ) -> Prompt:
        return Prompt(
            question=ev.question,
            script=ev.script,
            excerpts=tuple(h.text for h in hits),
            titles=tuple(h.title for h in hits),
            history=tuple(history),
            candidates=ev.candidates,
            wording=bool(WORDING.search(fold(ev.question))),
            budget=self.config.answer_chars,
            draft=draft.pieces if draft is not None else (),
        )

    def ask(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        filters: Filters | None = None,
        k: int | None = None,
        previous: Answer | None = None,
    ) -> Answer:
        """The checked Answer (the stream, collected)."""
        for item in self.stream(question, history, filters, k, previous):
            if isinstance(item, Answer):
                return item
        raise AssertionError("stream ended without an Answer")

    def _condense(self, q: str, history: Sequence[tuple[str, str]], generator: Generator) -> str:
        """A standalone question for retrieval: the LLM rewrites it, or the previous question leads."""
        complete = getattr(generator, "complete", None)
        if complete is not None:
            try:
                rewritten = str(complete(condense_messages(history, q))).strip()
                if rewritten:
                    return rewritten[: self.config.max_query_chars]
            except GeneratorError:
                pass
        return f"{history[-1][0]} {q}"[: self.config.max_query_chars]

    def _section(self, h: Hit, spots: list[int]) -> tuple[str, ...]:
        """The headings in force where the cited text is, `spots` in the excerpt: those shared by every cited
        sentence (an excerpt running over several points was labelled with its best chunk's: the 85th blind
        reader's 2小时 was cited under 二是…; one cited by 三是… and 四是… is labelled with their section)."""
        index = self.bot.index
        found = headings(index).get((h.file, h.speech))
        paths = [heading_path(found, h.text_start + at) for at in spots if at >= 0] if found is not None else []
        if not paths:
            return h.headings
        first = paths[0]
        return next((first[:n] for n in range(len(first), -1, -1) if all(p[:n] == first[:n] for p in paths)), ())

    def _answer(
        self,
        q: str,
        text: str,
        script: Script,
        hits: Sequence[Hit],
        generator: str,
        times: list[tuple[str, float]],
        notice: str,
        refused: bool = False,
    ) -> Answer:
        t = time.perf_counter()
        sentences, precision = cite.check(text, [h.text for h in hits], self.config.support_threshold)
        refused = refused or (bool(sentences) and all(cite.is_refusal(s.text) for s in sentences))
        # renumber: the excerpts actually cited become [1], [2], … in order of first use
        order: dict[int, int] = {}
        for s in sentences:
            for n in s.citations:
                order.setdefault(n, len(order) + 1)
        sentences = [replace(s, citations=tuple(order[n] for n in s.citations)) for s in sentences]
        citations = []
        for old, new in order.items():
            h = hits[old - 1]
            used_by = tuple(i for i, s in enumerate(sentences) if new in s.citations)
            where = self._section(h, cite.cited_at(h.text, [sentences[i].text for i in used_by]))
            citations.append(
                Citation(new, h.chunk_id, h.file, h.speech, h.title, where, h.start, h.end, h.text, used_by)
            )
        times.append(("cite", time.perf_counter() - t))
        return Answer(
            question=q,
            text=cite.render(sentences),
            refused=refused,
            script=script,
            sentences=tuple(sentences),
            citations=tuple(citations),
            hits=tuple(hits),
            generator=generator,
            citation_precision=precision,
            timings=tuple(times),
            notice=notice,
        )


def term_usage(term: str, hits: Sequence[Hit], script: Script, most: int = 3) -> str:
    """For a "what does X mean" question the speeches never answer: the sentences that use `term` (folded),
    one per excerpt and at most `most`, each cited, after the lead-in 讲话中提到：; "" when none does."""
    said: list[str] = []
    for n, h in enumerate(hits, start=1):
        folded = fold(h.text)
        for a, b in sentence_spans(h.text):
            if term in folded[a:b] and han_count(h.text[a:b]) >= 6:
                said.append(shown(h.text[a:b].strip(), detect_script(h.text), script) + f"[{n}]")
                break
        if len(said) == most:
            break
    return to_script("讲话中提到：", script) + "".join(said) if said else ""
