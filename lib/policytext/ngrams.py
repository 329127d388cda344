"""Discovery's statistics for mid-sized samples, from one sort of all positions (numpy).

discover._level_rows counts every n-gram with collections.Counter and groups the (n+1)-grams
by their prefix and suffix in Python; on a 160k-character sample that is 0.4 s. Here each of
the sample's positions is sorted on its next max_len + 1 characters (character ids packed
into 64-bit words): the positions that start with one n-gram are then one block of the sorted
order, for every n at once, and an n-gram's right neighbours are the (n+1)-blocks inside its
block. The text read backwards gives the left neighbours the same way.

numpy's entropies are summed in another order than discover._entropy's, so they only select:
every n-gram within _SLACK of a threshold is checked again with discover's own formulas, on
neighbour counts in discover's order (first occurrence), so the rows are the same to the bit.
"""
from __future__ import annotations

import math
from typing import Callable, Container

import numpy as np

__all__ = ["ngram_rows"]

_SLACK = 1e-9      # far above the rounding differences of the two ways of summing (~1e-15)


class _Blocks:
    """The positions of `text` sorted on their next m characters; blocks[n] describe the
    n-grams (n = 1 .. m): each block of the sorted order holds the positions of one n-gram.
    "\n" (the run separator) and the end of the text cut n-grams: those are not valid."""

    def __init__(self, text: str, m: int):
        codes = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)  # runs are BMP only
        seen = np.zeros(1 << 16, dtype=bool)
        seen[codes] = True
        seen[10] = True
        ids = (np.cumsum(seen) - 1)[codes]            # "\n" -> 0, the smallest
        size = len(ids)
        self.size = size
        ids = np.concatenate([ids, np.zeros(m, dtype=ids.dtype)])  # past the end: like "\n"
        stops = np.append(np.flatnonzero(ids[:size] == 0), size)
        here = np.arange(size)
        room = stops[np.searchsorted(stops, here)] - here   # characters before the next "\n"
        self.order = _sort(ids, size, m)
        self.rank = np.empty(size, dtype=np.intp)
        self.rank[self.order] = here
        room = room[self.order]
        new = np.zeros(size, dtype=bool)
        new[0] = True
        self.starts, self.sizes, self.ids, self.valid = {}, {}, {}, {}
        ahead = self.order.copy()                           # the n-th character of each
        for n in range(1, m + 1):
            column = ids[ahead]
            ahead += 1
            new[1:] |= column[1:] != column[:-1]
            starts = np.flatnonzero(new)
            self.starts[n] = starts
            self.sizes[n] = np.diff(np.append(starts, size))
            self.ids[n] = np.cumsum(new, dtype=np.int32) - 1     # block of each sorted position
            self.valid[n] = room[starts] >= n

    def block_at(self, n: int, positions: np.ndarray) -> np.ndarray:
        return self.ids[n][self.rank[positions]]

    def count_at(self, n: int, positions: np.ndarray) -> np.ndarray:
        return self.sizes[n][self.block_at(n, positions)]

    def _children(self, n: int, parents: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The valid (n+1)-blocks inside the n-blocks marked in `parents` (a mask), and the
        n-block each lies in."""
        child = np.flatnonzero(self.valid[n + 1])
        parent = self.ids[n][self.starts[n + 1][child]]
        inside = parents[parent]
        return child[inside], parent[inside]

    def entropy(self, n: int, blocks: np.ndarray) -> np.ndarray:
        """Approximate entropy of the next character of each n-gram (as discover._entropy) for
        the n-blocks marked in `blocks` (a mask); 0 for the others."""
        child, parent = self._children(n, blocks)
        total = self.sizes[n]
        p = self.sizes[n + 1][child] / total[parent]
        h = np.bincount(parent, weights=-p * np.log(p), minlength=len(total))
        seen = np.bincount(parent, weights=self.sizes[n + 1][child], minlength=len(total))
        return np.where(blocks, h + (total - seen) / total * np.log(total), 0.0)

    def neighbours(self, n: int, blocks: np.ndarray, backwards: bool) -> list[list[int]]:
        """For each n-block of `blocks` (ascending), the counts of its (n+1)-blocks in the order
        of their first occurrence in the forward text (the last position when reading backwards)."""
        wanted = np.zeros(len(self.sizes[n]), dtype=bool)
        wanted[blocks] = True
        child, parent = self._children(n, wanted)
        start = self.starts[n + 1][child]
        # first or last position of each child: reduce over its slice of the sorted order
        bounds = np.empty(2 * len(child), dtype=np.intp)
        bounds[0::2], bounds[1::2] = start, start + self.sizes[n + 1][child]
        order = np.append(self.order, 0)                    # the last bound may be the end
        if backwards:
            first = -np.maximum.reduceat(order, bounds)[0::2]
        else:
            first = np.minimum.reduceat(order, bounds)[0::2]
        by = np.lexsort((first, parent))
        counts = self.sizes[n + 1][child[by]].tolist()
        parent = parent[by]
        lo = np.searchsorted(parent, blocks, "left").tolist()
        hi = np.searchsorted(parent, blocks, "right").tolist()
        return [counts[a:b] for a, b in zip(lo, hi)]


def _sort(ids: np.ndarray, size: int, m: int) -> np.ndarray:
    """Positions 0 .. size-1 sorted on ids[i:i + m].

    The ids' bits one after the other make a key, cut into 64-bit words (2 words for up to
    16k distinct characters). Sorting on the first word, then only the positions that tie
    there on (tie group, second word), takes 11-15 ms for 180-190k characters where np.lexsort
    on both words takes 18-27 ms (bench corpus, provinces2026).
    """
    bits = max(1, int(ids.max()).bit_length())
    words = [np.zeros(size, dtype=np.uint64) for _ in range(-(-m * bits // 64))]
    for j in range(m):
        char = ids[j:j + size].astype(np.uint64)
        word, used = divmod(j * bits, 64)
        spill = used + bits - 64                    # bits that go into the next word
        if spill <= 0:
            words[word] |= char << np.uint64(-spill)
        else:
            words[word] |= char >> np.uint64(spill)
            words[word + 1] |= (char & np.uint64((1 << spill) - 1)) << np.uint64(64 - spill)
    order = np.argsort(words[0])
    rest = m * bits - 64                            # bits in the second word
    if len(words) == 1:
        return order
    if len(words) > 2 or rest + size.bit_length() + 1 > 64:
        return np.lexsort(words[::-1])
    first = words[0][order]
    same = first[1:] == first[:-1]
    tied = np.zeros(size, dtype=bool)
    tied[1:] |= same
    tied[:-1] |= same
    members = np.flatnonzero(tied)
    group = np.cumsum(np.concatenate([[True], ~same]))[members].astype(np.uint64)
    sub = order[members]
    key = (group << np.uint64(rest)) | (words[1][sub] >> np.uint64(64 - rest))
    order[members] = sub[np.argsort(key, kind="stable")]  # nearly sorted: timsort's case
    return order


def ngram_rows(joined: str, max_len: int, n_chars: int, min_count: int, min_pmi: float,
               min_entropy: float, dictionary: Container[str] | None,
               ok: Callable[[str], bool]) -> list[tuple]:
    """discover._level_rows for n = 2 .. max_len, from the runs joined by "\n".
    ok(term): discover's test of function characters."""
    from .discover import _entropy

    ahead = _Blocks(joined, max_len + 1)
    back = _Blocks(joined[::-1], max_len + 1)
    rows = []
    for n in range(2, max_len + 1):
        found = _selected(ahead, back, n, n_chars, min_count, min_pmi, min_entropy)
        blocks, where, counts, weakest, back_blocks = found
        keep = [i for i, p in enumerate(where.tolist()) if ok(joined[p:p + n])]
        if not keep:
            continue
        blocks, where, back_blocks = blocks[keep], where[keep], back_blocks[keep]
        counts, weakest = counts[keep].tolist(), weakest[keep].tolist()
        after = ahead.neighbours(n, blocks, backwards=False)
        order = np.argsort(back_blocks)
        before = [[]] * len(keep)
        for i, found_before in zip(order.tolist(), back.neighbours(n, back_blocks[order], True)):
            before[i] = found_before
        for i, p in enumerate(where.tolist()):
            g, c = joined[p:p + n], counts[i]
            le = _entropy(before[i], c)
            re_ = _entropy(after[i], c)
            pmi = math.log(c * n_chars / weakest[i])
            if (le < min_entropy or re_ < min_entropy or pmi < min_pmi
                    or (dictionary is not None and g in dictionary)):
                continue
            rows.append((g, c, pmi, le, re_, pmi * min(le, re_)))
    return rows


