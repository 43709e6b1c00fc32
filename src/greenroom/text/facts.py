"""Checkable facts a candidate states about themself: pay, team size, years, dates, why they left.

Each extractor reads one answer and returns :class:`Fact` records whose evidence quotes that
answer (``answer[start:end] == text``). ``Fact.about`` says what the value is about, so only
like is compared with like: ``current``/``expected`` pay, ``experience`` or ``at:<employer>``
years, the event of a date (``start:acme``, ``left``). Best effort and pure; empty input gives
an empty tuple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from greenroom.domain.models import Evidence
from greenroom.text.money import money_amounts, pay_ranges
from greenroom.text.terms import own_terms
from greenroom.text.tokens import sentences

FactKind = Literal["salary", "team_size", "years", "date", "leaving_reason", "employer"]
FactValue = float | tuple[float, float] | str
LeavingReason = Literal[
    "layoff", "contract_end", "growth", "pay", "relocation", "conflict", "other"
]


@dataclass(frozen=True, slots=True)
class Fact:
    """One stated fact: a salary (a figure or a ``(low, high)`` range), a team size, years,
    a date (``"2021"`` or ``"2021-03"``), a leaving-reason category or an employer name."""

    kind: FactKind
    value: FactValue
    evidence: Evidence
    about: str = ""


_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_WORD_NUM = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[1:10])}))?"
    rf"|{'|'.join(sorted(_ONES[1:], key=len, reverse=True))}|a dozen|a couple of|a hundred)"
)
_N = rf"(?:\d{{1,4}}|{_WORD_NUM})"
_COMPANY = r"[A-Z][\w&-]*(?:\.[\w&-]+)*(?: [A-Z][\w&-]+){0,2}"
_SPECIAL_NUMBERS = {"a dozen": 12.0, "a couple of": 2.0, "a hundred": 100.0}


def number_value(text: str) -> float | None:
    """``"12"`` -> 12, ``"twenty-five"`` -> 25, ``"a dozen"`` -> 12; ``None`` when not a number."""
    t = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in _SPECIAL_NUMBERS:
        return _SPECIAL_NUMBERS[t]
    parts = re.split(r"[- ]", t)
    if len(parts) <= 2 and all(p in _WORD_VALUES for p in parts):
        return float(sum(_WORD_VALUES[p] for p in parts))
    return None


# --- salary -----------------------------------------------------------------------------------

_PAY_CUE = re.compile(
    r"\b(?:salary|pay|paid|compensation|package|base|earn\w*|make|making|income|"
    r"expect\w*|looking for|asking|range|rate|was on|i'?m on)\b",
    re.IGNORECASE,
)
_CURRENT_PAY = re.compile(
    r"\b(?:currently|current|now|made|making|earned|earning|was on|i'?m on|i am on|"
    r"at the moment|last (?:job|role)|i make|i earn|(?:base|salary|pay) (?:is|was))\b",
    re.IGNORECASE,
)
_BARE_THOUSANDS = re.compile(r"(?<![\w$£€.,])\d{1,3}(?:,\d{3})+(?![\w,])")
_BAND = re.compile(r"(low|mid|high)[- ](?:(\d)0s|(\d{2,3})k)", re.IGNORECASE)
_BAND_OFFSETS = {"low": (0.0, 4000.0), "mid": (3000.0, 7000.0), "high": (6000.0, 10000.0)}
_WORD_THOUSAND = re.compile(rf"({_WORD_NUM}) thousand", re.IGNORECASE)
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_RANGE_SPLIT = re.compile(r"\s*(?:-|–|\bto\b|\band\b)\s*")
_MIN_SALARY = 1000.0
_CLAUSE_BREAK = re.compile(r"[,;]|\s(?:and|but|so|while|whereas)\s", re.IGNORECASE)


def salary_facts(text: str) -> tuple[Fact, ...]:
    """The candidate's own pay figures, as yearly amounts or ``(low, high)`` ranges.

    A figure counts when :func:`~greenroom.text.terms.own_terms` finds it or its sentence is
    about pay ("my base was 80,000"); story money ("we saved $200k") does not. ``about`` is
    ``current`` for pay now or before, ``expected`` for what the candidate asks. Hourly rates,
    "six figures" and figures under 1,000 are skipped.
    """
    if not text:
        return ()
    own = {(e.start, e.end) for e in own_terms(text)}
    found: list[Fact] = []
    for sentence in sentences(text):
        body = sentence.text
        about_pay = _PAY_CUE.search(body) is not None
        taken: list[tuple[int, int]] = []
        for span in (*pay_ranges(body), *money_amounts(body), *_bare_thousands(body)):
            start, end = sentence.start + span.start, sentence.start + span.end
            if any(s < end and start < e for s, e in taken):
                continue
            if not about_pay and not any(s < end and start < e for s, e in own):
                continue
            value = _salary_value(span.text)
            if value is None:
                continue
            taken.append((start, end))
            clause = _clause(body, span.start, span.end)
            about = "current" if _CURRENT_PAY.search(clause) else "expected"
            found.append(Fact("salary", value, Evidence(start, end, text[start:end]), about))
    return tuple(sorted(found, key=lambda f: f.evidence.start))


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around ``sentence[start:end]``: up to the nearest comma, semicolon, "and",
    "but" or "so" on either side, the span itself included."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)]
    after = _CLAUSE_BREAK.search(sentence, end)
    return sentence[before[-1] if before else 0 : after.start() if after else len(sentence)]


def _bare_thousands(text: str) -> tuple[Evidence, ...]:
    return tuple(Evidence(m.start(), m.end(), m.group()) for m in _BARE_THOUSANDS.finditer(text))


def _salary_value(text: str) -> float | tuple[float, float] | None:
    band = _BAND.search(text)
    if band:
        base = float(band[2]) * 10_000 if band[2] else float(band[3]) * 1000
        low_offset, high_offset = _BAND_OFFSETS[band[1].lower()]
        return (base + low_offset, base + high_offset)
    parts = _RANGE_SPLIT.split(re.sub(r"(?i)^between\s+", "", text))
    if len(parts) == 2 and all(_DIGITS.search(p) or _WORD_THOUSAND.search(p) for p in parts):
        low, low_scale = _amount(parts[0])
        high, high_scale = _amount(parts[1])
        if low is None or high is None:
            return None
        if low_scale == 1.0 and high_scale > 1.0 and low * high_scale <= high * 1.5:
            low *= high_scale
        if high_scale == 1.0 and low_scale > 1.0 and high * low_scale >= low:
            high *= low_scale
        if low < _MIN_SALARY or high < low:
            return None
        return (low, high)
    amount, _ = _amount(text)
    return amount if amount is not None and amount >= _MIN_SALARY else None


def _amount(text: str) -> tuple[float | None, float]:
    """(value, scale) of one money figure; value ``None`` for hourly or vague amounts."""
    t = text.lower()
    if re.search(r"hour|/hr|figures", t):
        return None, 1.0
    words = _WORD_THOUSAND.search(t)
    if words:
        n = number_value(words[1])
        return (n * 1000 if n is not None else None), 1000.0
    digits = _DIGITS.search(t)
    if digits is None:
        return None, 1.0
    scale = 1.0
    rest = t[digits.end() :]
    if re.match(r"\s?(?:k|grand|thousand)\b", rest):
        scale = 1000.0
    elif re.match(r"\s?(?:million|mil|m)\b", rest):
        scale = 1_000_000.0
    return float(digits.group().replace(",", "")) * scale, scale


# --- team size and years ----------------------------------------------------------------------

_PEOPLE = (
    r"(?:people|persons|engineers|developers|designers|analysts|staff|employees|reports|"
    r"direct reports|agents|nurses|associates|members|contractors|teachers|reps|technicians|"
    r"workers|managers|scientists|consultants|volunteers|salespeople|drivers|cooks|cashiers)"
)
_TEAM_SIZE = re.compile(
    rf"\b(?:team|group|department|squad|crew|staff) of (?:about |around |roughly |some )?"
    rf"(?P<a>{_N})\b"
    rf"|\b(?P<b>{_N})[- ](?:person|people|member|strong) (?:team|group|crew)\b"
    rf"|\b(?P<c>{_N}) direct reports\b"
    rf"|\b(?:managed?|managing|led|lead|leading|supervised?|supervising|oversaw|oversee|ran|run|"
    rf"running|coached?|mentored?) (?:a team of |a group of |about |around |roughly )?"
    rf"(?P<d>{_N}) (?:\w+ )?{_PEOPLE}\b",
    re.IGNORECASE,
)


def team_size_facts(text: str) -> tuple[Fact, ...]:
    """Sizes of teams the candidate led or belonged to ("a team of 12", "I managed eight
    people", "12 direct reports"), as a number of people."""
    found: list[Fact] = []
    for m in _TEAM_SIZE.finditer(text):
        group = next(g for g in ("a", "b", "c", "d") if m[g] is not None)
        value = number_value(m[group])
        if value is not None and value > 0:
            found.append(Fact("team_size", value, Evidence(m.start(), m.end(), m.group())))
    return tuple(found)


_YEARS = re.compile(
    rf"\b(?i:for |over |nearly |almost |about |around )?(?P<n>(?i:{_N}))\+?"
    r"(?P<half> and a half)? (?:years?|yrs)"
    r"(?:(?:'|’)? of (?:\w+ ){0,3}?experience|(?: of)? experience"
    rf"| in (?:the )?(?:industry|field)| (?:at|with) (?P<emp>{_COMPANY})"
    r"| in (?:\w+ )?(?:sales|marketing|engineering|software|finance|tech|retail|healthcare|"
    r"education|management|support|operations|design|hr|recruiting|development|nursing))",
)


def years_facts(text: str) -> tuple[Fact, ...]:
    """Durations of experience: "5 years of experience" (``about="experience"``), "three years
    at Acme" (``about="at:acme"``); a number of years. "three years ago" is a date, not this."""
    found: list[Fact] = []
    for m in _YEARS.finditer(text):
        value = number_value(m["n"])
        if value is None or value > 60:
            continue
        if m["half"]:
            value += 0.5
        about = f"at:{m['emp'].rstrip('.-').lower()}" if m["emp"] else "experience"
        found.append(Fact("years", value, Evidence(m.start(), m.end(), m.group()), about))
    return tuple(found)


# --- dates ------------------------------------------------------------------------------------

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DATE = re.compile(
    r"\b(?P<prep>in|since|from|until|till|by|during|to|of|around|early|late|mid)\s+"
    rf"(?:(?:early|late|mid)[- ])?(?:(?P<month>{'|'.join(_MONTHS)})\s+)?"
    r"(?P<year>(?:19[5-9]|20[0-4])\d)\b",
    re.IGNORECASE,
)
_EVENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("left", re.compile(r"\b(?:left|quit|resigned|laid off|let go|moved on)\b", re.I)),
    ("promoted", re.compile(r"\bpromot\w*", re.I)),
    ("graduated", re.compile(r"\b(?:graduat\w*|degree|finished (?:my|university|school))", re.I)),
    ("start", re.compile(r"\b(?:joined|started|began|hired|since)\b", re.I)),
)


