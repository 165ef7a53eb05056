"""Lexical search: BM25 over jieba segmentation of Simplified-folded text.

Generic BM25 tokenisers turn a run of Han characters into one token; here jieba's search mode
(`cut_for_search`: words plus their sub-words, 办公室 -> 办公 公室 办公室) segments the folded
text, with a small user dictionary of office jargon from the speeches (ragbot/data/jargon.txt:
三服务, 办文办会办事, 督查督办, …) so those stay whole. Punctuation, whitespace and a few function
words are dropped. The index saves as one .npz of plain arrays (no pickle).

What it does not do: stemming, synonyms, or any Traditional text (callers fold first)."""

from __future__ import annotations

import functools
import json
import logging
import math
import re
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .quotes import cn_number, quoted
from .script import fold

JARGON = Path(__file__).parent / "data" / "jargon.txt"
FORMAT = 4  # 4: folding writes 網路 as 网络 (script.fold); 3: 著 as 着; 2: postings as flat arrays in an .npz
_STOPWORDS = (
    "的 了 和 与 及 或 是 在 也 都 就 而 又 并 等 着 之 其 这 那 个 些 把 被 对 为 以 于 "
    "从 向 上 下 中 我 我们 你 你们 他 他们 它 吗 呢 吧 啊 什么 怎么 怎样 如何 哪些 哪个 为什么 是否 有没有 请问 要 应该 应当"
)
STOPWORDS = frozenset(_STOPWORDS.split())
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)


_TOKENIZER: Any = None
_TOKENIZER_LOCK = threading.Lock()


def _jieba() -> Any:
    """The one jieba tokenizer (with the jargon dictionary), built once even when many threads ask at once."""
    global _TOKENIZER
    if _TOKENIZER is None:
        with _TOKENIZER_LOCK:
            if _TOKENIZER is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.load_userdict(str(JARGON))
                _TOKENIZER = tk
    return _TOKENIZER


def tokenize(text: str, folded: bool = False) -> list[str]:
    """Search-mode tokens of `text` (folded to Simplified first unless `folded`).

    >>> tokenize("辦公室要做好三服務"), tokenize("。")
    (['办公', '公室', '办公室', '做好', '三服', '服务', '三服务'], [])
    """
    words = _search_words((text if folded else fold(text)).lower())
    return words.split("\x1f") if words else []


@functools.lru_cache(maxsize=8192)
def _search_words(t: str) -> str:
    """The tokens of folded, lower-cased `t`, joined by U+001F (a token never holds a control character).
    Cached: a rebuild (an upload, an update, Milvus's text rows beside BM25's) cuts each unchanged chunk
    once per process, where jieba took a third of a Milvus build; a full cache holds about 11 MB."""
    return "\x1f".join(w for w in _jieba().cut_for_search(t) if _WORD.search(w) and w not in STOPWORDS)


def inside_word(text: str, at: int) -> bool:
    """Whether the character at `at` of folded `text` ends a two-character word that begins before it,
    by jieba's dictionary (大 of 加大督查力度): a phrase found there is not said as such.

    >>> inside_word("加大督查力度", 1), inside_word("常态化“大督查”格局", 4), inside_word("政府的参谋部", 3)
    (True, False, False)
    """
    tk = _jieba()
    tk.check_initialized()
    return at > 0 and "\u4e00" <= text[at - 1] <= "\u9fff" and tk.FREQ.get(text[at - 1 : at + 1], 0) > 0


_PROVINCE_NAMES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 "
    "甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
)
PROVINCES = frozenset(_PROVINCE_NAMES.split())
_PLACE_SUFFIX = ("省", "市", "县", "州")
_ANY_PLACE = "各全本该我外每"  # 各市县: every one, no place


