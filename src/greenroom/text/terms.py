"""The candidate's own terms of employment (pay, time off, schedule, perks), as opposed to the
same words inside a story ("we raised $50,000", "they had to pay a deposit").

A term counts when its sentence states or asks for the candidate's own conditions: a first-person
want or expectation ("I'm looking for $90k", "I need Fridays off"), a question about the package
("What are the benefits?", "How many vacation days do you offer?"), or the candidate's current
pay, stated or compared ("I currently make 70k", "the bonus is better than what I get now",
"the salary is a big step up for me"). Pure; empty input gives an empty tuple.
"""

from __future__ import annotations

import re

from greenroom.domain.models import Evidence
from greenroom.text.money import money_amounts
from greenroom.text.phrases import PREMATURE_TERMS_RE, phrase_use
from greenroom.text.tokens import sentences

OWN_TERMS_CUE = re.compile(
    r"\b(?:i'?d (?:like|want|prefer|need|expect)|i would (?:like|want|prefer|need|expect)"
    r"|i (?:want|need|expect|prefer|require|insist)"
    r"|i'?m (?:looking (?:for|at)|hoping for|expecting|asking|aiming for|targeting)"
    r"|i am (?:looking (?:for|at)|hoping for|expecting|asking|aiming for|targeting)"
    r"|(?:important|essential|non-negotiable) to me"
    r"|do you (?:offer|provide|have|allow|give|pay)|will i|would i|can i|could i|am i"
    r"|is there|are there|what (?:is|are|'s) (?:the|your)|how (?:much|many|long|often)"
    r"|my (?:salary|pay|current (?:salary|pay|rate)|vacation|bonus|rate)"
    r"|i (?:currently )?(?:make|earn|get paid)|deal[- ]?breaker|as long as i"
    r"|step up for me|(?:better|more|higher) than (?:what )?i(?:['’]m| am)? (?:currently )?"
    r"(?:get|make|earn|on|paid)|than my current|i get (?:now|at the moment|currently))\b",
    re.IGNORECASE,
)


def own_terms(text: str) -> tuple[Evidence, ...]:
    """Terms and money amounts in sentences about the candidate's own conditions."""
    spans = phrase_use(text, PREMATURE_TERMS_RE).evidence + money_amounts(text)
    if not spans:
        return ()
    asking = [s for s in sentences(text) if s.text.endswith("?") or OWN_TERMS_CUE.search(s.text)]
    return tuple(
        sorted(
            (span for span in spans if any(s.start <= span.start < s.end for s in asking)),
            key=lambda e: e.start,
        )
    )
