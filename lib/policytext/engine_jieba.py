"""The reference engine: our own jieba.Tokenizer and a compact copy of jieba's DAG programme.

Slow (about 0.2M characters/s) but plainly jieba: the fast engine is checked against it.
Loading the dictionary takes about a second (jieba's marshal cache lives in our cache folder).
"""
from __future__ import annotations

from math import log

from .lexicon import lexicon
from .engine import (_ABSENT, _PREFIX, LEXICON_BOOST, LEXICON_FLOOR, Engine, jieba_tokenizer,
                     reference_cut_block)

__all__ = ["JiebaEngine"]


class JiebaEngine(Engine):
    """jieba.Tokenizer's dictionary plus a flat log-probability table for the cutting loop."""

    name = "jieba"

    def __init__(self, tk, logp: dict[str, float], logtotal: float, lexicon_freqs: dict[str, int],
                 extra: dict[str, int]):
        super().__init__(lexicon_freqs, extra)
        self.tk = tk                 # never changed once the lexicon is in
        self.logp = logp             # word -> log-probability; prefixes -> _PREFIX
        self.logtotal = logtotal     # jieba's base total: adding terms changes no other score
        self.unknown = -logtotal     # jieba scores an unknown character as frequency 1
        self._total = tk.total

    @classmethod
    def build(cls) -> "JiebaEngine":
        tk = jieba_tokenizer()
        logtotal = log(tk.total)
        logp = {w: (log(f) - logtotal) if f else _PREFIX for w, f in tk.FREQ.items()}
        plain = cls(tk, logp, logtotal, {}, {})
        lex = lexicon()
        # Frequencies are computed against the plain dictionary first so they do not depend on
        # the order of the lexicon file.
        freqs = {t: plain.term_freq(t, LEXICON_BOOST, LEXICON_FLOOR, tk.total) for t in lex}
        for term, freq in freqs.items():
            tk.add_word(term, freq, lex[term] or "n")
            for k in range(1, len(term)):
                logp.setdefault(term[:k], _PREFIX)
            logp[term] = log(freq) - logtotal
        return cls(tk, logp, logtotal, freqs, {})

    def freq(self, word: str) -> int:
        if word in self.extra:
            return self.extra[word]
        return self.tk.FREQ.get(word) or 0

    def lexicon_total(self) -> int:
        return self._total

    def is_word(self, word: str) -> bool:
        return self.logp.get(word, _ABSENT) <= 0

    def cut_block(self, block: str) -> list[str]:
        return reference_cut_block(self.logp, self.unknown, block)

    def _derive(self, extra: dict[str, int]) -> "JiebaEngine":
        logp = dict(self.logp)
        for term, freq in extra.items():
            for k in range(1, len(term)):
                logp.setdefault(term[:k], _PREFIX)
            logp[term] = log(freq) - self.logtotal
        return JiebaEngine(self.tk, logp, self.logtotal, self.lexicon_freqs, extra)
