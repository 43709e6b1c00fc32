"""Pure metrics on answer text: each module measures one family and quotes its evidence."""

from greenroom.text.fillers import FillerUse, fillers
from greenroom.text.hedges import HedgeUse, hedges
from greenroom.text.jobterms import TermUse, job_terms, terms_used
from greenroom.text.language import Readability, binary_share, check_answer_text, english_share
from greenroom.text.length import Length, length, per_100_words
from greenroom.text.lexicon import Lexicon, compile_lexicon
from greenroom.text.motivation import Motivation, motivation
from greenroom.text.overlap import Overlap, content_words, lexical_overlap, stem
from greenroom.text.ownership import Ownership, ownership
from greenroom.text.phrases import (
    ARROGANCE_RE,
    BLAME_RE,
    CLICHE_RE,
    EMPLOYER_FOCUS_RE,
    ENTHUSIASM_RE,
    EVASIVE_RE,
    LOW_COMMITMENT_RE,
    NEGATIVE_RE,
    NO_INTEREST_RE,
    OVERSHARING_RE,
    PREMATURE_TERMS_RE,
    SELF_CENTERED_RE,
    UNPREPARED_RE,
    PhraseUse,
    negative_about_others,
    phrase_use,
)
from greenroom.text.repetition import Repetition, repetition
from greenroom.text.results import quantified_results
from greenroom.text.specificity import Specificity, specificity
from greenroom.text.star import (
    PointFirst,
    StarParts,
    leads_with_point,
    past_tense_story,
    star_count,
    star_parts,
)

__all__ = [
    "ARROGANCE_RE",
    "BLAME_RE",
    "CLICHE_RE",
    "EMPLOYER_FOCUS_RE",
    "ENTHUSIASM_RE",
    "EVASIVE_RE",
    "LOW_COMMITMENT_RE",
    "NEGATIVE_RE",
    "NO_INTEREST_RE",
    "OVERSHARING_RE",
    "PREMATURE_TERMS_RE",
    "SELF_CENTERED_RE",
    "UNPREPARED_RE",
    "FillerUse",
    "HedgeUse",
    "Length",
    "Lexicon",
    "Motivation",
    "Overlap",
    "Ownership",
    "PhraseUse",
    "PointFirst",
    "Readability",
    "Repetition",
    "Specificity",
    "StarParts",
    "TermUse",
    "binary_share",
    "check_answer_text",
    "compile_lexicon",
    "content_words",
    "english_share",
    "fillers",
    "hedges",
    "job_terms",
    "leads_with_point",
    "length",
    "lexical_overlap",
    "motivation",
    "negative_about_others",
    "ownership",
    "past_tense_story",
    "per_100_words",
    "phrase_use",
    "quantified_results",
    "repetition",
    "specificity",
    "stem",
    "star_count",
    "star_parts",
    "terms_used",
]
