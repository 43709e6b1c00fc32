"""Money amounts and pay ranges in an answer ("$80k", "75,000 dollars", "between 70 and 80k").

Pure and safe on empty input (empty tuples, ``False``).
"""

from __future__ import annotations

import re

from greenroom.domain.models import Evidence

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"\s?(?:k|K|grand|thousand|million|mil|m)\b"
_CURRENCY = r"[$£€]"
_UNIT = (
    r"\s?(?:dollars|pounds|euros|usd|gbp|eur|an hour|per hour|/hour|/hr|an? year|per year|"
    r"per annum|a year|/year|/yr|base|salary)\b"
)
_AMOUNT = (
    rf"(?:{_CURRENCY}\s?(?:{_NUM})(?:{_SCALE})?(?:{_UNIT})?"
    rf"|(?:{_NUM})(?:{_SCALE})(?:{_UNIT})?"
    rf"|(?:{_NUM})(?:{_UNIT})"
    r"|six figures|(?:low|mid|high)[- ](?:\d0s|(?:\d{2,3})k)"
    r"|(?:forty|fifty|sixty|seventy|eighty|ninety|a hundred)(?:[- ]\w+)? thousand)"
)
_AMOUNT_RE = re.compile(rf"(?<![\w$£€]){_AMOUNT}", re.IGNORECASE)
_BARE = rf"(?:{_CURRENCY}\s?)?(?:{_NUM})(?:{_SCALE})?"
_RANGE_RE = re.compile(
    rf"(?:between\s+{_BARE}\s+and\s+{_AMOUNT}|{_BARE}\s*(?:-|–|to)\s*{_AMOUNT}"
    rf"|{_AMOUNT}\s*(?:-|–|to)\s*{_BARE}|(?:low|mid|high)[- ](?:\d0s|\d{{2,3}}k))",
    re.IGNORECASE,
)


def money_amounts(text: str) -> tuple[Evidence, ...]:
    """Every money amount or salary figure mentioned, as evidence spans."""
    return tuple(Evidence(m.start(), m.end(), m.group()) for m in _AMOUNT_RE.finditer(text))


def pay_ranges(text: str) -> tuple[Evidence, ...]:
    """Pay ranges ("$70k to $80k", "between 70 and 80 thousand", "the mid 70s")."""
    return tuple(Evidence(m.start(), m.end(), m.group()) for m in _RANGE_RE.finditer(text))
