"""Indicator registry: canonical names and aliases of what policy reports measure.

The registry lives in ``data/indicators_v1.yaml`` (users can pass their own file with
the same layout).  ``canonical_indicator`` maps a name as written to its canonical
form; ``IndicatorRegistry.find_all`` finds alias occurrences in running text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

__all__ = ["IndicatorRegistry", "indicator_registry", "canonical_indicator", "counted_as", "of_another_place"]

DEFAULT_PATH = Path(__file__).parent / "data" / "indicators_v1.yaml"

# Written variants that do not change what is measured: quotes, spaces, 全市/全区 prefixes.
_NOISE_RE = re.compile(r"[\s“”\"'‘’「」『』]")
# The level of government whose books a figure covers (区本级 in 区本级全社会固定资产投资额): part of
# the name, before the indicator's own name, which is then made canonical like any other.
_LEVEL_PREFIX = re.compile(r"^(?:[省市区县旗州盟]|自治区|自治州)?本级")


def _normalise(name: str) -> str:
    return _NOISE_RE.sub("", name or "")


@dataclass
class IndicatorRegistry:
    """Canonical indicator names with their aliases.

    ``names`` maps canonical name -> list of aliases; ``measures`` canonical -> usual measure;
    ``counts`` canonical -> what a count of it in any measure word counts (a user's 游客: 人次, so
    that 接待游客500万人 is compared with 游客500万人次; the bundled registry declares none: 个 of
    就业岗位 are posts, not the 人 of 新增城镇就业); ``earlier`` canonical -> aliases that name an
    earlier statistic it replaced (农民人均纯收入 for 农村居民人均可支配收入).
    """
    names: dict[str, list[str]]
    measures: dict[str, str] = field(default_factory=dict)
    source: str = ""
    counts: dict[str, str] = field(default_factory=dict)
    earlier: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._alias_to_canon: dict[str, str] = {}
        for canon, aliases in self.names.items():
            for alias in [canon, *aliases]:
                self._alias_to_canon.setdefault(_normalise(alias), canon)
        self._earlier = {_normalise(a) for aliases in self.earlier.values() for a in aliases}
        # longest aliases first, so 规模以上工业增加值 wins over 工业增加值
        alts = sorted(self._alias_to_canon, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(a) for a in alts)) if alts else None

    def __contains__(self, name: str) -> bool:
        return _normalise(name) in self._alias_to_canon

    def __len__(self) -> int:
        return len(self.names)

    def canonical(self, text: str) -> str:
        """Canonical name of ``text`` if it is a known alias (after a level of government such
        as 区本级, which is kept), else ``text`` cleaned."""
        key = _normalise(text)
        level = _LEVEL_PREFIX.match(key)
        if key not in self._alias_to_canon and level and key[level.end():] in self._alias_to_canon:
            return level.group() + self._alias_to_canon[key[level.end():]]
        return self._alias_to_canon.get(key, key)

    def earlier_statistic(self, written: str) -> str | None:
        """The earlier statistic a name as written ends with (全区农民人均纯收入: 农民人均纯收入), else None."""
        ends = [written[s:e] for s, e, _ in self.find_all(written) if e == len(written)]
        return ends[0] if ends and _normalise(ends[0]) in self._earlier else None

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """All alias occurrences in ``text`` as (start, end, canonical), every start
        position tried, longest alias at each position."""
        if self._pattern is None:
            return []
        hits = []
        for i in range(len(text)):
            m = self._pattern.match(text, i)
            if m:
                hits.append((m.start(), m.end(), self._alias_to_canon[m.group()]))
        return hits


def _load(path: Path) -> IndicatorRegistry:
    import yaml  # only needed when a registry is first loaded

    from .errors import PolicyTextError
    from .lexicon import load_yaml, yaml_error_text

    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PolicyTextError(f"{path}: indicator registry not found") from exc
    except UnicodeDecodeError as exc:
        raise PolicyTextError(f"{path}: cannot read indicator registry: it is not UTF-8 text") from exc
    except yaml.YAMLError as exc:
        raise PolicyTextError(f"{path}: cannot read indicator registry: {yaml_error_text(exc)}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), dict):
        raise PolicyTextError(f"{path}: indicator registry needs a mapping 'indicators:'")
    names, measures, counts, earlier = {}, {}, {}, {}
    for canon, spec in data["indicators"].items():
        spec = spec or {}
        if not isinstance(spec, dict):
            raise PolicyTextError(f"{path}: indicator {canon!r} must map to {{aliases: [...]}}")
        aliases = spec.get("aliases") or []
        if not isinstance(aliases, list):
            raise PolicyTextError(f"{path}: aliases of {canon!r} must be a list")
        names[str(canon)] = [str(a) for a in aliases]
        if spec.get("measure"):
            measures[str(canon)] = str(spec["measure"])
        if spec.get("counts"):
            counts[str(canon)] = str(spec["counts"])
        if spec.get("earlier"):
            if not isinstance(spec["earlier"], list):
                raise PolicyTextError(f"{path}: earlier of {canon!r} must be a list")
            earlier[str(canon)] = [str(a) for a in spec["earlier"]]
            names[str(canon)] += [a for a in earlier[str(canon)] if a not in names[str(canon)]]
    return IndicatorRegistry(names, measures, source=str(path), counts=counts, earlier=earlier)


@lru_cache(maxsize=8)
def _cached(stamp: tuple) -> IndicatorRegistry:
    return _load(Path(stamp[0]))


def indicator_registry(path: str | Path | None = None) -> IndicatorRegistry:
    """Load an indicator registry (default: the packaged ``indicators_v1.yaml``); read again when
    the file changes (a registry edited while a notebook runs)."""
    from .lexicon import file_stamp

    path = Path(path) if path is not None else DEFAULT_PATH
    try:
        stamp = file_stamp(path)
    except OSError:
        stamp = (str(path), -1, -1)      # _load says what is wrong with it
    return _cached(stamp)


def counted_as(indicators: Iterable[str], base_units: Iterable[str], *,
               registry: IndicatorRegistry | None = None) -> list[str]:
    """Each base unit as the indicator's counts are compared: a count in any measure word of an
    indicator whose registry entry says what it counts (a user's 游客 counts 人次: 接待游客500万人)
    is in that unit; other units stay, so 5000个 and 5487人 are not compared."""
    from .numbers import MEASURE_WORDS

    counts = (registry or indicator_registry()).counts
    return [counts.get(ind, base) if base in MEASURE_WORDS else base for ind, base in zip(indicators, base_units)]


def canonical_indicator(text: str, *, registry: IndicatorRegistry | None = None) -> str:
    """Canonical indicator name: canonical_indicator('GDP') -> '地区生产总值'.
    Unknown names come back as written (quotes and spaces removed)."""
    return (registry or indicator_registry()).canonical(text)


# A place named before an indicator (兰州新区经济总量, 脱贫地区农村居民人均可支配收入, 某县地区生产总值):
# a name of two characters or more, with no 省/市/县 of its own, and its unit. Scope and generic
# words (全市, 城市, 省市, 到全市) do not match.
_NAMED_PLACE = re.compile(r"^(?![到在对为全各本我该])[^省市县\W\d_A-Za-z]{2,}?(?:自治区|自治州|新区|地区|[省市县区州盟旗])$")
_PLACE_UNIT = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|新区|地区|[省市县区州盟旗])$")


def of_another_place(indicator: str, written: str, place: str | None, registry: IndicatorRegistry) -> str | None:
    """The indicator of another place than the document's, when the name as written puts a place
    before a registry alias of ``indicator``: a province's report on 兰州新区经济总量 states the
    new area's output, not the province's, so it is "兰州新区地区生产总值" (no registry indicator,
    so no table follows it as the province's). None when the place is the document's own
    (海拉尔区地区生产总值 in 海拉尔区's report), when no place is named, or when the document's
    place is not known."""
    if not place or indicator not in registry.names:
        return None
    ends = [s for s, e, canon in registry.find_all(written) if e == len(written) and canon == indicator]
    prefix = written[:ends[0]] if ends else ""
    if not prefix or not _NAMED_PLACE.match(prefix):
        return None
    bare_prefix, bare_place = _PLACE_UNIT.sub("", prefix), _PLACE_UNIT.sub("", place)
    if prefix == place or place.endswith(prefix) or bare_prefix == bare_place:
        return None
    return prefix + indicator
