"""What kind of question was asked, read from its wording when it does not come from the bank.

The kind decides what a good answer must contain: a past example for a behavioural question,
a direct reply for a screening question, questions of one's own at the close.
"""

from __future__ import annotations

import re
from typing import Literal

AnswerKind = Literal[
    "behavioural",
    "motivation",
    "situational",
    "screening",
    "technical-general",
    "closing",
    "small-talk",
]


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


# Order matters: the first kind whose pattern matches wins.
_RULES: tuple[tuple[AnswerKind, re.Pattern[str]], ...] = (
    (
        "closing",
        _rx(
            r"\bany (?:other )?questions\b",
            r"\bquestions (?:for|about) (?:me|us|the role|the team)\b",
            r"\banything else (?:you(?:'d)? (?:like|want)|we should)\b",
            r"\bis there anything (?:else )?(?:you|we)\b.*\b(?:ask|know|add)\b",
        ),
    ),
    (
        "screening",
        _rx(
            r"\bsalary\b",
            r"\bcompensation\b",
            r"\bpay (?:range|expectations?)\b",
            r"\bexpect(?:ations)? .{0,20}\b(?:pay|earn|salary|rate)\b",
            r"\bnotice period\b",
            r"\bhow soon can you start\b",
            r"\b(?:when|how soon) (?:could|can|would) you (?:start|join)\b",
            r"\bauthori[sz]ed to work\b",
            r"\bwork (?:permit|authori[sz]ation|visa)\b",
            r"\bsponsorship\b",
            r"\brelocat",
            r"\bcommute\b",
            r"\bwilling to (?:travel|work (?:weekends|nights|shifts|overtime))\b",
            r"\b(?:shifts?|weekends|night shifts?|on-call)\b.*\?",
            r"\bdriv(?:er'?s|ing) licen[cs]e\b",
            r"\bgap in your (?:cv|resume|résumé|employment)\b",
            r"\bwhy (?:are|did) you (?:leav|left|looking)",
            r"\bwhat other (?:roles|companies|interviews)\b",
        ),
    ),
    (
        "behavioural",
        _rx(
            r"\btell (?:me|us) about a (?:time|situation|moment|project|case|mistake|conflict)\b",
            r"\b(?:describe|share|walk (?:me|us) through) (?:a|an|one|the) "
            r"(?:time|situation|moment|example|project|occasion)\b",
            r"\bgive (?:me|us) an? (?:example|instance)\b",
            r"\bhave you ever\b",
            r"\bwhen (?:was the last time|did you last)\b",
            r"\ba time (?:when )?you\b",
            r"\bdemonstrated\b",
            r"\bproudest\b|\bbiggest (?:achievement|accomplishment|failure|mistake)\b",
            r"\bfailure\b",
            r"\btell (?:me|us) (?:about )?(?:a )?time\b",
            r"\btell (?:me|us) how you (?:demonstrate|handled?|dealt|led)\b",
        ),
    ),
    (
        "situational",
        _rx(
            r"\bwhat would you do\b",
            r"\bhow would you (?:handle|approach|deal|respond|react|prioriti[sz]e|manage)\b",
            r"\bimagine\b",
            r"\bsuppose\b",
            r"\bif you (?:were|had|found|saw|disagreed|joined)\b",
            r"\bin your first (?:\d+|thirty|sixty|ninety|90|30|60) days\b",
        ),
    ),
    (
        "motivation",
        _rx(
            r"\btell (?:me|us) (?:a (?:little|bit) )?about yourself\b",
            r"\bwalk (?:me|us) through your (?:cv|resume|background|career)\b",
            r"\bwhy (?:do you want|are you interested|this (?:role|job|company|position)|us\b)",
            r"\bwhy (?:do you think )?(?:that )?(?:we|i) should (?:hire|choose|pick)\b",
            r"\bwhy should (?:we|i) (?:hire|choose|pick)\b",
            r"\b(?:your|a) (?:greatest |biggest |main )?(?:weakness|weaknesses|strengths?)\b",
            r"\bany (?:extracurriculars|hobbies|interests)\b",
            r"\bwhat (?:interests|attracts|excites|motivates|draws) you\b",
            r"\bwhere do you see yourself\b",
            r"\bwhat are you looking for\b",
            r"\bwhat do you know about (?:us|our|the company)\b",
            r"\bcareer goals?\b",
            r"\bwhat makes you (?:a good fit|the right|unique)\b",
        ),
    ),
    (
        "small-talk",
        _rx(
            r"^\W*(?:so|well|ok|okay|great|hi|hello|hey)?[\s,]*(?:hi|hello|hey)?[\s,]*"
            r"how(?:'s| (?:are|is)) "
            r"(?:you|your day|it going)(?:\s+doing|\s+doin'?)?(?:\s+today)?\W*$",
            r"^\W*(?:so\W+)?how you doing\W*$",
            r"\bdid you find (?:us|the (?:office|place)|it) (?:ok|okay|alright|all right|easily)\b",
            r"\bhow was (?:your|the) (?:trip|journey|drive|weekend|morning|day)\b",
            r"^\W*(?:nice|good|great) to meet you\W*$",
            r"\bthanks? (?:you )?(?:again )?for coming\b",
            r"^\W*(?:so\W+)?(?:hi|hello)\W+i'?m\b",
            r"^\W*\w+(?:\W+\w+)?\W*$",  # one- or two-word prompts ("Ready?", "Really?")
        ),
    ),
)


def classify_question(question: str) -> AnswerKind:
    """The kind of a free-text question; ``technical-general`` when no rule matches."""
    text = question.strip()
    for kind, pattern in _RULES:
        if pattern.search(text):
            return kind
    return "technical-general"