def places(text: str) -> list[str]:
    """The places `text` names: provinces (浙江), and a word with 省/市/县/州 whose stem jieba tags as a
    place name (广州市 -> 广州; not 撤地设市). Returned as their stems, the way speeches also name them.

    >>> places("在廣州市政府系統會議上"), places("浙江那次会议"), places("撤地设市以来"), places("各市县")
    (['广州'], ['浙江'], [], [])
    >>> places("光山县2010年办理了多少件？")  # jieba tags 光山县 a place, 光山 alone a noun
    ['光山']
    """
    found: list[str] = []
    for w in dict.fromkeys(tokenize(text)):
        stem = w[:-1] if len(w) >= 3 and w.endswith(_PLACE_SUFFIX) else ""
        if w in PROVINCES or stem in PROVINCES:
            found.append(stem or w)
        elif stem and (_pos(stem) == "ns" or (_pos(w) == "ns" and stem[0] not in _ANY_PLACE)):  # 光山县: 光山 a noun
            found.append(stem)
    return list(dict.fromkeys(found))


_BEFORE_BODY = re.compile(r"([\u4e00-\u9fff]{2})(?=[省市县州](?:委|政府|人大|政协))")
_WHEN_WORD = re.compile(r"年|月|[今昨明当每]天|时|期|后|前|和|及|与|、|[委府]$|[新现原历首继]任")  # 今天, 新任
# 想用县政府的名义, 送给市委, 由县政府: what goes to the body, not where it is (a place ends in none of these)
_TO_BODY = re.compile(r"[用以向给在对由经把从到为让请被将跟了着过的上按照据]$")  # 体现了县委: nor what a verb did to it
_NOT_PLACE = ("r", "p", "c", "u")  # jieba's pronouns, prepositions, conjunctions, particles: 我们县 (大同: "d")


def before_bodies(text: str) -> list[str]:
    """The two characters before a party or government body (常德市委办 -> 常德), which `places` misses
    when jieba does not tag them as a place (常德 as a person's name). Not every such pair is a place
    (各地市委), so only for narrowing to the speeches that say it, never as a refusal signal.

    >>> before_bodies("常德市委辦公室系統今年的目標？"), before_bodies("办公室的目标？"), before_bodies("去年市委市政府采用了多少？")
    (['常德'], [], [])
    >>> before_bodies("天门市委办去年接待了多少次？"), before_bodies("今天市委开会"), before_bodies("新任县委办主任")  # the 38th's, 89th's
    (['天门'], [], [])
    >>> before_bodies("研究抓落实的那次全市政府系统办公室主任会议"), before_bodies("要求各市委报送"), before_bodies("体现了县委的")
    ([], [], [])
    >>> before_bodies("文件想用縣政府的名義印發"), before_bodies("我们县政府办公室"), before_bodies("大同市委")  # held-out q406
    ([], [], ['大同'])
    >>> before_bodies("地方志工作会议上省政府表彰了几个省辖市？"), before_bodies("县委办按县委要求")  # the 178th's, 181st's
    ([], [])
    """
    words = [w for w in _BEFORE_BODY.findall(fold(text)) if w[-1] not in _ANY_PLACE]  # 那次全市: not 次全
    return [w for w in words if not _WHEN_WORD.search(w) and not _TO_BODY.search(w) and _pos(w) not in _NOT_PLACE]


def counties(text: str) -> list[str]:
    """The counties of one character `text` names (淇县), which jieba splits off (淇 / 县政府) so that
    `places` misses them: those jieba tags as a place name (not 全县, 该县). Whole, as speeches name them.
    Not a refusal signal: whether the index has such a name as a word depends on how jieba cut it there.

    >>> counties("淇縣政府辦公室全年辦理了多少件？"), counties("全县办公室"), counties("我县和该县")
    (['淇县'], [], [])
    """
    return list(dict.fromkeys(m.group(0) for m in _COUNTY.finditer(fold(text)) if _pos(m.group(0)) == "ns"))


_COUNTY = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]县|(?<=[在的是和与])[\u4e00-\u9fff]县")


NUMBERED = re.compile(r"篇([0-9]+|[一二三四五六七八九十]+)")  # 篇3讲话, as the citations label a speech


def speech_numbers(text: str) -> list[int]:
    """The speech numbers `text` names the way titles and citations do (篇3, 篇十二).

    >>> speech_numbers("篇3讲话提出了什么？"), speech_numbers("教育系統辦公室主任會議講話 篇12"), speech_numbers("这篇讲话")
    ([3], [12], [])
    """
    return [n for m in NUMBERED.finditer(fold(text)) if (n := cn_number(m.group(1)))]


