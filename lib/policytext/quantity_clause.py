"""The clause a subject resolver sees (:mod:`.quantity_subject`): one value of a sentence, the
text before it in its clause, the clause before, the rows of the sentence so far, and what the
values before it in its ;-segment were about (:class:`SubjectMemory`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .numbers import MEASURE_WORDS, base_unit
from .quantity_nouns import IndicatorResolver
from .quantity_spans import Candidate

__all__ = ["Clause", "SubjectMemory", "clause_of", "SEPARATORS"]

_CLAUSE_BREAK = re.compile(r"[,，;；:：]")
SEPARATORS = frozenset("、和及与")     # between the items of a list of values


@dataclass
class SubjectMemory:
    """What the previous values of a ;-segment were about."""
    segment: int = -1
    last: tuple[str, str] = ("", "")              # (indicator, as written) of the last value
    listed: list[tuple[str, str]] = field(default_factory=list)   # the subjects of the last 分别
    # What is the same for every value of a clause of the sentence (Clause.once): worked out for
    # each value, a clause of n values cost n² steps (4.5 s for one sentence of 1,000 figures).
    clauses: dict[tuple, Any] = field(default_factory=dict)


@dataclass
class Clause:
    """One value in its clause: ``pre`` is the text between the value before it in the clause
    (or the clause start) and the value; ``rows`` the rows of the sentence so far."""
    text: str
    value: Candidate
    group: list[Candidate]          # the values of the sentence
    rows: list[dict]
    resolver: IndicatorResolver
    memory: SubjectMemory
    sentence_start: int
    clause_start: int
    clause_end: int
    segment_start: int
    previous_start: int             # where the clause before the value's starts (its sentence's start)
    pre: str
    index: int                      # of the value in ``group``

    @property
    def previous_clause(self) -> str:
        """The clause before the value's, without the punctuation that ends it."""
        return self.text[self.previous_start:self.clause_start].rstrip(",，;；:：")

    @property
    def clause_pre(self) -> str:
        # (a space a page prints before a number, 新增就业 1.2万人, is not part of the name)
        return self.text[self.clause_start:self.value.start].rstrip(_SPACES)

    @property
    def in_clause(self) -> list[Candidate]:
        """The values of the clause, in order (shared by its values: not to be changed)."""
        return self._clause_values()[0]

    @property
    def in_clause_index(self) -> int:
        """The position of the value in ``in_clause``."""
        return self._clause_values()[1][id(self.value)]

    def _clause_values(self) -> tuple[list[Candidate], dict[int, int]]:
        def values_and_positions():     # positions by identity, not by a dataclass's __eq__
            values = [g for g in self.group if self.clause_start <= g.start < self.clause_end]
            return values, {id(g): i for i, g in enumerate(values)}
        return self.once("values", values_and_positions)

    def once(self, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, worked out once for the clause and shared by its values: it may use
        only what they share (the clause, its values), not the value itself."""
        key = (name, self.clause_start, self.clause_end)
        group, value = self.memory.clauses.get(key, (None, None))
        if group is not self.group:     # (a memory shared by the values of another sentence)
            value = compute()
            self.memory.clauses[key] = (self.group, value)
        return value

    @property
    def is_count(self) -> bool:
        return base_unit(self.value.unit) in MEASURE_WORDS or self.value.unit in ("万", "亿")

    @property
    def is_percent(self) -> bool:
        return self.value.unit in ("%", "％", "成")

    @property
    def only_separator(self) -> bool:
        """Nothing but 、/和 between this value and the one before: 7%、8%."""
        return not self.pre.strip() or self.pre.strip() in SEPARATORS


def clause_of(text: str, sentence: tuple[int, int], group: list[Candidate], k: int, rows: list[dict],
              resolver: IndicatorResolver, memory: SubjectMemory) -> Clause:
    """The clause around the ``k``-th value of a sentence; a new ;-segment clears ``memory``."""
    s_start, s_end = sentence
    c = group[k]
    pre_sentence = text[s_start:c.start]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(pre_sentence)]
    clause_start = s_start + (breaks[-1] if breaks else 0)
    segment_start = s_start + max(pre_sentence.rfind(";"), pre_sentence.rfind("；")) + 1
    if segment_start != memory.segment:
        memory.segment, memory.last, memory.listed = segment_start, ("", ""), []
    prev_end = max([g.text_end for g in group[:k] if g.text_end <= c.start and g.start >= clause_start]
                   or [clause_start])
    m_end = _CLAUSE_END.search(text, c.text_end, s_end)
    clause_end = m_end.start() if m_end else s_end
    prev_break = s_start + (breaks[-2] if len(breaks) > 1 else 0)
    return Clause(text, c, group, rows, resolver, memory, s_start, clause_start, clause_end, segment_start,
                  prev_break, _after_value(text, prev_end, c.start), k)


# A note in brackets right after a value belongs to it: 16.4万头(只)、蔬菜产量达到10.2万吨.
_VALUE_NOTE = re.compile(r"[(（][^()（）]{1,3}[)）]")


def _after_value(text: str, prev_end: int, start: int) -> str:
    """The text between the value before (or the clause start) and this one, without the
    previous value's note in brackets."""
    note = _VALUE_NOTE.match(text, prev_end, start)
    return text[note.end() if note else prev_end:start].rstrip(_SPACES)


_SPACES = " \t\u3000\xa0"


_CLAUSE_END = re.compile(r"[,，;；:：。！？!?\n]")
