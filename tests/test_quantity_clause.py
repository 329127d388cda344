"""The clause a subject resolver sees (policytext.quantity_clause)."""
from policytext.indicators import indicator_registry
from policytext.quantity_clause import SubjectMemory, clause_of
from policytext.quantity_spans import find_candidates
from policytext.quantity_subject import IndicatorResolver


def clauses(text, memory=None):
    """The clause of each value of the one-sentence ``text``, sharing ``memory``."""
    values, memory = find_candidates(text), memory or SubjectMemory()
    resolver = IndicatorResolver(indicator_registry())
    return [clause_of(text, (0, len(text)), values, k, [], resolver, memory) for k in range(len(values))]


def test_a_clause_knows_the_text_before_its_value_and_the_clause_before():
    first, second, third = clauses("地区生产总值增长8%，达到282亿元；一般公共预算收入增长6%。")
    assert (first.pre, first.clause_pre, first.previous_clause) == ("地区生产总值增长", "地区生产总值增长", "")
    assert (second.pre, second.clause_pre, second.previous_clause) == ("达到", "达到", "地区生产总值增长8%")
    assert [c.value for c in second.in_clause] == [282.0]
    assert not second.is_count and first.is_percent
    assert third.segment_start == len("地区生产总值增长8%，达到282亿元；")


def test_a_new_segment_forgets_what_the_values_before_were_about():
    memory = SubjectMemory()
    text = "一般公共预算收入达到23.6亿元、增长6.7%；增长8%。"
    values = find_candidates(text)
    resolver = IndicatorResolver(indicator_registry())
    clause_of(text, (0, len(text)), values, 0, [], resolver, memory)
    memory.last = ("一般公共预算收入", "一般公共预算收入")
    clause_of(text, (0, len(text)), values, 1, [], resolver, memory)
    assert memory.last == ("一般公共预算收入", "一般公共预算收入")       # same segment
    clause_of(text, (0, len(text)), values, 2, [], resolver, memory)
    assert memory.last == ("", "")                                      # after ；


def test_between_two_values_only_a_separator_or_a_note_of_the_first():
    _, second = clauses("高新技术企业增长7%、8%。")
    assert second.only_separator and second.pre == "、"
    # the note in brackets after a value is the value's, not the next name's (海拉尔 2016)
    _, second = clauses("牲畜头数16.4万头(只)、蔬菜产量达到10.2万吨。")
    assert second.pre == "、蔬菜产量达到" and not second.only_separator