_NAMES_BEFORE = re.compile(  # 地方志那篇讲话, 天门那个会; not …样样都懂一点的那个说法 (the 54th blind reader's)
    r"([^，。？！,?!；;：:]{2,24}?)那(?:篇|次|场|(?:个|位)(?=讲话|会|发言|报告|培训|领导))"
)
_NAMES_AFTER = re.compile(r"那(?:篇|次)([^，。？！,?!；;：:]{2,16}?)(?:讲话|会议|会上|会)")  # 那次培训开班讲话
_NAMES_AT = re.compile(r"在([\u4e00-\u9fff]{2,6}?)(?:召开|举行)?的[^，。？！,?!；;]{0,16}?(?:会议|会上|大会|讲话)")


def speech_names(text: str) -> list[str]:
    """The words a question names a speech by (地方志那篇讲话, 筹办旅游发展大会那次会议, 那次培训开班讲话):
    what it says before 那篇 / 那次 / 那个 in the same clause, between 那篇 / 那次 and 讲话 / 会议 (and 会议), or where.

    >>> speech_names("地方志那篇講話表彰了幾個省轄市？"), speech_names("那次培训开班讲话中提到什么？")
    (['地方', '方志', '地方志'], ['培训', '开班'])
    >>> speech_names("在畢節的政府系統辦公室主任會議上,…狠下功夫?"), speech_names("在会上要做什么？")  # the 98th's
    (['毕节'], [])
    >>> speech_names("在地方志工作的講話裡，領導為什麼要修志的人特別照顧好身體？")  # the 114th's
    ['地方', '方志', '地方志', '工作']
    >>> speech_names("办公室主任要做什么？"), speech_names("形容办公室干部样样都懂一点的那个说法是什么？")
    ([], [])
    """
    folded = fold(text)
    found = [m.group(1) for p in (_NAMES_BEFORE, _NAMES_AFTER, _NAMES_AT) for m in p.finditer(folded)]
    found += [m.group(1) + "会议" for m in _NAMES_AFTER.finditer(folded) if m.group(0).endswith("会议")]  # where
    return list(dict.fromkeys(w for phrase in found for w in tokenize(phrase) if len(w) >= 2))


# a quoted phrase holding these is a pattern described, or the asker's own words (啥: no speech's), not said
ASKING = re.compile(r"什么|怎么|怎样|如何|哪|谁|啥|咋|几|多少")  # 「好几种苦」: the asker describes, no label


def unknown_quotes(question: str, df: Callable[[str], int], said: Callable[[str], bool] = lambda _: False) -> list[str]:
    """The formulations a question quotes that no speech uses: half or more of a quoted phrase's words
    (two characters or more) occur in no speech (`df` 0), and the speeches do not hold most of it
    (`said`, `_held_share`: jieba cuts “靠人管” as a word no speech has, 靠人管人得罪人 holds it; “靠制度管人
    比靠人管人好” is in pieces). Measured on eval/questions.jsonl: three unanswerable questions quote
    such a phrase (「三审三校」, 「黄金时间」, “最多跑一次”), no answerable one.

    >>> unknown_quotes("有没有「三審三校」的规定？「四个一流」呢？", {"四个": 3, "一流": 2}.get)
    ['三审三校']
    >>> unknown_quotes("把“靠人管”和“靠制度管”作对比", {"制度": 5}.get), unknown_quotes("“靠人管”", {}.get, "靠人管人".__contains__)
    (['靠人管'], [])
    >>> unknown_quotes('“懂得多”和“有专长”应该怎么结合？', {"懂得": 2}.get), unknown_quotes("“有偿服务”", {}.get)  # the 69th's
    ([], ['有偿服务'])
    >>> unknown_quotes('用了四句"什么事怎么办"的说法,是哪四句?', {}.get)  # the 71st's: a pattern described
    []
    >>> unknown_quotes('把办公室的人叫作"啥都懂一点的杂家"?', {}.get), unknown_quotes("是個「好幾種苦」的崗位", {}.get)
    ([], [])
    """
    out = []
    for phrase in quoted(question):
        if re.match(r"(?:没)?有[\u4e00-\u9fff]{1,2}$", fold(phrase)) or ASKING.search(fold(phrase)):  # “有专长”: what
            continue  # one has, not “有偿服务”; “什么事怎么办”: a pattern the asker describes (the 71st's)
        words = [w for w in dict.fromkeys(tokenize(phrase)) if len(w) >= 2]
        if words and 2 * sum(not df(w) for w in words) >= len(words) and 3 * _held_share(phrase, said) < 2:
            out.append(phrase)
    return out