def date_facts(text: str) -> tuple[Fact, ...]:
    """Years (and months) of events ("in 2021", "in March 2021", "since 2019").

    ``about`` names the event whose cue comes last before the date in its sentence:
    ``start``, ``left``, ``promoted`` or ``graduated``, plus ``:<employer>`` when the sentence
    names an employer ("start:acme"); "" when there is no event cue.
    """
    found: list[Fact] = []
    for sentence in sentences(text):
        employers = employer_facts(sentence.text)
        employer = f":{str(employers[0].value).lower()}" if employers else ""
        for m in _DATE.finditer(sentence.text):
            event = "start" if m["prep"].lower() == "since" else _event(sentence.text, m.start())
            value = m["year"]
            if m["month"]:
                value += f"-{_MONTHS.index(m['month'].lower()) + 1:02d}"
            start, end = sentence.start + m.start(), sentence.start + m.end()
            about = f"{event}{employer}" if event else ""
            found.append(Fact("date", value, Evidence(start, end, text[start:end]), about))
    return tuple(found)


def _event(sentence: str, before: int) -> str:
    """The event whose cue comes last before ``before`` in ``sentence`` ("" when none does)."""
    best, where = "", -1
    for name, cue in _EVENTS:
        for m in cue.finditer(sentence, 0, before):
            if m.start() > where:
                best, where = name, m.start()
    return best


