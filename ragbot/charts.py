"""The evaluation report's charts: grouped bars and box plots as PNG files, drawn with matplotlib.

Text in the charts is Chinese when the machine has a font that can draw it (`cjk_font`: a known CJK
font, else the first one fontconfig lists for Chinese); the caller asks `cjk_font()` first and
passes English words when it returns "", so a machine without such a font gets readable English
charts, never empty boxes or a warning per missing glyph. What it does not do: choose what to plot
or name it; report.py does both.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
)


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """A font family matplotlib can draw Chinese with, "" when the machine has none: one of CJK_FONTS
    that matplotlib knows, else the first font `fc-list :lang=zh` names, added to matplotlib's list
    (its font cache may be older than the font)."""
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in known), "")
    if found:
        return found
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    for path in sorted({line.split(":")[0].strip() for line in listed.splitlines() if line.strip()}):
        try:
            font_manager.fontManager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
        except (OSError, RuntimeError, ValueError):
            continue
    return ""


@contextmanager
def _figure(path: Path, size: tuple[float, float]) -> Iterator[Any]:
    """A figure's axes, drawn with the CJK font when there is one, saved to `path` and closed."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    font = cjk_font()
    rc: Any = {"font.family": "sans-serif", "font.sans-serif": [font, "DejaVu Sans"], "axes.unicode_minus": False}
    with plt.rc_context(rc if font else None):
        fig, ax = plt.subplots(figsize=size, dpi=110)
        try:
            yield ax
            ax.grid(axis="y", alpha=0.3)
            fig.tight_layout()
            fig.savefig(path)
        finally:
            plt.close(fig)


def bars(path: Path, groups: Sequence[str], series: dict[str, list[float]], ylabel: str) -> None:
    """Grouped bars of scores from 0 to 1: one group per x label, one bar per series (the legend, above)."""
    size = (max(6.0, 1.1 * len(groups) * max(1, len(series)) ** 0.5), 3.6)
    with _figure(path, size) as ax:
        width = 0.8 / max(1, len(series))
        for i, (legend, vals) in enumerate(series.items()):
            xs = [g + i * width - 0.4 + width / 2 for g in range(len(groups))]
            ax.bar(xs, vals, width, label=legend)
        ax.set_xticks(range(len(groups)), groups, rotation=20, ha="right", fontsize=8)
        ax.set_ylabel(ylabel)
        ax.set_ylim(0, 1.05)
        ax.legend(fontsize=7, ncol=min(5, len(series)), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)


def boxes(path: Path, names: Sequence[str], data: Sequence[Sequence[float]], ylabel: str) -> None:
    """One box per name (outliers not drawn), on a logarithmic axis labelled in plain numbers (20, not 2×10¹)."""
    from matplotlib.ticker import LogFormatter

    with _figure(path, (7, 3.4)) as ax:
        ax.boxplot(data, showfliers=False)
        ax.set_xticks(range(1, len(names) + 1), names, rotation=20, ha="right", fontsize=8)
        ax.set_ylabel(ylabel)
        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(LogFormatter())
        ax.yaxis.set_minor_formatter(LogFormatter())
