"""A job posting as lines grouped under headings: HTML and markdown flattened, bullets marked.

Real postings arrive as HTML from a careers page, hard-wrapped markdown or plain text pasted
from a job board. :func:`posting_lines` turns any of them into :class:`PostingLine` records
that say which kind of section each line sits in ("require", "prefer", "duties", "benefits",
...), so the extraction in :mod:`greenroom.domain.postings` never sees markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

SectionKind = Literal[
    "intro", "summary", "require", "prefer", "duties", "benefits", "about", "eeo", "apply",
    "conditions",
]  # fmt: skip

_HTML_TAG = re.compile(
    r"<(?:p|div|li|ul|ol|br|h[1-6]|span|strong|b|em|table|tr|td|html|body|section)\b[^>]*>",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p div ul ol br h1 h2 h3 h4 h5 h6 tr table section article header footer".split()
)
_BULLET = re.compile(r"^\s*(?:[•*·▪◦●‣–—-]|\d{1,2}[.)]|[a-z][.)])\s+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’]*")

# Heading kinds in the order they are tried: "Preferred qualifications" is "prefer",
# "Required qualifications" and "Job summary and qualifications" are "require".
_HEADING_PATTERNS: tuple[tuple[SectionKind, str], ...] = (
    ("eeo", r"equal (?:employment )?opportunit|\beeo\b|diversity|accommodation|disclaimer"),
    ("apply", r"how to apply|\bto apply\b|application process|\bnext steps\b"),
    (
        "benefits",
        r"benefit|perks|what we offer|we offer|compensation|\bsalary|\bpay\b|why join"
        r"|why work|rewards|what's in it|what’s in it|what you(?:'ll| will)? get|paying"
        r"|[£$€]\s?\d|performance bonus|sign(?:ing|-on) bonus",
    ),
    (
        "prefer",
        r"nice[ -]to[ -]have|preferred|bonus|\ba plus\b|desired|desirable|optional"
        r"|additional (?:skills|qualifications)|extra credit|would be great",
    ),
    (
        "require",
        r"requirement|qualification|must[ -]have|what you(?:'ll| will)? need|you need"
        r"|looking for|who you are|you have|you bring|about you|skills|experience"
        r"|education|knowledge|abilities|competenc|minimum|required|prerequisite|qualified"
        r"|what it takes|profile|certification|licens",
    ),
    (
        "duties",
        r"responsibilit|what you(?:'ll| will)? (?:do|be doing)|duties|day[ -]to[ -]day"
        r"|your role"
        r"|essential functions|key tasks|job functions|your impact|what you will be doing"
        r"|in this role|accountabilities|the work",
    ),
    (
        "conditions",
        r"working conditions|physical|work environment|schedule|hours|location|shift"
        r"|travel|job type",
    ),
    ("summary", r"about (?:the|this) (?:role|job|position|opportunity)"),
    (
        "about",
        r"about us|about (?:the|our) (?:company|team|organi[sz]ation)|who we are"
        r"|our company|introduction|our story|our mission|company overview|culture",
    ),
    (
        "summary",
        r"summary|overview|description|the role|the opportunity|position|purpose",
    ),
)
_HEADING_KINDS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _HEADING_PATTERNS
)
_PLAIN_HEADING_START = re.compile(
    r"^(?:what|who|whom|how|about|why|your|our|the|key|main|minimum|basic|preferred|required"
    r"|nice|bonus|must|job|position|role|essential|additional|benefits|perks|education"
    r"|qualifications|requirements|responsibilities|duties|skills|experience)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PostingLine:
    """One cleaned line; ``section`` is the kind of the heading above it ("intro" before any)."""

    text: str
    bullet: bool
    heading: bool
    section: SectionKind


def looks_like_html(text: str) -> bool:
    """True when ``text`` has at least two block or inline HTML tags."""
    return len(_HTML_TAG.findall(text, 0, 20_000)) >= 2


def html_to_text(text: str) -> str:
    """Visible text of an HTML document: one line per block, list items as "- " bullets,
    headings as "# " lines, script and style dropped, entities decoded."""
    parser = _TextOfHtml()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def heading_kind(text: str) -> SectionKind | None:
    """The section kind a heading names, or None when it names none of them."""
    for kind, pattern in _HEADING_KINDS:
        if pattern.search(text):
            return kind
    return None


def posting_lines(text: str) -> list[PostingLine]:
    """The posting as cleaned lines, each tagged with its section kind.

    A heading is a markdown ``#`` line, a wholly bold short line, a short line ending in ":",
    a short line in capitals, or a short title-like line that names a known section. An
    unknown heading inside a requirement or duties section (a sub-heading such as "Talent
    acquisition:") keeps that section's kind.
    """
    if looks_like_html(text):
        text = html_to_text(text)
    section: SectionKind = "intro"
    out: list[PostingLine] = []
    for raw, bullet in _joined(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        marked_heading = raw.lstrip().startswith("#") or _wholly_bold(raw)
        line = _clean(raw, bullet)
        if not line:
            continue
        if not bullet and _is_heading(line, marked_heading):
            kind = heading_kind(line)
            if kind is not None:
                section = kind
            elif section not in ("require", "prefer", "duties", "conditions"):
                section = "summary" if section == "intro" else section
            out.append(PostingLine(line.rstrip(":").strip(), False, True, section))
            continue
        out.append(PostingLine(line, bullet, False, section))
    return out


def _is_heading(line: str, marked: bool) -> bool:
    words = _WORDS.findall(line)
    if not words or len(words) > 10 or line.endswith((".", "!", "?", ",", ";")):
        return False
    if marked or line.endswith(":"):
        return True
    letters = [c for c in line if c.isalpha()]
    if len(words) <= 8 and len(letters) >= 3 and all(c.isupper() for c in letters):
        return True
    if len(words) > 7 or heading_kind(line) is None:
        return False
    long_words = [w for w in words if len(w) > 3]
    title_case = sum(w[0].isupper() for w in long_words) >= max(1, len(long_words) - 1)
    return (title_case and len(words) <= 4) or bool(_PLAIN_HEADING_START.match(line))


def _wholly_bold(raw: str) -> bool:
    s = raw.strip().rstrip("\\").strip()
    return len(s) > 4 and s.startswith(("**", "__")) and s.endswith(("**", "__", "**:"))


def _clean(raw: str, bullet: bool) -> str:
    s = raw.strip().rstrip("\\").strip()
    if bullet:
        s = _BULLET.sub("", s, count=1)
    s = s.lstrip("#").strip()
    s = _MD_LINK.sub(r"\1", s)
    s = _MD_EMPHASIS.sub("", s).replace("\\", "")
    s = re.sub(r"\s+", " ", s).strip(" -–—|")
    if s.endswith(":") and s[:-1].rstrip() != s[:-1]:
        s = s[:-1].rstrip() + ":"
    return s


def _joined(raw_lines: list[str]) -> list[tuple[str, bool]]:
    """Lines with hard-wrapped continuations joined back to the bullet or sentence they end."""
    out: list[tuple[str, bool]] = []
    prev_blank = True
    for raw in raw_lines:
        if not raw.strip() or raw.strip() == "\\":
            prev_blank = True
            continue
        bullet = bool(_BULLET.match(raw)) and not raw.lstrip().startswith("**")
        if out and not prev_blank and not bullet and _continues(out[-1], raw):
            text, was_bullet = out[-1]
            out[-1] = (text.rstrip().rstrip("\\").rstrip() + " " + raw.strip(), was_bullet)
        else:
            out.append((raw, bullet))
        prev_blank = False
    return out


def _continues(previous: tuple[str, bool], raw: str) -> bool:
    text, was_bullet = previous
    stripped = raw.strip()
    if was_bullet and raw[:1] in " \t":
        return True
    prev = text.rstrip().rstrip("\\").rstrip()
    return len(prev) >= 55 and prev[-1:] not in ".:!?" and stripped[:1].islower()


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.parts.append("\n# ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS or tag == "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))
