"""Which Traditional -> Simplified conversion shows corpus/000 (Traditional, Taiwan words) as mainland Simplified.

Run `.venv/bin/python -m tests.measure_simplified` for the table; tests/test_simplified.py asserts the outcome.

corpus/000 reads like mainland speeches put through OpenCC's `s2twp` (Taiwan phrases): 程序 became 程式,
文件 檔案, 优化 最佳化, 着 著. Each configuration converts it, and is judged against the four Simplified files
and a hand-made reference:

  left      Taiwan words still there: the `TAIWAN` forms (s2twp's pairs from OpenCC TWPhrases that occur in the
            file, judged by hand) in the converted text. "confirmed" counts only the words the four Simplified
            files never use while they do use the mainland form (程式/程序, 网路/网络, 视窗/窗口, 资讯/信息).
            品质 and 资料 are not listed: the Simplified files say 道德品质 and 资料 too.
  档案       档案 left where it means 文件 (documents); the places meaning archives are hand-labelled (`ARCHIVES`).
  fixed     places changed against plain `t2s` to what the reference says (widened to whole jieba words)
  broken    places changed to anything else (建立 -> 创建), plus every change to the Simplified files, which
            are mainland text already (tw2s turns their 显著 into 显着)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import jieba

from ragbot.script import to_simplified

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TRADITIONAL = "000_fc7b01b31694c23c.txt"
CONFIGS = ("t2s", "tw2s", "tw2sp", "hk2s", "hk2sp")

# Taiwan form (in Simplified characters) -> mainland form
TAIWAN = {
    "程式": "程序",
    "最佳化": "优化",
    "网际网路": "互联网",
    "区域网路": "局域网",
    "网路": "网络",
    "入口网站": "门户网站",
    "视窗": "窗口",
    "软体": "软件",
    "资讯": "信息",
    "列印": "打印",
    "设定": "设置",  # its one place here is 学科设定 (mainland: 学科设置)
    "萤幕": "屏幕",
}
_TAIWAN = re.compile("|".join(sorted(TAIWAN, key=len, reverse=True)))
ZHE = re.compile(r"(?<![显昭名巨专])著(?![作名称述书])")  # 著 as the particle 着 (凝聚著), not 显著 or 著作
# the 档案 that mean archives (the other 40 mean documents, 文件), by their words around
ARCHIVES = (
    "督查、档案、会议",
    "规范档案管理",
    "(六)档案党史",
    "健全档案管理",
    "改善档案保管",
    "档案工作水平",
    "拓宽档案工作",
    "项目档案的",
    "各种档案的",
    "做好档案、党史",
    "。档案工作要",
    "档案馆建设",
    "工程档案、",
    "企业档案、",
    "信用档案和",
    "社区档案工",
    "推进档案事业",
)


def convert(config: str) -> Callable[[str], str]:
    if config == "to_simplified":
        return to_simplified
    import opencc

    return opencc.OpenCC(config).convert


def reference(word: str, at: int, archives: set[int]) -> str:
    """What `word` (at `at` in the t2s text) should read in mainland Simplified."""
    word = re.sub("档案", lambda m: "档案" if at + m.start() in archives else "文件", word)
    word = _TAIWAN.sub(lambda m: TAIWAN[m.group()], word)
    return ZHE.sub("着", word)


def _opcodes(base: str, out: str) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes line by line (conversions keep the lines), with offsets into the whole texts."""
    lines, out_lines = base.splitlines(keepends=True), out.splitlines(keepends=True)
    assert len(lines) == len(out_lines)
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for x, y in zip(lines, out_lines):
        ops += [
            (op, i + a, i + b, j + c, j + d)
            for op, a, b, c, d in SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
        ]
        i, j = i + len(x), j + len(y)
    return ops


def changes(base: str, out: str) -> list[tuple[int, str, str]]:
    """(position, base words, converted words) for each place `out` differs from `base`, widened to whole
    jieba words (a `TAIWAN` word counts as one) and joined with a neighbouring change."""
    inside = {i for m in _TAIWAN.finditer(base) for i in range(m.start() + 1, m.end())}
    bounds = sorted(({0, len(base)} | {start for _, start, _ in jieba.tokenize(base)}) - inside)
    found: list[tuple[int, int, int, int]] = []
    for op, i1, i2, j1, j2 in _opcodes(base, out):
        if op == "equal":
            continue
        a, b = bounds[bisect_right(bounds, i1) - 1], bounds[bisect_left(bounds, max(i2, i1 + 1))]
        ja, jb = j1 - (i1 - a), j2 + (b - i2)
        if found and a <= found[-1][1]:  # touches the previous place: one change
            a, _, ja, _ = found.pop()
        found.append((a, b, ja, jb))
    return [(a, base[a:b], out[ja:jb]) for a, b, ja, jb in found]


