import re

import pytest

from greenroom.text.phrases import (
    ARROGANCE_RE,
    BLAME_RE,
    CLICHE_RE,
    EMPLOYER_FOCUS_RE,
    ENTHUSIASM_RE,
    EVASIVE_RE,
    LOW_COMMITMENT_RE,
    NO_INTEREST_RE,
    OVERSHARING_RE,
    PREMATURE_TERMS_RE,
    SELF_CENTERED_RE,
    UNPREPARED_RE,
    negative_about_others,
    phrase_use,
)

LEXICONS: dict[str, re.Pattern[str]] = {
    "cliche": CLICHE_RE,
    "blame": BLAME_RE,
    "arrogance": ARROGANCE_RE,
    "oversharing": OVERSHARING_RE,
    "premature_terms": PREMATURE_TERMS_RE,
    "self_centered": SELF_CENTERED_RE,
    "no_interest": NO_INTEREST_RE,
    "low_commitment": LOW_COMMITMENT_RE,
    "unprepared": UNPREPARED_RE,
    "evasive": EVASIVE_RE,
    "enthusiasm": ENTHUSIASM_RE,
    "employer_focus": EMPLOYER_FOCUS_RE,
}

HITS: list[tuple[str, str, str]] = [
    ("cliche", "Honestly I am a perfectionist at heart.", "perfectionist"),
    ("cliche", "People say I'm a real team player.", "team player"),
    ("cliche", "I always give 110% to every client.", "give 110%"),
    ("cliche", "I like to think outside the box.", "think outside the box"),
    ("cliche", "I'm very detail-oriented and a self-starter.", "detail-oriented"),
    ("blame", "The launch slipped, but it wasn't my fault.", "it wasn't my fault"),
    ("blame", "We missed it because my manager never signed off.", "because my manager never"),
    ("blame", "Nobody told me the client had changed the date.", "Nobody told me"),
    ("blame", "Honestly the vendor messed up the delivery.", "the vendor messed up"),
    ("arrogance", "I was the smartest person in that office.", "the smartest person"),
    ("arrogance", "I carried the team through the whole audit.", "I carried the team"),
    ("arrogance", "Frankly I don't need feedback.", "I don't need feedback"),
    ("arrogance", "You'd be lucky to get me.", "You'd be lucky"),
    ("oversharing", "That year I was going through a divorce.", "divorce"),
    ("oversharing", "I was late because I was hungover.", "hungover"),
    ("oversharing", "My therapist suggested I switch careers.", "My therapist"),
    ("oversharing", "I had to move out after a messy break-up.", "messy break-up"),
    ("premature_terms", "What is the salary for this role?", "salary"),
    ("premature_terms", "Can I work from home on Fridays?", "work from home"),
    ("premature_terms", "What are the benefits like?", "What are the benefits"),
    ("premature_terms", "How many sick days do I get?", "sick days"),
    ("premature_terms", "Does it pay well?", "pay"),
    ("self_centered", "It would look good on my resume.", "look good on my resume"),
    ("self_centered", "Honestly I'm here for the money.", "for the money"),
    ("self_centered", "The office is close to my home.", "close to my home"),
    (
        "no_interest",
        "I don't know much about your company.",
        "I don't know much about your company",
    ),
    ("no_interest", "I'd take whatever job is open.", "whatever job"),
    ("no_interest", "I applied to everything on the board.", "I applied to everything"),
    ("low_commitment", "I'd stay for a year or two.", "stay for a year or two"),
    ("low_commitment", "Only until something better comes up.", "until something better"),
    ("low_commitment", "Eventually I want to start my own business.", "start my own business"),
    ("unprepared", "Sorry, I haven't looked at the website.", "I haven't looked"),
    ("unprepared", "So what does your company do exactly?", "what does your company do"),
    ("unprepared", "Could you remind me what the role is?", "remind me what the role is"),
    ("evasive", "I'd rather not say.", "I'd rather not say"),
    ("evasive", "Hard to say, really.", "Hard to say"),
    ("evasive", "Can we go to the next question?", "next question"),
    ("evasive", "Pass.", "Pass"),
    ("cliche", "At the end of the day, customers want honesty.", "At the end of the day"),
    ("blame", "Honestly it wasn't really my mistake.", "wasn't really my mistake"),
    ("blame", "My shift supervisor failed to sign the form.", "My shift supervisor failed to"),
    ("blame", "They never sent us the final artwork.", "They never sent us"),
    ("blame", "Stock counts are not my job, that's the office.", "not my job"),
    ("arrogance", "Frankly I know more than any of them.", "I know more than any of"),
    ("arrogance", "No one else could have handled that client.", "No one else could have handled"),
    (
        "arrogance",
        "Nobody else can run a till as well as me.",
        "Nobody else can run a till as well as me",
    ),
    ("arrogance", "Let's be clear: I'm the best.", "I'm the best"),
    ("oversharing", "I was diagnosed with a heart condition last year.", "diagnosed with"),
    ("oversharing", "I got really drunk at the staff party.", "drunk"),
    ("oversharing", "My ex and I still share the flat.", "My ex"),
    ("oversharing", "My ex-husband took the car.", "My ex-husband"),
    ("self_centered", "The money, mostly.", "The money, mostly"),
    ("self_centered", "Mainly for the pay, if I'm honest.", "Mainly for the pay"),
    ("self_centered", "The pay is a real step up for me.", "pay is a real step up for me"),
    (
        "self_centered",
        "The bonus would be far better than what I earn today.",
        "bonus would be far better than what I earn",
    ),
    ("no_interest", "Honestly, I'm not picky.", "I'm not picky"),
    ("low_commitment", "I'll take it for now and see how it goes.", "see how it goes"),
    ("unprepared", "I haven't really looked at your site.", "I haven't really looked"),
    (
        "unprepared",
        "I didn't get a chance to look at the company.",
        "I didn't get a chance to look at the company",
    ),
    ("unprepared", "I didn't prepare much, sorry.", "I didn't prepare"),
    ("enthusiasm", "I'm really excited about the product.", "excited"),
    ("enthusiasm", "I would love to build this with you.", "love"),
    ("enthusiasm", "I've always been drawn to logistics.", "drawn to"),
    ("employer_focus", "I want to help your customers succeed.", "your customers"),
    ("employer_focus", "I could contribute from the first week.", "contribute"),
    ("employer_focus", "That is why this role fits.", "this role"),
]