def _held_share(phrase: str, said: Callable[[str], bool], least: int = 3) -> float:
    """The share of a phrase's characters in pieces of `least` characters or more the speeches hold.

    >>> _held_share("靠制度管人比靠人管人好", "靠人管人得罪人,靠制度管人团结人".__contains__), _held_share("最多跑一次", "最多".__contains__)
    (0.8181818181818182, 0.0)
    """
    covered = [False] * len(phrase)
    for i in range(len(phrase) - least + 1):
        for j in range(len(phrase), i + least - 1, -1):
            if said(phrase[i:j]):
                covered[i:j] = [True] * (j - i)
                break
    return sum(covered) / max(1, len(phrase))


_TAGGER: Any = None


def _tagged(text: str) -> list[tuple[str, str]]:
    """jieba's words of `text` with their part-of-speech tags (the tagger, made once, takes about 0.2 s)."""
    global _TAGGER
    if _TAGGER is None:
        tokenizer = _jieba()  # outside the lock, which making the tokenizer takes
        with _TOKENIZER_LOCK:
            if _TAGGER is None:
                from jieba.posseg import POSTokenizer

                _TAGGER = POSTokenizer(tokenizer)
    return [(str(p.word), str(p.flag)) for p in _TAGGER.cut(text)]


def _pos(word: str) -> str:
    """jieba's part-of-speech tag of `word` when it is one word ('' otherwise)."""
    tagged = _tagged(word)
    return tagged[0][1] if len(tagged) == 1 else ""


def tagged_words(text: str, n: int | None = None) -> list[tuple[str, str]]:
    """The words of `text` (folded by the caller; the first `n` when given), each with its jieba POS tag.

    >>> tagged_words("字体、字号", 2), tagged_words("补救措施")
    ([('字体', 'n'), ('、', 'x')], [('补救措施', 'n')])
    """
    return _tagged(text)[:n]


def idf(df: int, n: int) -> float:
    """BM25's inverse document frequency of a term that `df` of `n` documents hold."""
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


