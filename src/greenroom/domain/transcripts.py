"""Interview transcripts as people export them, read into turns and question-answer exchanges.

:func:`parse_transcript` accepts, without being told which:

- role-labelled lines (``Interviewer: ...`` / ``Candidate: ...``, also ``Interviewee``,
  ``Recruiter``, ``Hiring Manager``, ``Q:`` / ``A:``, ``Me:`` / ``Them:``); a line without a
  label continues the turn above it, and ``|`` separates turns on one line;
- named speakers with optional timestamps (``[00:01:23] Jane Doe: ...``,
  ``00:01:23 Jane Doe: ...``, ``(1:23) Jane: ...``, ``Jane (0:05): ...``);
- Otter, Zoom or Teams text exports: a ``Jane Doe  0:05`` line, then what Jane said;
- WebVTT (``<v Jane Doe>`` voice tags or ``Jane Doe: ...`` in a cue) and SRT cues.

Named speakers become the interviewer or the candidate: a label with a role word decides,
``candidate=`` names the candidate, and otherwise the one of two speakers who asks more
questions is the interviewer. Everything here is pure text processing; no file is read.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from greenroom.domain.models import Exchange, Speaker, Transcript, Turn
from greenroom.errors import InputError

NO_TURNS_MESSAGE = (
    "no interviewer or candidate turns found; "
    "expected lines like 'Interviewer: ...' and 'Candidate: ...'"
)
BACKCHANNEL_MAX_WORDS = 4
PROMPT_WORDS = frozenset(
    {
        "tell", "describe", "explain", "walk", "talk", "give", "share", "name", "list",
        "imagine", "suppose", "example", "yourself", "about",
        "what", "why", "how", "when", "where", "which", "who",
    }
)  # fmt: skip
ACKNOWLEDGEMENTS = frozenset(
    {
        "mhm", "mhmm", "mm", "mmm", "hmm", "hm", "uh", "huh", "um", "yeah", "yes", "ok",
        "okay", "right", "sure", "great", "good", "wow", "oh", "ah", "i", "see", "cool", "nice",
    }
)  # fmt: skip

_INTERVIEWER_WORDS = frozenset(
    {"interviewer", "recruiter", "manager", "hr", "them", "panelist", "panellist"}
)
_CANDIDATE_WORDS = frozenset({"candidate", "interviewee", "applicant", "me"})
_INTERVIEWER_LABELS = frozenset({"q", "question"})
_CANDIDATE_LABELS = frozenset({"a", "answer"})
_NAME_PARTICLES = frozenset(
    {"de", "la", "le", "van", "von", "der", "den", "da", "di", "du", "del", "bin", "al"}
)

_STAMP = r"[\[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?[\])]?"
_NAME = r"[^\W\d_][\w.'’\-]*(?:[ \t]+\(?[\w.'’\-]+\)?){0,4}"
_LABEL_LINE = re.compile(
    rf"^\s*(?:(?P<ts>{_STAMP})\s*[-–]?\s*)?\[?(?P<name>{_NAME})\]?"
    rf"[ \t]*(?:(?P<ts2>{_STAMP})[ \t]*)?:(?!\d)[ \t]*(?P<text>.*)$"
)
_HEADER_LINE = re.compile(rf"^\s*\[?(?P<name>{_NAME})\]?[ \t]+(?P<ts>{_STAMP})\s*$")
_CUE_TIMING = re.compile(rf"^\s*(?P<ts>{_STAMP})\s*-->\s*{_STAMP}")
_STAMP_PARTS = re.compile(r"(\d+(?:[.,]\d+)?)")
_VOICE_TAG = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_ANY_TAG = re.compile(r"</?[^>]*>|\{\\[^}]*\}")
_CUE_BLOCK_KINDS = ("WEBVTT", "NOTE", "STYLE", "REGION")
_WORD = re.compile(r"[\w'’]+")
_BACKCHANNEL_TOKEN = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class _Draft:
    """A turn being assembled: who spoke, when, and the lines said so far."""

    name: str
    time_s: float | None
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line for line in self.lines if line)


def parse_transcript(text: str, *, candidate: str | None = None) -> Transcript:
    """Read an interview transcript in any of the shapes the module docstring lists.

    ``candidate`` names the candidate among named speakers (case-insensitive, full name or
    first name). Consecutive turns of one speaker are merged; ``Turn.name`` keeps the label as
    written and ``Turn.time_s`` the first timestamp of the turn (``None`` when there is none).
    Raises :class:`InputError` when no turn is found, when only one unnamed speaker is, when
    three or more named speakers are found without ``candidate``, or when ``candidate`` matches
    none of them.
    """
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    is_cued = any(_CUE_TIMING.match(line) for line in lines)
    drafts = _cue_drafts(lines) if is_cued else _line_drafts(lines)
    drafts = [draft for draft in drafts if draft.text]
    if not drafts:
        raise InputError(NO_TURNS_MESSAGE)
    roles = _assign_roles(drafts, (candidate or "").strip())
    return transcript_from_turns(_turns(drafts, roles))


def transcript_from_turns(turns: Iterable[Turn]) -> Transcript:
    """A transcript of ``turns`` with empty turns dropped and same-speaker runs merged.

    A merged turn keeps the name and time of its first part; texts are joined with a space.
    """
    merged: list[Turn] = []
    for turn in turns:
        body = turn.text.strip()
        if not body:
            continue
        if merged and merged[-1].speaker == turn.speaker:
            last = merged[-1]
            merged[-1] = Turn(last.speaker, f"{last.text} {body}", last.name, last.time_s)
        else:
            merged.append(Turn(turn.speaker, body, turn.name, turn.time_s))
    return Transcript(tuple(merged))


def is_backchannel(text: str) -> bool:
    """Whether an interviewer turn only acknowledges ("mhm", "ok", "I see", "right right right").

    True for a turn without a question mark or any of :data:`PROMPT_WORDS` ("Tell me about
    yourself." prompts) that has at most :data:`BACKCHANNEL_MAX_WORDS` words, or any number
    of :data:`ACKNOWLEDGEMENTS` ("mm-hmm", "right right right").
    """
    tokens = [token.casefold() for token in _BACKCHANNEL_TOKEN.findall(text)]
    if "?" in text or PROMPT_WORDS.intersection(tokens):
        return False
    return len(_WORD.findall(text)) <= BACKCHANNEL_MAX_WORDS or all(
        token in ACKNOWLEDGEMENTS for token in tokens
    )


def exchanges(transcript: Transcript) -> tuple[Exchange, ...]:
    """Each interviewer prompt paired with the candidate's answer to it, in order.

    An interviewer backchannel between two candidate turns is dropped and the answer pieces
    are joined with a space. Consecutive interviewer prompts without an answer between them
    are joined into one question. A candidate turn before any prompt answers the empty
    question ``""``; a prompt never answered is dropped. Small talk stays an exchange.
    """
    turns = transcript.turns
    found: list[Exchange] = []
    question: str | None = None
    answer: list[str] = []
    for index, turn in enumerate(turns):
        if turn.speaker == "candidate":
            answer.append(turn.text)
            continue
        next_is_candidate = index + 1 < len(turns) and turns[index + 1].speaker == "candidate"
        if answer and next_is_candidate and is_backchannel(turn.text):
            continue
        if answer:
            found.append(Exchange(question or "", " ".join(answer)))
            question, answer = None, []
        question = turn.text if question is None else f"{question} {turn.text}"
    if answer:
        found.append(Exchange(question or "", " ".join(answer)))
    return tuple(found)


def answer_turns(transcript: Transcript) -> tuple[tuple[Turn, ...], ...]:
    """The candidate turns each answer of :func:`exchanges` is made of, in the same order.

    :func:`exchanges` puts every candidate turn into exactly one answer, keeps their order and
    joins an answer's turns with a space, so the turns are taken in order until their joined
    text is as long as the answer. Useful to find when an answer was given (``Turn.time_s``).
    """
    candidate = iter(turn for turn in transcript.turns if turn.speaker == "candidate")
    out: list[tuple[Turn, ...]] = []
    for pair in exchanges(transcript):
        taken: list[Turn] = []
        length = -1
        while length < len(pair.answer):
            turn = next(candidate)
            taken.append(turn)
            length += len(turn.text) + 1
        out.append(tuple(taken))
    return tuple(out)


def _line_drafts(lines: Sequence[str]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for line in lines:
        header = _HEADER_LINE.match(line)
        if header and _looks_like_speaker(header["name"]):
            drafts.append(_Draft(_clean_name(header["name"]), _seconds(header["ts"])))
            continue
        for piece in _pipe_pieces(line):
            _take_piece(drafts, piece)
    return drafts


def _pipe_pieces(line: str) -> list[str]:
    """``line`` split at each ``|`` that is followed by a speaker label."""
    pieces: list[str] = []
    for piece in line.split("|"):
        if pieces and _label(piece) is None:
            pieces[-1] = f"{pieces[-1]}|{piece}"
        else:
            pieces.append(piece)
    return pieces


def _take_piece(drafts: list[_Draft], piece: str) -> None:
    label = _label(piece)
    if label is not None:
        name, time_s, body = label
        drafts.append(_Draft(name, time_s, [body]))
    elif drafts and piece.strip():
        drafts[-1].lines.append(piece.strip())


def _label(line: str) -> tuple[str, float | None, str] | None:
    """(speaker, seconds, text) when ``line`` opens with a speaker label, else ``None``."""
    match = _LABEL_LINE.match(line)
    if match is None or not _looks_like_speaker(match["name"]):
        return None
    stamp = match["ts"] or match["ts2"]
    return _clean_name(match["name"]), _seconds(stamp), (match["text"] or "").strip()


def _cue_drafts(lines: Sequence[str]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for block in _blocks(lines):
        timing = next((i for i, line in enumerate(block) if _CUE_TIMING.match(line)), None)
        if timing is None:
            if not block[0].strip().startswith(_CUE_BLOCK_KINDS):
                for line in block:
                    _take_piece(drafts, _plain(line))
            continue
        stamp = _CUE_TIMING.match(block[timing])
        time_s = _seconds(stamp["ts"]) if stamp else None
        _take_cue(drafts, " ".join(block[timing + 1 :]), list(block[timing + 1 :]), time_s)
    return drafts


def _blocks(lines: Sequence[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _take_cue(drafts: list[_Draft], payload: str, lines: list[str], time_s: float | None) -> None:
    voices = list(_VOICE_TAG.finditer(payload))
    if not voices:
        for line in lines:
            before = len(drafts)
            _take_piece(drafts, _plain(line))
            if len(drafts) > before and drafts[-1].time_s is None:
                drafts[-1].time_s = time_s
        return
    lead = _plain(payload[: voices[0].start()])
    if lead and drafts:
        drafts[-1].lines.append(lead)
    for i, voice in enumerate(voices):
        end = voices[i + 1].start() if i + 1 < len(voices) else len(payload)
        body = _plain(payload[voice.end() : end])
        name = _clean_name(voice.group(1))
        if drafts and drafts[-1].name.casefold() == name.casefold():
            drafts[-1].lines.append(body)
        else:
            drafts.append(_Draft(name, time_s, [body]))


def _plain(text: str) -> str:
    return html.unescape(_ANY_TAG.sub("", text)).strip()


def _clean_name(name: str) -> str:
    return " ".join(name.strip(" \t[]").split())


def _looks_like_speaker(name: str) -> bool:
    """A role label, or a name whose words are capitalised (so "The reason is:" is text)."""
    if _role_of_label(name) is not None:
        return True
    words = [word.strip("()[].'’-") for word in name.split()]
    return all(
        not word or word[0].isupper() or word[0].isdigit() or word in _NAME_PARTICLES
        for word in words
    )


def _role_of_label(label: str) -> Speaker | None:
    tokens = re.findall(r"[a-z]+", label.casefold())
    whole = " ".join(tokens)
    if whole in _INTERVIEWER_LABELS or _INTERVIEWER_WORDS.intersection(tokens):
        return "interviewer"
    if whole in _CANDIDATE_LABELS or _CANDIDATE_WORDS.intersection(tokens):
        return "candidate"
    return None


def _seconds(stamp: str | None) -> float | None:
    if not stamp:
        return None
    parts = [float(part.replace(",", ".")) for part in _STAMP_PARTS.findall(stamp)]
    total = 0.0
    for part in parts:
        total = total * 60 + part
    return total


def _speakers(drafts: Sequence[_Draft]) -> dict[str, str]:
    """Speaker key (casefolded name) -> name as first written, in order of appearance."""
    names: dict[str, str] = {}
    for draft in drafts:
        names.setdefault(draft.name.casefold(), draft.name)
    return names


def _assign_roles(drafts: Sequence[_Draft], candidate: str) -> dict[str, Speaker | None]:
    """Speaker key -> role; ``None`` marks a label that is really text (see :func:`_turns`)."""
    names = _speakers(drafts)
    by_label = {key: _role_of_label(name) for key, name in names.items()}
    unknown = [key for key, role in by_label.items() if role is None]
    listed = ", ".join(names.values())
    if candidate:
        chosen = {key for key, name in names.items() if _names_match(name, candidate)}
        if chosen:
            return {
                key: "candidate" if key in chosen else (by_label[key] or "interviewer")
                for key in names
            }
        if unknown:
            raise InputError(f"no speaker matches candidate '{candidate}' (found: {listed})")
    if not unknown:
        return dict(by_label)
    labelled: set[Speaker] = {role for role in by_label.values() if role is not None}
    if len(labelled) == 2:
        return dict(by_label)
    if len(labelled) == 1 and len(unknown) == 1:
        other: Speaker = "candidate" if "interviewer" in labelled else "interviewer"
        return {**by_label, unknown[0]: other}
    if len(names) >= 3:
        raise InputError(f"several speakers found ({listed}): name the candidate with --candidate")
    if len(names) == 1:
        raise InputError(
            f"only one speaker found ({listed}): expected an interviewer and a candidate"
        )
    first, second = names
    asked = dict.fromkeys(names, 0)
    for draft in drafts:
        if draft.text.rstrip().endswith("?"):
            asked[draft.name.casefold()] += 1
    interviewer = second if asked[second] > asked[first] else first
    return {key: "interviewer" if key == interviewer else "candidate" for key in names}


def _names_match(name: str, candidate: str) -> bool:
    name_words, wanted_words = name.casefold().split(), candidate.casefold().split()
    if not name_words or not wanted_words:
        return False
    same_first = name_words[0] == wanted_words[0]
    return name_words == wanted_words or (
        same_first and min(len(name_words), len(wanted_words)) == 1
    )


def _turns(drafts: Sequence[_Draft], roles: dict[str, Speaker | None]) -> list[Turn]:
    """Drafts as turns; a label with no role (``Note: ...`` among role labels) stays text."""
    turns: list[Turn] = []
    for draft in drafts:
        role = roles[draft.name.casefold()]
        if role is None:
            if turns:
                last = turns[-1]
                text = f"{last.text} {draft.name}: {draft.text}"
                turns[-1] = Turn(last.speaker, text, last.name, last.time_s)
            continue
        turns.append(Turn(role, draft.text, draft.name, draft.time_s))
    return turns