NEAR_MISSES: list[tuple[str, str]] = [
    ("cliche", "I play on a football team with my players."),
    ("cliche", "The box of parts arrived outside the door."),
    ("cliche", "I worked hard on the migration and it paid off."),
    ("blame", "It was my fault and I owned it."),
    ("blame", "I took the blame and fixed the process."),
    ("blame", "We slipped because I didn't check the dates."),
    ("arrogance", "She was the best mentor I ever had."),
    ("arrogance", "I asked for help and feedback early."),
    ("arrogance", "I make mistakes and I learn from them."),
    ("oversharing", "I gave medication to patients on the ward."),
    ("oversharing", "We had to break up the monolith into services."),
    ("oversharing", "I kept the chain of custody for every sample."),
    ("oversharing", "I stay out of office politics."),
    ("premature_terms", "I ran pay-per-click campaigns."),
    ("premature_terms", "I paid attention to the details."),
    ("premature_terms", "The benefits of the new process were clear."),
    ("premature_terms", "I managed a remote team across three countries."),
    ("premature_terms", "The hard work paid off in the end."),
    ("self_centered", "I moved closer to the data team."),
    ("self_centered", "Your mission matters to me."),
    ("self_centered", "We saved money for the client."),
    ("no_interest", "Any job I take on, I finish."),
    ("no_interest", "I don't care who gets the credit."),
    ("no_interest", "I read a lot about your company."),
    ("low_commitment", "I worked there for a while before I was promoted."),
    ("low_commitment", "My short-term goal is to learn your stack."),
    ("low_commitment", "I want to grow here for the long run."),
    ("unprepared", "I read your annual report last night."),
    ("unprepared", "I looked at the role carefully."),
    ("unprepared", "I remember applying in March."),
    ("evasive", "I passed the exam on my first try."),
    ("evasive", "I had to pass the ball to the team."),
    ("evasive", "I know the answer: it was a missing index."),
    ("cliche", "At the end of the day I lock up and set the alarm."),
    ("blame", "Reordering stock is not my job, but I did it anyway."),
    ("blame", "Technically it's not my responsibility. But I'd rather fix it myself."),
    ("arrogance", "I'm the best-placed person to take this on."),
    ("arrogance", "Nobody else could make the Sunday shift, so I took it."),
    ("oversharing", "My ex-manager recommended me for this."),
    ("oversharing", "A drunk guest started a fight in the lobby."),
    ("oversharing", "The resident was diagnosed with dementia in May."),
    ("oversharing", "We ran a rehab group for stroke patients."),
    ("self_centered", "I saw the benefits of peer review in my last team."),
    ("self_centered", "We argued for the pay review to be brought forward."),
    ("self_centered", "This role is the natural step up for me."),
    ("no_interest", "I'm not picky about night shifts at all."),
    ("low_commitment", "He told me he'd see how it goes with his back."),
    ("unprepared", "I didn't research the supplier's lead times well enough."),
    ("unprepared", "I didn't prepare the handover notes that week."),
    ("enthusiasm", "The lovely thing is the office."),
    ("enthusiasm", "I reported the issue to my manager."),
    ("enthusiasm", "It was a long week."),
    ("employer_focus", "My own goals come first."),
    ("employer_focus", "A role model of mine is my aunt."),
    ("employer_focus", "I helped my sister move house."),
]