@dataclass(frozen=True)
class Measurement:
    config: str
    left: Counter[str]  # Taiwan word -> times left in the converted Traditional file
    confirmed: int  # of those, the words the Simplified files never use while they use the mainland form
    documents: int  # 档案 left where it means 文件
    fixed: int  # places changed against t2s as the reference says
    broken: Counter[str]  # "words->converted" -> places changed otherwise (the Simplified files included)


def measure(config: str) -> Measurement:
    import opencc

    t2s = opencc.OpenCC("t2s").convert
    trad = (CORPUS / TRADITIONAL).read_text(encoding="utf-8")
    simplified = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")) if p.name != TRADITIONAL]
    mainland = "\n".join(simplified)
    base, out = t2s(trad), convert(config)(trad)
    archives = {base.index(s) + s.index("档案") for s in ARCHIVES}
    left = Counter({w: out.count(w) for w in TAIWAN if out.count(w)})
    if n := len(ZHE.findall(out)):
        left["著"] = n
    confirmed = sum(n for w, n in left.items() if w in TAIWAN and w not in mainland and TAIWAN[w] in mainland)
    fixed, broken = 0, Counter[str]()
    for at, x, y in changes(base, out):
        if y == reference(x, at, archives):
            fixed += 1
        else:
            broken[f"{x}->{y}"] += 1
    for text in simplified:
        broken.update(f"{x}->{y}" for _, x, y in changes(text, convert(config)(text)))
    documents = out.count("档案") - sum(out.count(s) for s in ARCHIVES)
    return Measurement(config, left, confirmed, documents, fixed, broken)


def candidates() -> list[tuple[str, str, int, int, int]]:
    """s2twp's (mainland, Taiwan) word pairs, from OpenCC's own TWPhrases dictionary, whose Taiwan form occurs
    in the tw2s text of the Traditional file: (Taiwan, mainland, uses there, Taiwan and mainland uses in the
    Simplified files). Where `TAIWAN` came from; the pairs it leaves out change words mainland text uses."""
    import subprocess
    import tempfile

    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "TWPhrases.txt"
        tool = [str(clib / "bin" / "opencc_dict"), "-f", "ocd2", "-t", "text", "-o", str(out)]
        subprocess.run([*tool, "-i", str(clib / "share" / "opencc" / "TWPhrases.ocd2")], check=True)
        lines = out.read_text(encoding="utf-8").splitlines()
    t2s, tw2s = opencc.OpenCC("t2s").convert, opencc.OpenCC("tw2s").convert
    text = tw2s((CORPUS / TRADITIONAL).read_text(encoding="utf-8"))
    mainland = "\n".join(p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt") if p.name != TRADITIONAL)
    found = set()
    for line in lines:
        word, forms = line.split("\t")
        for form in forms.split(" "):
            m, t = t2s(word), t2s(form)
            if m != t and text.count(t):
                found.add((t, m, text.count(t), mainland.count(t), mainland.count(m)))
    return sorted(found, key=lambda c: -c[2])


def main() -> None:
    jieba.setLogLevel(60)
    rows = [measure(c) for c in (*CONFIGS, "to_simplified")]
    print("| configuration | Taiwan words left (confirmed) | 档案 meaning 文件 left | fixed | broken |")
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r.config} | {r.left.total()} ({r.confirmed}) | {r.documents} | {r.fixed} | {r.broken.total()} |")
    for r in rows:
        print(f"\n{r.config}: left {dict(r.left.most_common())}")
        print(f"  broken {dict(r.broken.most_common(30))}")
    print("\nOpenCC TWPhrases pairs in the file (Taiwan -> mainland: uses; in the Simplified files Taiwan/mainland):")
    for t, m, n, in_t, in_m in candidates():
        listed = t == "档案" or any(t in w for w in TAIWAN)  # 档案 by place (ARCHIVES); 区域网 as 区域网路
        print(f"  {t}->{m}: {n}; {in_t}/{in_m}" + ("" if listed else "  (not listed: a word mainland text uses)"))


if __name__ == "__main__":
    main()