# --- employers --------------------------------------------------------------------------------

_WORK_CUE = re.compile(
    r"\b(?:work\w*|job|role|position|joined|employ\w*|career|years?|months?|team|manag\w*|"
    r"engineer|developer|analyst|intern\w*|hired|led|lead|left|laid off|contract\w*|been)\b",
    re.IGNORECASE,
)
_EMPLOYER = re.compile(rf"\b(?:at|for|with|joined|left)\s+(?P<name>{_COMPANY})")
_NOT_EMPLOYER = frozenset(
    "I I'm My The A An We Our This That It Monday Tuesday Wednesday Thursday Friday Saturday "
    "Sunday Christmas English Excel Python Java SQL".split()
    + [m.title() for m in _MONTHS]
)


def employer_facts(text: str) -> tuple[Fact, ...]:
    """Capitalised names after "at", "for", "with", "joined" or "left" in sentences about
    work ("three years at Acme Corp"); best effort, so days, months and "I" are skipped."""
    found: list[Fact] = []
    for sentence in sentences(text):
        if not _WORK_CUE.search(sentence.text):
            continue
        for m in _EMPLOYER.finditer(sentence.text):
            name = m["name"].rstrip(".-")
            if not name or name.split()[0] in _NOT_EMPLOYER:
                continue
            start = sentence.start + m.start("name")
            end = start + len(name)
            found.append(Fact("employer", name, Evidence(start, end, text[start:end])))
    return tuple(found)