class BM25:
    """Okapi BM25 over token lists; documents are numbered 0..n-1 in the order given.

    Postings are three flat arrays, rows grouped by term (compressed sparse rows): term t's
    documents and counts are `docs[offsets[t]:offsets[t + 1]]` and `tfs[…]`, ascending by document.
    That is 12 bytes a posting, where lists of Python lists took about 100, so a large corpus
    builds, saves and loads its BM25 in bounded memory; scoring a term is one array expression."""

    def __init__(
        self,
        terms: Sequence[str],
        offsets: np.ndarray,
        docs: np.ndarray,
        tfs: np.ndarray,
        doc_len: np.ndarray,
        k1: float = 1.5,
        b: float = 0.75,
    ) -> None:
        self.terms = list(terms)
        self.term_id = {t: i for i, t in enumerate(self.terms)}
        self.offsets, self.docs, self.tfs = offsets, docs, tfs
        self.doc_len = doc_len
        self.k1, self.b = k1, b
        self.n = len(doc_len)
        self.avgdl = float(doc_len.sum()) / self.n if self.n else 0.0
        # the document-length part of each document's BM25 denominator, computed once
        self._norm = self.k1 * (1 - self.b + self.b * doc_len.astype(np.float64) / (self.avgdl or 1.0))

    @classmethod
    def build(cls, docs: Iterable[Sequence[str]], k1: float = 1.5, b: float = 0.75) -> BM25:
        ids: dict[str, int] = {}
        term_col, doc_col, tf_col, doc_len = array("i"), array("i"), array("i"), array("i")
        for i, tokens in enumerate(docs):
            doc_len.append(len(tokens))
            for term, tf in Counter(tokens).items():
                term_col.append(ids.setdefault(term, len(ids)))
                doc_col.append(i)
                tf_col.append(tf)
        by_term = np.frombuffer(term_col, np.int32) if term_col else np.zeros(0, np.int32)
        order = np.argsort(by_term, kind="stable")  # stable: each term's documents stay ascending
        offsets = np.zeros(len(ids) + 1, np.int64)
        np.cumsum(np.bincount(by_term, minlength=len(ids)), out=offsets[1:])
        return cls(
            list(ids),
            offsets,
            np.frombuffer(doc_col, np.int32)[order] if doc_col else np.zeros(0, np.int32),
            np.frombuffer(tf_col, np.int32)[order] if tf_col else np.zeros(0, np.int32),
            np.frombuffer(doc_len, np.int32).copy() if doc_len else np.zeros(0, np.int32),
            k1,
            b,
        )

    def df(self, term: str) -> int:
        t = self.term_id.get(term)
        return 0 if t is None else int(self.offsets[t + 1] - self.offsets[t])

    def idf(self, term: str) -> float:
        return idf(self.df(term), self.n)

    def _scored(self, tokens: Sequence[str], allowed: set[int] | None) -> tuple[np.ndarray, np.ndarray]:
        """(score of every document, the documents that hold a query term and are allowed)."""
        acc = np.zeros(self.n)
        hit = np.zeros(self.n, bool)
        mask = None
        if allowed is not None:
            mask = np.zeros(self.n, bool)
            mask[[d for d in allowed if 0 <= d < self.n]] = True
        for term in dict.fromkeys(tokens):
            t = self.term_id.get(term)
            if t is None:
                continue
            idf = self.idf(term)
            docs, tfs = (
                self.docs[self.offsets[t] : self.offsets[t + 1]],
                self.tfs[self.offsets[t] : self.offsets[t + 1]],
            )
            if mask is not None:
                keep = mask[docs]
                docs, tfs = docs[keep], tfs[keep]
            acc[docs] += idf * tfs * (self.k1 + 1) / (tfs + self._norm[docs])  # a term lists a document once
            hit[docs] = True
        return acc, np.flatnonzero(hit)

    def scores(self, tokens: Sequence[str], allowed: set[int] | None = None) -> dict[int, float]:
        """BM25 score of every document that holds at least one query term (and is allowed)."""
        acc, docs = self._scored(tokens, allowed)
        return {int(d): float(acc[d]) for d in docs}

    def search(self, tokens: Sequence[str], k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        """The top `k` (doc, score) pairs, best first; ties keep document order."""
        acc, docs = self._scored(tokens, allowed)
        best = docs[np.lexsort((docs, -acc[docs]))][:k]
        return [(int(d), float(acc[d])) for d in best]

    def save(self, path: Path) -> None:
        """One .npz of plain arrays (no pickle); the terms as a JSON list in UTF-8 bytes."""
        terms = np.frombuffer(json.dumps(self.terms, ensure_ascii=False).encode("utf-8"), np.uint8)
        with open(path, "wb") as f:
            np.savez(
                f,
                format=np.array([FORMAT]),
                params=np.array([self.k1, self.b]),
                terms=terms,
                offsets=self.offsets,
                docs=self.docs,
                tfs=self.tfs,
                doc_len=self.doc_len,
            )

    @classmethod
    def load(cls, path: Path) -> BM25:
        with np.load(path, allow_pickle=False) as data:
            if "format" not in data or int(data["format"][0]) != FORMAT:
                found = int(data["format"][0]) if "format" in data else None
                raise ValueError(f"lexical index format {found}, expected {FORMAT}")
            k1, b = (float(x) for x in data["params"])
            terms = json.loads(data["terms"].tobytes().decode("utf-8"))
            return cls(terms, data["offsets"], data["docs"], data["tfs"], data["doc_len"], k1, b)
