"""Read a job posting (plain text, markdown or HTML) into a :class:`JobProfile`.

The posting is first split into sections by its headings
(:mod:`greenroom.text.posting_sections`); requirements, preferences and duties come from the
items under the matching headings, and from inline cues ("required", "a plus") when a posting
has no such headings. Benefits, "about us", equal-opportunity and how-to-apply sections never
feed requirements, skills or logistics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from greenroom.domain.models import JobProfile
from greenroom.errors import InputError
from greenroom.text.jobterms import job_terms
from greenroom.text.language import binary_share, english_share
from greenroom.text.posting_sections import PostingLine, posting_lines
from greenroom.text.tokens import sentences, word_count

Seniority = Literal["entry", "mid", "senior", "lead", "unknown"]

MAX_CHARS = 200_000
MAX_ITEMS = 15
MAX_ITEM_CHARS = 200
MAX_SKILLS = 25
MAX_LOGISTICS = 10
MIN_WORDS = 40
MIN_ENGLISH_SHARE = 0.35
_MAX_BINARY_SHARE = 0.05
_MIN_WORDS_FOR_LANGUAGE = 20

_IGNORED = frozenset({"benefits", "about", "eeo", "apply"})
_ROLE_NOUNS = (
    "manager|nurse|teacher|engineer|developer|analyst|associate|representative|specialist"
    "|coordinator|assistant|driver|supervisor|director|technician|instructor|educator|coach"
    "|administrator|officer|clerk|consultant|designer|scientist|chemist|accountant|agent"
    "|operator|worker|cashier|programmer|architect|writer|editor|therapist|pharmacist"
    "|receptionist|recruiter|executive|intern|trainee|tutor|aide|mechanic|electrician"
    "|caregiver|attendant|advisor|adviser|planner|buyer|auditor|lead|head|paralegal|picker"
    "|packer|handler|cook|chef|server|bartender|cleaner|janitor|custodian|guard|librarian"
    "|counsel|attorney|lawyer|physician|dentist|hygienist|paramedic|nanny|teller|estimator"
    "|bookkeeper|barista|foreman|superintendent|inspector|machinist|welder|carpenter|plumber|lecturer|professor"
)
_ROLE = re.compile(rf"\b(?:{_ROLE_NOUNS})s?\b", re.IGNORECASE)
_TITLE_LABEL = re.compile(r"^(?:job title|title|position|role|job)\s*:\s*(.+)$", re.IGNORECASE)
_TITLE_RUN = rf"((?:(?:[A-Z][\w/&-]*|and|of|&)\s+){{0,5}}(?:{_ROLE_NOUNS.title()}))\b"
_TITLE_HIRING = re.compile(
    r"\b(?i:as|seeks|seeking|hiring|hire|looking for|join us as|for)\s+(?i:an?|the|our)\s+"
    r"(?:[a-z-]+,?\s+){0,3}?" + _TITLE_RUN
)
_TITLE_THE = re.compile(r"\b(?i:the)\s+" + _TITLE_RUN)
_NOT_TITLE = re.compile(
    r"^(?:reports? to|reporting to|url|location|department|salary|pay|supervisor\s*:)"
    r"|https?:|www\.",
    re.IGNORECASE,
)
_NOT_REQUIREMENT = re.compile(
    r"equal (?:employment )?opportunity|401\s?\(?k|paid time off|\bpto\b|health insurance"
    r"|dental|tuition reimbursement|benefits package|employee discount|we offer|reasonable"
    r" accommodation|regardless of (?:race|age)|ask your recruiter|this job description"
    r"|^(?:schedule|location|hours|salary|pay|job type|type)\s*:",
    re.IGNORECASE,
)
_QUALIFICATION = re.compile(
    r"experience|degree|diploma|skill|abilit|able to|knowledge|licen[cs]|certif|proficien"
    r"|years|familiar|understanding|fluen|must|required|preferred|a plus",
    re.IGNORECASE,
)
_TITLE_TAIL = re.compile(r"\s+(?:[—–|]|-\s|at\s|@\s).*$")

_PREFER_CUE = re.compile(
    r"\b(?:preferred|preferably|a plus|an advantage|nice[ -]to[ -]have|bonus|desired"
    r"|desirable|ideally|is a benefit|beneficial)\b",
    re.IGNORECASE,
)
_REQUIRE_CUE = re.compile(
    r"\b(?:required|requires?|must|minimum|mandatory|essential|need to have|at least"
    r"|proven|years? of experience|degree in|certification|licen[cs]e)\b",
    re.IGNORECASE,
)

_YEARS = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*"
    r"(?:(?:-|–|to|or)\s*\d{1,2}\s*\+?\s*)?(?:plus\s+)?years?\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())
}
_TITLE_LEVELS: tuple[tuple[Seniority, re.Pattern[str]], ...] = (
    ("entry", re.compile(r"\b(?:intern|internship|trainee|apprentice|junior|jr|entry[ -]level"
                         r"|graduate)\b", re.IGNORECASE)),
    ("lead", re.compile(r"\b(?:lead|principal|staff|head|director|chief|vp|vice president)\b",
                        re.IGNORECASE)),
    ("senior", re.compile(r"\b(?:senior|sr)\b", re.IGNORECASE)),
)  # fmt: skip

_PEOPLE = re.compile(
    r"\b(?:(?:manag(?:e|es|ing)|lead(?:s|ing)?|supervis(?:e|es|ing)|oversee(?:s|ing)?"
    r"|direct(?:s|ing)?|train(?:s|ing)? and supervis\w*)"
    r"\s+(?:[\w-]+\s+){0,4}?(?:team|teams|staff|employees|associates|workers|personnel"
    r"|reports|crew|technicians|representatives|agents|supervisors|managers|drivers"
    r"|nurses|teachers|people)\b"
    r"|direct reports|people management|people manager|line management|line manager of"
    r"|hire(?:,| and) (?:train|develop|coach)|hiring,? (?:training|coaching|developing)"
    r"|supervision of (?:staff|employees|the team|personnel)|performance reviews for"
    r"|team of \d+)",
    re.IGNORECASE,
)
_NOT_PEOPLE = re.compile(
    r"\b(?:no direct reports|individual contributor|not a people[ -]management)\b", re.IGNORECASE
)
_PEOPLE_TITLE = re.compile(
    r"\b(?:supervisor|director|head of|team lead|team leader|foreman|superintendent|chief"
    r"|manager)\b",
    re.IGNORECASE,
)
_NON_PEOPLE_MANAGER = re.compile(
    r"\b(?:project|account|accounts|product|program|programme|case|content|community"
    r"|relationship|social media|category|territory|property|brand|client|key account"
    r"|campaign|release|delivery|success)\s+manager\b",
    re.IGNORECASE,
)

_LOGISTICS = re.compile(
    r"\b(?:remote|hybrid|on-?site|in[- ]office|in[- ]person|work from home|wfh|relocat\w*"
    r"|full[- ]time|part[- ]time|shifts?|nights?|overnight|weekends?|overtime|on[- ]call"
    r"|rotating|\d{1,2}(?::\d\d)?\s?(?:am|pm)|hours per week|hours:|\d+[- ]hour shifts?"
    r"|travel\w*|driver'?s licen[cs]e|driving licen[cs]e|cdl|commercial driver\w*"
    r"|rn licen[cs]e|nursing licen[cs]e|valid [\w ]{0,30}licen[cs]e|licen[cs]ed (?:as|in|to)"
    r"|licensure|teaching (?:licen[cs]e|certificat\w*)|certified (?:to|as|in)"
    r"|credential\w*|forklift|cpr|bls|acls|first aid|background (?:check|screening)"
    r"|drug (?:screen|test)\w*|fingerprint\w*|security clearance|clearance"
    r"|lift\w*\s+(?:up to\s+)?\d+\s*(?:lbs?|pounds|kg)|stand(?:ing)? for|physical demands"
    r"|authori[sz]ed to work|work authori[sz]ation|visa|sponsorship|right to work"
    r"|work eligibility|eligible to work|citizenship|location:)",
    re.IGNORECASE,
)
_PHRASE_WORDS = 18


def parse_posting(text: str) -> JobProfile:
    """A :class:`JobProfile` read from a posting in plain text, markdown or HTML.

    Raises :class:`InputError` for empty text, binary data (more than 5% control or
    replacement characters) and text over ``MAX_CHARS`` characters. A posting that is mostly
    not English (``english_share`` under 0.35, judged from 20 words up) gives a partial
    profile with only the title.

    ``seniority`` comes first from the title ("intern", "trainee", "junior", "entry level" =>
    entry; "lead", "principal", "staff", "head", "director", "chief" => lead; "senior", "sr"
    => senior), then from the largest years-of-experience figure in the requirements (or in
    any sentence mentioning experience): 0-1 years entry, 2-4 mid, 5-7 senior, 8+ lead;
    then from the title noun (manager => senior, supervisor => mid); otherwise "unknown".

    ``manages_people`` is true when the posting names people work ("manage a team", "direct
    reports", "supervise staff", "lead a team of", "hire and develop", "people management"),
    or when the title is supervisor, director, head of, team lead or a manager title other
    than project, account, product, program, content and similar non-people managers; "no
    direct reports" or "individual contributor" make it false.
    """
    _check(text)
    lines = posting_lines(text)
    title = _title(lines)
    body = "\n".join(line.text for line in lines)
    if word_count(body) >= _MIN_WORDS_FOR_LANGUAGE and english_share(body) < MIN_ENGLISH_SHARE:
        note = "the posting does not look like English; only the title was read"
        return JobProfile(title, "unknown", False, (), (), (), (), (), True, (note,))
    kept = [line for line in lines if line.section not in _IGNORED]
    must, nice = _requirements(kept)
    duties = _items(line for line in kept if line.section == "duties")
    relevant = "\n".join(line.text for line in kept)
    notes: list[str] = []
    if not must and not nice:
        notes.append("no requirements were found in the posting")
    if word_count(body) < MIN_WORDS:
        notes.append(f"the posting is very short (under {MIN_WORDS} words)")
    return JobProfile(
        title=title,
        seniority=_seniority(title, must + nice, relevant),
        manages_people=_manages_people(title, relevant),
        must_have=must,
        nice_to_have=nice,
        responsibilities=duties,
        skills=_skills(kept, title),
        logistics=_logistics(kept),
        partial=bool(notes),
        notes=tuple(notes),
    )


def _check(text: str) -> None:
    if not text.strip():
        raise InputError("the posting is empty")
    if len(text) > MAX_CHARS:
        raise InputError(f"the posting has {len(text)} characters; the limit is {MAX_CHARS}")
    if binary_share(text) > _MAX_BINARY_SHARE:
        raise InputError("the posting looks like binary data, not text")


def _title(lines: list[PostingLine]) -> str:
    head = [line for line in lines[:40] if not _NOT_TITLE.search(line.text)]
    for line in lines[:25]:
        m = _TITLE_LABEL.match(line.text)
        if m and _ROLE.search(m.group(1)):
            return _tidy_title(m.group(1))
    opening = [line for line in head if line.section in ("intro", "summary")]
    short = [
        line
        for i, line in enumerate(lines[:40])
        if (line in opening or (i < 3 and line.section not in _IGNORED))
        and _short_title_line(line)
        and not _NOT_TITLE.search(line.text)
    ]
    if short and lines.index(short[0]) < 6:
        return _tidy_title(short[0].text)
    for pattern in (_TITLE_HIRING, _TITLE_THE):
        for line in head:
            if line.section not in ("intro", "summary", "about"):
                continue
            m = pattern.search(line.text)
            if m:
                return _tidy_title(m.group(1))
    if short:
        return _tidy_title(short[0].text)
    for line in head:
        if line.heading and _short_title_line(line) and line.section in ("intro", "summary"):
            return _tidy_title(line.text)
    return "unknown"


def _short_title_line(line: PostingLine) -> bool:
    return (
        not line.bullet
        and len(line.text.split()) <= 10
        and bool(_ROLE.search(line.text))
        and not line.text.endswith((".", "!", "?"))
    )


def _tidy_title(raw: str) -> str:
    text = raw.strip().strip("*#:").strip()
    if _ROLE.search(_TITLE_TAIL.sub("", text)):
        text = _TITLE_TAIL.sub("", text)
    text = re.sub(r"^(?:job title|title|position|role)\s*:\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*\((?:remote|hybrid|on-?site)[^)]*\)$", "", text, flags=re.IGNORECASE)
    text = re.sub(
        r"\s+(?:responsibilities|job description|summary|overview)$", "", text, flags=re.I
    )
    if text.isupper():
        text = " ".join(w if len(w) <= 3 else w.capitalize() for w in text.split())
    return text[:MAX_ITEM_CHARS].strip() or "unknown"


def _requirements(kept: list[PostingLine]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    must: list[str] = []
    nice: list[str] = []
    has_headed = any(line.section in ("require", "prefer") and not line.heading for line in kept)
    if has_headed:
        for item in _items(
            (line for line in kept if line.section == "require"), prose_needs_cue=True
        ):
            (nice if _PREFER_CUE.search(item) else must).append(item)
        nice.extend(
            _items((line for line in kept if line.section == "prefer"), prose_needs_cue=True)
        )
    else:
        for item in _items(line for line in kept if line.section != "duties"):
            if _PREFER_CUE.search(item):
                nice.append(item)
            elif _REQUIRE_CUE.search(item):
                must.append(item)
    return _unique(must), _unique(nice)


def _items(lines: Iterable[PostingLine], *, prose_needs_cue: bool = False) -> tuple[str, ...]:
    """Bullets as items (split into sentences when long); paragraphs as sentences.

    With ``prose_needs_cue``, a sentence from a paragraph (not a bullet, over 12 words) is kept
    only when it reads like a qualification ("experience", "degree", "able to", ...).
    Equal-opportunity and benefits lines are never items.
    """
    out: list[str] = []
    for line in lines:
        if line.heading:
            continue
        if line.bullet and len(line.text) <= MAX_ITEM_CHARS:
            parts = [line.text]
        else:
            parts = [sentence.text for sentence in sentences(line.text)]
        for part in parts:
            if prose_needs_cue and not line.bullet and word_count(part) > 12:
                if not _QUALIFICATION.search(part):
                    continue
            if not _NOT_REQUIREMENT.search(part) and word_count(part) >= 2:
                out.append(part)
    return _unique(out)


def _shorten(item: str) -> str:
    if len(item) <= MAX_ITEM_CHARS:
        return item
    cut = item[: MAX_ITEM_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.lower()
        if key not in seen:
            seen.add(key)
            out.append(_shorten(item))
    return tuple(out[:MAX_ITEMS])


def _seniority(title: str, requirements: tuple[str, ...], relevant: str) -> Seniority:
    for level, pattern in _TITLE_LEVELS:
        if pattern.search(title):
            return level
    years = _years(requirements) or _years(
        s.text for s in sentences(relevant) if "experience" in s.text.lower()
    )
    if years is not None:
        return (
            "entry" if years <= 1 else "mid" if years <= 4 else "senior" if years <= 7 else "lead"
        )
    if re.search(r"\bmanager\b", title, re.IGNORECASE):
        return "senior"
    if re.search(r"\bsupervisor\b", title, re.IGNORECASE):
        return "mid"
    return "unknown"


def _years(texts: Iterable[str]) -> int | None:
    found: list[int] = []
    for text in texts:
        for m in _YEARS.finditer(text):
            raw = m.group(1).lower()
            n = _NUMBER_WORDS[raw] if raw in _NUMBER_WORDS else int(raw)
            if n <= 20:
                found.append(n)
    return max(found) if found else None


def _manages_people(title: str, relevant: str) -> bool:
    if _NOT_PEOPLE.search(relevant):
        return False
    if _PEOPLE.search(relevant):
        return True
    return bool(_PEOPLE_TITLE.search(title)) and not _NON_PEOPLE_MANAGER.search(title)


def _skills(kept: list[PostingLine], title: str) -> tuple[str, ...]:
    # ".\n" keeps job_terms from pairing the last word of one bullet with the next one
    text = ".\n".join(line.text for line in kept if not line.heading)
    title_words = {w.lower() for w in re.findall(r"[A-Za-z]+", title)}
    terms = [t for t in job_terms(text, limit=MAX_SKILLS * 2) if t not in title_words]
    return tuple(terms[:MAX_SKILLS])


def _logistics(kept: list[PostingLine]) -> tuple[str, ...]:
    """One short quoted phrase per sentence that names a screening fact."""
    out: list[str] = []
    seen: set[str] = set()
    for line in kept:
        for sentence in sentences(line.text):
            found = list(_LOGISTICS.finditer(sentence.text))
            if not found:
                continue
            phrase = _phrase_around(sentence.text, found[0].start(), found[-1].end())
            if phrase.lower() not in seen:
                seen.add(phrase.lower())
                out.append(phrase)
            if len(out) >= MAX_LOGISTICS:
                return tuple(out)
    return tuple(out)


def _phrase_around(sentence: str, start: int, end: int) -> str:
    """The whole sentence when short, else up to six words either side of the matches."""
    text = sentence.strip(" .:;,")
    if len(text.split()) <= _PHRASE_WORDS:
        return text
    before = sentence[:start].split()[-6:]
    after = sentence[end:].split()[:6]
    middle = " ".join(sentence[start:end].split()[:_PHRASE_WORDS])
    return " ".join([*before, middle, *after]).strip(" .:;,")