# --- leaving reason ---------------------------------------------------------------------------

_LEAVING_CUE = re.compile(
    r"\b(?:i (?:left|quit|resigned|decided to (?:leave|move on))|i'?m leaving|i am leaving|"
    r"(?:the )?reason (?:i'?m|i am|i was) (?:looking|leaving)|reason (?:for|i) (?:leaving|left)|"
    r"why i(?:'m| am)? (?:left|leaving|looking)|(?:i was|i got|i've been|i have been|we were|"
    r"we got) (?:laid off|let go|made redundant)|my (?:contract|position|role) "
    r"(?:ended|finished|was (?:up|eliminated|cut)|expired|came to an end|ran out)|restructur\w*|"
    r"i'?m (?:looking|ready) (?:for|to) (?:\w+ ){0,4}because|moving on because)\b",
    re.IGNORECASE,
)
_LEAVING_QUESTION = re.compile(
    r"\bwhy (?:are|did|do|were) you (?:leav\w*|left|looking|want(?:ing)? to (?:leave|move))|"
    r"reason (?:for|you(?:'re| are)?) (?:leaving|looking|left)|why (?:a change|move on|now)\b",
    re.IGNORECASE,
)
_CATEGORIES: tuple[tuple[LeavingReason, re.Pattern[str]], ...] = (
    (
        "layoff",
        re.compile(
            r"laid off|lay-?offs?|restructur|redundan|eliminated|downsiz|let go|"
            r"(?:closed|shut) down|went under|\bcuts\b",
            re.I,
        ),
    ),
    ("contract_end", re.compile(r"contract|fixed[- ]term|temp(?:orary)? (?:role|job)", re.I)),
    (
        "relocation",
        re.compile(
            r"relocat|moving to|moved to|my (?:partner|wife|husband)|commute|closer to", re.I
        ),
    ),
    (
        "conflict",
        re.compile(
            r"toxic|conflict|get along|clash|micromanag|disagree|bad manager|"
            r"(?:boss|manager) (?:was|and i|didn't)|culture",
            re.I,
        ),
    ),
    ("pay", re.compile(r"\b(?:pay|paid|salary|money|compensation|raise)\b", re.I)),
    (
        "growth",
        re.compile(
            r"grow|growth|challeng|learn|career|opportunit|progress|advance|next step|stretch|"
            r"stagnat|ceiling|bigger role|more responsib",
            re.I,
        ),
    ),
)


def leaving_reason_facts(text: str, *, question: str = "") -> tuple[Fact, ...]:
    """Why the candidate left or is leaving, as a category (``layoff``, ``contract_end``,
    ``growth``, ``pay``, ``relocation``, ``conflict``, ``other``) with the sentence quoted.

    A sentence counts when it has a cue ("I left because", "I was laid off", "my contract
    ended"); when ``question`` asks why they are leaving, the opening sentence counts too.
    A cue sentence without a category word is read together with the next sentence.
    """
    spans = sentences(text)
    found: list[Fact] = []
    for index, sentence in enumerate(spans):
        asked = index == 0 and _LEAVING_QUESTION.search(question) is not None
        if not (asked or _LEAVING_CUE.search(sentence.text)):
            continue
        category = _category(sentence.text)
        end = sentence.end
        if category == "other" and index + 1 < len(spans):
            following = _category(spans[index + 1].text)
            if following != "other":
                category, end = following, spans[index + 1].end
        evidence = Evidence(sentence.start, end, text[sentence.start : end])
        found.append(Fact("leaving_reason", category, evidence))
    return tuple(found)


def _category(sentence: str) -> LeavingReason:
    return next((name for name, cue in _CATEGORIES if cue.search(sentence)), "other")


def facts(text: str, *, question: str = "") -> tuple[Fact, ...]:
    """Every fact of every kind in one answer: salary, team size, years, date, leaving reason,
    employer, each kind in order of position."""
    return (
        salary_facts(text)
        + team_size_facts(text)
        + years_facts(text)
        + date_facts(text)
        + leaving_reason_facts(text, question=question)
        + employer_facts(text)
    )