def _selected(ahead: _Blocks, back: _Blocks, n: int, n_chars: int, min_count: int,
              min_pmi: float, min_entropy: float) -> tuple[np.ndarray, ...]:
    """The n-grams that may pass (counts, and entropies and PMI within _SLACK): their blocks,
    one position of each, their counts, the weakest split's product and their backward blocks."""
    sizes = ahead.sizes[n]
    frequent = ahead.valid[n] & (sizes >= min_count)
    blocks = np.flatnonzero(frequent & (ahead.entropy(n, frequent) >= min_entropy - _SLACK))
    where = ahead.order[ahead.starts[n][blocks]]
    back_blocks = back.block_at(n, back.size - where - n)
    wanted = np.zeros(len(back.sizes[n]), dtype=bool)
    wanted[back_blocks] = True
    keep = back.entropy(n, wanted)[back_blocks] >= min_entropy - _SLACK
    blocks, where, back_blocks = blocks[keep], where[keep], back_blocks[keep]
    counts = sizes[blocks]
    weakest = np.zeros(len(blocks), dtype=np.int64)
    for k in range(1, n):
        product = ahead.count_at(k, where).astype(np.int64) * ahead.count_at(n - k, where + k)
        np.maximum(weakest, product, out=weakest)
    keep = np.log(counts * n_chars / weakest) >= min_pmi - _SLACK
    return blocks[keep], where[keep], counts[keep], weakest[keep], back_blocks[keep]