@pytest.mark.parametrize(("lexicon", "text", "expected"), HITS)
def test_each_lexicon_finds_the_phrase_it_lists(lexicon: str, text: str, expected: str) -> None:
    use = phrase_use(text, LEXICONS[lexicon])
    assert expected in [e.text for e in use.evidence]
    assert use.count == len(use.evidence)


@pytest.mark.parametrize(("lexicon", "text"), NEAR_MISSES)
def test_each_lexicon_ignores_near_misses(lexicon: str, text: str) -> None:
    assert phrase_use(text, LEXICONS[lexicon]).count == 0


def test_phrase_use_matches_curly_apostrophes() -> None:
    assert phrase_use("It wasn’t my fault.", BLAME_RE).count == 1


def test_phrase_use_works_with_a_pattern_of_the_callers_own() -> None:
    use = phrase_use("one fish, two fish", re.compile(r"fish"))
    assert use.count == 2


@pytest.mark.parametrize(
    "text",
    [
        "My last manager was completely incompetent.",
        "The team there was lazy and I carried them.",
        "I found my manager useless in a crisis.",
        "I think he's clueless about budgets.",
        "It was a toxic workplace with a micromanager in charge.",
        "Honestly my old supervisor was a nightmare.",
        "The whole place was a joke from top to bottom.",
        "Her boss was a nightmare to work with.",
    ],
)
def test_negative_about_others_flags_disparaging_other_people(text: str) -> None:
    assert negative_about_others(text).count >= 1


@pytest.mark.parametrize(
    "text",
    [
        "I was lazy about documentation early on.",
        "I'll admit I was a bit lazy with testing back then.",
        "I felt stupid after that mistake, so I fixed it.",
        "Our manager was supportive and clear.",
        "The old booking form was a nightmare to fill in.",
        "Our stock sheet was a joke, so I rebuilt it.",
        "I told a joke to break the ice.",
    ],
)
def test_negative_about_others_ignores_self_criticism_and_praise(text: str) -> None:
    assert negative_about_others(text).count == 0
