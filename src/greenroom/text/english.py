"""The one constants table for English: every lexicon and tunable the text metrics use.

Phrases are matched by :func:`greenroom.text.phrases.compile_lexicon`: case-insensitive, at
word boundaries, a space matches any run of whitespace and a straight apostrophe also matches
a curly one. A phrase may be a regular expression fragment; such fragments use no spaces
except where the answer has whitespace.
"""

from __future__ import annotations

SPEAKING_WPM = 150.0
"""Conversational speaking rate used to turn a typed answer into seconds of speech."""

NUMBER_WORDS: tuple[str, ...] = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "thousand", "million", "billion", "half", "dozen",
    "percent",
)  # fmt: skip

# --- delivery -----------------------------------------------------------------------------

FILLERS: tuple[str, ...] = (
    "um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm", "mm",
    "you know", "i mean", "kinda", "sort of", "kind of", "basically", "literally", "like",
)  # fmt: skip
"""Plain words, so the single-word ones double as a vocabulary; context rules live in fillers.py."""

KIND_OF_DETERMINERS: frozenset[str] = frozenset(
    "what this that the a an any some every which one no same these those all "
    "different another each whatever".split()
)
"""A word before "kind of" / "sort of" that makes it a real noun phrase ("what kind of")."""

LIKE_VERB_BEFORE: frozenset[str] = frozenset(
    "i you we they he she i'd you'd we'd they'd would do does did don't didn't doesn't "
    "really also just i'll we'll would've look looks looked looking sound sounds sounded "
    "feel feels felt seem seems seemed thing things something anything nothing more much "
    "most exactly very people stuff tools areas skills tasks issues problems whatever "
    "lot".split()
)
"""A word before "like" that makes it a verb, a comparison or "such as", never a filler."""

LIKE_COPULAS: frozenset[str] = frozenset(
    "was were is am are it's i'm he's she's we're they're you're that's".split()
)
"""After these, "like" is a filler unless a comparison or a figure follows ("was like a")."""

LIKE_AFTER_FILLERS: frozenset[str] = frozenset("um umm uh uhh uhm er erm hmm so".split())
"""After these, "like" is a filler unless a figure follows ("so like 20 people")."""

LIKE_COMPARISON_AFTER: frozenset[str] = frozenset(
    "a an the that this my your his her their our its it him them me us to what when how "
    "we they he she you i most many every any all other others some".split()
)

I_MEAN_NOT_FILLER_BEFORE: frozenset[str] = frozenset("what do did if".split())

YOU_KNOW_NOT_FILLER_BEFORE: frozenset[str] = frozenset(
    "do did does if would don't didn't doesn't let to will because whether what as".split()
)

NEGATIONS: frozenset[str] = frozenset(
    "not no never don't didn't doesn't wasn't isn't aren't weren't won't wouldn't hardly "
    "barely neither nor".split()
)

HEDGES: tuple[str, ...] = (
    "i think", "i guess", "i suppose", "maybe", "probably", "perhaps", "possibly",
    "i'm not sure", "i am not sure", "not sure", "sort of", "kind of", "i believe",
    "hopefully", "might", "somewhat", "a little bit", "i feel like", "i'd say", "i would say",
    "more or less", "to some extent", "i hope", "i'd like to think", "not entirely sure",
)  # fmt: skip

# --- red-flag lexicons --------------------------------------------------------------------

CLICHES: tuple[str, ...] = (
    "perfectionist", "team player", "think(?:s|ing)? outside (?:of )?the box",
    "hard worker", "hardworking", "hard-working", "go-getter", "people person",
    "detail(?:-| )oriented", "self(?:-| )starter", "self-motivated", "results(?:-| )driven",
    "results(?:-| )oriented", "work too hard", "care too much",
    "wear(?:ing)? (?:many|a lot of) hats",
    "give (?:110|a hundred and ten|one hundred and ten)(?: percent|%)", "synerg(?:y|ies)",
    "passionate about everything", "fast learner", "quick learner", "hit the ground running",
    "go(?:ing)? above and beyond", "at the end of the day(?=,)", "move the needle",
    "low(?:-| )hanging fruit", "circle back", "rock(?: |-)?star", "ninja", "guru",
    "game(?:-| )changer",
    "thought leader", "jack of all trades", "natural(?:-born)? leader", "born leader",
    "win-win", "paradigm shift", "dynamic individual", "strategic thinker",
    "think on my feet", "works? well under pressure", "thrive under pressure",
)  # fmt: skip

NEGATIVE_ABOUT_OTHERS: tuple[str, ...] = (
    "incompetent", "idiots?", "lazy", "useless", "clueless", "morons?", "jerks?", "dumb",
    "stupid", "pathetic", "unprofessional", "backstabb(?:ing|ers?)", "two-faced",
    "control freak", "a nightmare", "a joke", "couldn't stand", "could not stand",
    "micromanag(?:er|ers|ed|es|ing|e)", "micro-manag(?:er|ers|ed|es|ing|e)",
    "toxic (?:boss|manager|team|workplace|culture|environment|company|people|coworkers?|"
    "colleagues?|management|leadership)",
    "(?:terrible|awful|horrible|bad) (?:boss|manager|company|team|management|leadership|"
    "coworkers?|colleagues?|clients?)",
    "worst (?:boss|manager|company|team|job|workplace|client)",
    "hated (?:my|the|our) (?:boss|job|manager|team|company|coworkers?|colleagues?|"
    "management|clients?)",
    "(?:had|have) no idea what (?:they were|he was|she was|they're) doing",
    "didn't know what (?:they were|he was|she was) doing",
)  # fmt: skip

BLAME: tuple[str, ...] = (
    "it wasn't my fault", "it was not my fault", "wasn't my fault", "not my fault",
    "(?:wasn't|was not|isn't|is not) (?:really |actually |technically |strictly )?my "
    "(?:mistake|error|fault)",
    "(?:their|his|her|management's|the client's|the team's) fault",
    "because (?:they|he|she|my (?:boss|manager|team|coworkers?|colleagues?|client)|"
    "the (?:client|team|manager|vendor|developers)) (?:didn't|did not|never|failed|forgot|"
    "wouldn't|refused)",
    "(?:they|he|she) dropped the ball",
    "(?:management|my manager|my boss|the team|my team|the client|the vendor|my coworkers?|"
    "my colleagues?) (?:screwed|messed|mucked) up",
    "(?:management|my manager|my boss|the team|my team|the client|the vendor|my coworkers?|"
    "my colleagues?|my (?:line |team |shift )?(?:supervisor|lead|manager)) failed to",
    "(?:he|she|they) never (?:sent|told|gave|passed (?:on|it)|passed) (?:me|us)",
    "i was never told", "nobody told me", "no one told me", "i was set up to fail",
    "i was set up", "if (?:they|he|she|my (?:boss|manager|team)) had (?:only|just)?",
    "blamed? (?:it )?on (?:them|him|her|the|my|management)", "threw me under the bus",
    "thrown under the bus", "not my job", "not my problem", "not my responsibility",
)  # fmt: skip

ARROGANCE: tuple[str, ...] = (
    "i'm the best(?!-)", "i am the best(?!-)", "i'm simply the best(?!-)",
    "the best in the (?:company|team)",
    "(?:the )?smartest (?:person|one|guy|engineer|in the room)", "i never make mistakes",
    "i don't make mistakes", "i do not make mistakes", "i(?: have|'ve)? never made a mistake",
    "i carried the (?:team|project|company)",
    "(?:nobody|no one|no-one) else (?:could|can|was able to|knew how to) (?:have )?(?:do|done|"
    "handle|handled|figure|figured|fix|fixed|solve|solved|manage|managed|work out|worked out|"
    "sort|sorted|deliver|delivered|pull (?:it|that|this) off|pulled (?:it|that|this) off)",
    "(?:nobody|no one|no-one) else (?:could|can) (?:\\w+ ){1,4}(?:as well as i|as well as "
    "me|like me|like i)",
    "(?:better|smarter) than (?:everyone|anyone|all of them|everybody|the rest)",
    "i don't need (?:help|feedback|training|supervision|a manager)", "i'm always right",
    "i am always right", "i'm overqualified", "i am overqualified", "you'd be lucky",
    "you would be lucky", "lucky to have me", "i don't have (?:any )?weaknesses",
    "i have no weaknesses", "i can't think of any weaknesses", "i'm a genius",
    "without me (?:the|they|it|nothing)",
    "i know more than (?:my|the|everyone|anyone|everybody|all of|any of|most of|them|the rest)",
    "i was the only one who (?:could|cared|knew what)", "i'm too good for",
)  # fmt: skip

OVERSHARING: tuple[str, ...] = (
    "divorce[ds]?", "getting divorced", "my ex(?!-)", "my ex-(?:wife|husband|boyfriend|girlfriend|"
    "partner)", "my therapist", "(?:in|my|couples|started|doing) therapy", "hangover",
    "hungover", "my medications?", "on medication", "my meds", "my diagnosis",
    "diagnosed with", "i(?:'m| am| was) pregnant", "my pregnancy", "got pregnant",
    "my religion", "my religious", "my politics", "my political (?:views|beliefs|opinions)",
    "my debts?", "in debt", "debt collectors?", "bankrupt(?:cy)?", "my landlord",
    "custody (?:battle|hearing|case|dispute|of my)", "my health (?:problems|issues)",
    "my illness", "my surgery", "(?:my|a|our|messy|bad) break-?up", "broke up with",
    "dumped me", "cheated on me", "drunk", "partying", "rehab",
    "my (?:mental health|anxiety|depression)", "my court case", "got arrested",
)  # fmt: skip

PREMATURE_TERMS: tuple[str, ...] = (
    "salary", "salaries", "compensation", "bonus(?:es)?", "pension", "401k", "401\\(k\\)",
    "pay(?!-per|\\s+(?:off|attention|close|back|down|for\\s+itself))",
    "pays(?!\\s+(?:off|attention))", "paid(?!\\s+(?:off|attention|search|social|ads?|media))",
    "(?:the|your|what are the|good|great|health|medical) benefits(?!\\s+(?:of|from|to|for|"
    "that|this|it))",
    "benefits (?:package|plan|plans|are|look|include)", "health insurance", "dental",
    "vacation", "(?:paid|public|bank) holidays?", "holiday (?:allowance|pay|entitlement)",
    "days of holiday", "pto", "paid time off", "time off", "days off", "sick days",
    "(?:mondays|fridays|weekends|afternoons) off",
    "sick leave", "(?:work|working|be|being|go|going|fully|stay) remote(?:ly)?",
    "remote (?:work|working|option|options|policy|days)", "is (?:this|the role|it) remote",
    "work from home", "working from home", "wfh",
    "hybrid (?:work|working|schedule|model|role|option|policy)", "is it hybrid", "commute",
    "parking", "(?:what are the|the working|working|work|office|flexible|core|shorter|fewer|"
    "set|regular) hours", "how many hours", "(?:paid|mandatory|required|expected|much|any|no) "
    "overtime", "overtime (?:pay|rates?|policy)", "(?:my|the work|work|working|flexible|"
    "a flexible) schedule", "flexible working", "start time", "get a raise",
    "(?:a|my|the|pay|salary|annual|yearly) raises?", "perks", "stock options",
    "(?:stock|share|my|the) equity", "equity (?:stake|grant|package|compensation)",
)  # fmt: skip

SELF_CENTERED: tuple[str, ...] = (
    "good for my (?:resume|cv|career|portfolio)", "looks? good on my (?:resume|cv)",
    "stepping(?: |-)?stone", "(?:for|because of) the money", "better pay",
    "pays? (?:more|better|well)",
    "higher (?:pay|salary)", "more money", "the benefits(?!\\s+(?:of|from|to|for)(?![\\w'’]))",
    "the perks(?!\\s+(?:of|from|to|for)(?![\\w'’]))",
    "(?:mainly|mostly|honestly|purely|just|really|primarily) (?:for |because of )?the "
    "(?:pay|money|salary)(?!\\s+(?:rise|review|increase|cut|freeze|gap|band|scale|dispute))",
    "(?:for|because of) the (?:pay|salary)(?!\\s+(?:rise|review|increase|cut|freeze|gap|band|"
    "scale|dispute))",
    "the (?:pay|money|salary),? (?:mainly|mostly|honestly|first|to be honest|if i'm honest)",
    "(?:salary|pay|bonus|package|money)(?: is| would be|'s) (?:a )?(?:big |huge |real |nice |"
    "massive )?step up for me",
    "(?:salary|pay|bonus|package|money|rate)(?: is| would be|'s) (?:much |a lot |far |way )?"
    "(?:better|more|higher) than (?:what )?i(?:'m| am)? (?:currently )?(?:get|make|earn|on|paid)",
    "close to (?:my )?(?:home|house|apartment|flat)", "near (?:my )?(?:home|house)",
    "short commute", "easy job", "need a job", "need the money", "i need money",
    "pay (?:my|the) bills", "learn(?:ing)? on your dime", "(?:the )?(?:salary|pay) is "
    "(?:good|great|better|higher)", "what's in it for me", "get my foot in the door",
    "bored (?:at|in|with) my (?:current )?job", "for my own (?:benefit|gain)",
)  # fmt: skip

NO_INTEREST: tuple[str, ...] = (
    "i (?:don't|do not) (?:really )?know (?:much|anything) about (?:your|the|this) company",
    "whatever (?:job|role|position)", "any (?:job|role|position)(?!\\s+(?:i|where|that|which))",
    "i(?:'ve| have)? applied (?:to|for) (?:everything|everywhere|lots of jobs|a lot of jobs|"
    "(?:a )?bunch of (?:jobs|places)|hundreds of jobs)",
    "not (?:really )?sure what (?:you|your company|the company|you guys) do(?:es)?",
    "no idea what (?:you|your company|the company|you guys) do(?:es)?", "i just need a job",
    "(?:it|which|what|the (?:job|role|company|industry)) (?:doesn't|does not) (?:really )?"
    "matter to me", "(?:the job|the role|the company|which job|which company|where i work) "
    "(?:doesn't|does not) (?:really )?matter",
    "i (?:don't|do not) (?:really )?care (?:what|which|where|about (?:the|this) (?:job|role|"
    "company|industry|product))", "honestly,? i (?:don't|do not) (?:really )?care(?!\\s+who)",
    "i'm not picky(?!\\s+(?:about|with|on|when it comes to)\\s+(?:the\\s+|my\\s+)?"
    "(?:shifts?|hours|nights?|night shifts|weekends?|rotas?|schedules?|locations?|sites?|"
    "start times?|days|tasks|overtime))",
    "i'll take anything", "anything (?:that )?pays", "just (?:a|any) job",
    "a job is a job", "(?:wasn't|not) my first choice", "backup (?:plan|option)",
    "my (?:friend|mom|mum|dad|parents) told me to apply",
)  # fmt: skip

LOW_COMMITMENT: tuple[str, ...] = (
    "for a year or two", "(?:stay|staying|be here|work here|be in this role|do this) (?:for )?"
    "(?:a year or two|a year or so|about a year|a couple (?:of )?years|a (?:little )?while|"
    "a few months)",
    "until something better", "until i find (?:something|a|another|my)", "stepping(?: |-)?stone",
    "not sure how long", "start(?:ing)? my own (?:business|company|firm|agency|practice)",
    "(?:going|go|head|heading) back to (?:school|university|college|grad school)",
    "while i figure (?:out|things out)", "keep(?:ing)? my options open",
    "short(?:-| )term (?:thing|job|gig|role|position|option)", "see how (?:it|things) go(?:es)?",
    "see where (?:it|this|things) go(?:es)?", "gap year", "(?:travel|travelling|traveling) "
    "next year", "until my (?:visa|lease|partner)", "move on (?:after|in) (?:a|one|two|six)",
)  # fmt: skip

UNPREPARED: tuple[str, ...] = (
    "i (?:haven't|have not) (?:really |actually |properly |yet )?(?:looked|read|had a chance|"
    "had time|had much time|checked|prepared|researched)",
    "i (?:didn't|did not) (?:really |get a chance to |have time to |get to |have a chance to |"
    "manage to )?(?:research|look (?:at|into|up)|read (?:up on|about|through)|read|check out|"
    "check|look through|prepare for|go through) (?:the|your|this) (?:company|role|job "
    "(?:description|ad|advert|posting)|job|position|interview|organisation|organization|"
    "website|site|business|firm|team|products?|description|posting|advert|ad)",
    "i (?:didn't|did not) (?:really |get a chance to |have time to |get to |have a chance to )?"
    "(?:prepare|research)(?=\\s*(?:[,.!?;]|$|(?:much|at all|anything|as much|for (?:this|today|"
    "the interview|this interview|you))(?![\\w'’])))",
    "i (?:didn't|did not) (?:really )?(?:read|see) the (?:job )?(?:description|posting|ad|advert)",
    "what (?:exactly )?does (?:your|the|this) company do",
    "remind me what (?:the|this) (?:role|job|position) is",
    "i (?:don't|do not) remember (?:applying|the job|what|which)",
    "i'm not sure what (?:the|this) (?:role|job|position) (?:is|involves|entails)",
    "i forgot (?:which|what) (?:job|role|position)",
    "which (?:role|job|position) is this (?:for )?again",
)  # fmt: skip

EVASIVE: tuple[str, ...] = (
    "i(?:'d| would) rather not (?:say|talk about|get into|discuss|go into)",
    "i (?:don't|do not) want to (?:say|talk about|get into|discuss|go into)", "no comment",
    "(?:i'll|i will|i'm going to|let me) pass", "pass on (?:that|this)", "pass(?=\\W*$)",
    "next question", "let's move on", "i don't know", "i do not know", "hard to say",
    "it depends", "can't really say", "i(?:'d| would) prefer not to",
    "i can't (?:really )?(?:say|answer that|think of (?:one|anything|an example))",
    "nothing comes to mind", "i can't remember (?:a time|one|any)",
    "i (?:don't|do not) have (?:an|any) (?:example|weakness(?:es)?)",
    "that's (?:private|personal)",
)  # fmt: skip

# --- motivation ---------------------------------------------------------------------------

ENTHUSIASM: tuple[str, ...] = (
    "excited", "exciting", "excites me", "love", "loved", "passionate", "eager", "thrilled",
    "can't wait", "energi[sz]ed", "energi[sz]es me", "(?:really )?enjoy(?:ed|ing)?",
    "fascinat(?:ed|ing)", "drawn to", "inspired", "inspiring", "motivated by",
    "looking forward", "keen", "delighted",
)  # fmt: skip

EMPLOYER_FOCUS: tuple[str, ...] = (
    "your (?:mission|customers|clients|patients|students|team|teams|product|products|company|"
    "organisation|organization|users|members|community|goals|roadmap|platform|services?|"
    "values|vision|approach)", "your company's", "contribute", "contributing",
    "help (?:you|the team)", "add value", "make an impact", "this role", "the role",
    "this position", "what you're building", "what you are building",
    "bring to (?:the|your) team", "support (?:you|the team)",
)  # fmt: skip

# --- STAR structure -----------------------------------------------------------------------

ACTION_VERBS: tuple[str, ...] = (
    "decided", "organi[sz]ed", "reorgani[sz]ed", "built", "rebuilt", "created", "led", "met",
    "called", "proposed", "set up", "analy[sz]ed", "trained", "wrote", "rewrote", "designed",
    "redesigned", "negotiated", "scheduled", "tested", "fixed", "mapped", "interviewed",
    "coached", "prioriti[sz]ed", "escalated", "asked", "listened", "explained", "started",
    "introduced", "implemented", "developed", "automated", "reviewed", "investigated",
    "identified", "researched", "contacted", "emailed", "presented", "pitched", "convinced",
    "persuaded", "mentored", "delegated", "documented", "drafted", "planned", "ran",
    "managed", "coordinated", "arranged", "sat down", "spoke", "talked", "reached out",
    "followed up", "gathered", "collected", "compared", "measured", "tracked", "monitored",
    "streamlined", "simplified", "refactored", "migrated", "debugged", "deployed",
    "restructured", "split", "broke (?:it|the|down)", "volunteered", "stepped in",
    "took (?:over|ownership|charge|the lead)", "offered", "suggested", "recommended",
    "requested", "secured", "hired", "recruited", "onboarded", "taught", "showed",
    "demonstrated", "resolved", "handled", "calmed", "apologi[sz]ed", "clarified",
    "summari[sz]ed", "cleaned up", "consolidated", "standardi[sz]ed", "checked", "verified",
    "audited", "surveyed", "prototyped", "sketched", "modell?ed", "calculated", "budgeted",
    "made sure", "kept", "added", "removed", "replaced", "updated", "changed", "adjusted",
    "flagged", "raised (?:it|the issue|this|concerns?)", "brought", "focused", "pushed",
    "worked (?:with|through|late|closely|out)", "went (?:through|back|over|to)", "found",
    "let (?:him|her|them|the|my|our)", "rang", "rebooked", "covered", "photographed",
)  # fmt: skip

IRREGULAR_PAST: tuple[str, ...] = (
    "led", "met", "built", "rebuilt", "wrote", "rewrote", "ran", "made", "took", "gave",
    "spoke", "brought", "sat", "set", "kept", "got", "went", "found", "told", "taught",
    "sent", "spent", "began", "chose", "drew", "drove", "left", "lost", "paid", "put",
    "said", "saw", "sold", "stood", "won", "caught", "bought", "fought", "held", "dealt",
    "cut", "split", "broke", "redid", "overcame", "oversaw", "undertook", "thought", "did",
    "let", "understood", "read", "came", "knew", "felt", "rang", "wrote", "stuck", "swapped",
    "hit", "shut", "quit", "threw", "withdrew", "rewound", "rode", "flew", "fed", "upheld",
)  # fmt: skip

AMBIGUOUS_PAST: frozenset[str] = frozenset(
    "let put set read cut hit shut quit split spread cost".split()
)
"""Past forms that are also present forms ("I set goals"): they count towards a story only
alongside an unambiguous past action."""

PAST_NOT_ACTION: frozenset[str] = frozenset(
    "wanted liked loved hoped needed used believed seemed interested excited tired supposed "
    "based named thought need feed proceed exceed succeed speed bleed breed embed shed shred "
    "bed red wed seed heed felt knew understood hundred".split()
)
"""Past forms of a state or a wish, and present forms ending in -ed ("need"): not actions."""

SITUATION_CUES: tuple[str, ...] = (
    "at my (?:last|previous|current|old|first) (?:job|role|company|employer|workplace|"
    "internship|position|school|team)", "when i was", "while i was", "last (?:year|month|"
    "spring|summer|autumn|fall|winter|quarter|week)", "in my (?:previous|last|current|first) "
    "(?:job|role|position|company|team)", "in my previous", "there was a (?:time|moment|"
    "situation|point|project|period|case)", "we had a", "our team was", "a few (?:years|months|"
    "weeks) ago", "(?:two|three|four|five|a couple of) (?:years|months) ago",
    "(?:back )?in (?:19|20)\\d\\d", "one time", "during my (?:time|internship|placement|first)",
    "i was working (?:at|as|on|for)", "the (?:situation|context|background) was",
    "at the time",
    "(?:last|in|early in|late in|back in|that|one day in) (?:january|february|march|april|june|"
    "july|august|september|october|november|december)", "last may",
    "(?:last|one|that) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    "one (?:morning|afternoon|evening|night|weekend|shift|summer|winter)",
)  # fmt: skip

TASK_CUES: tuple[str, ...] = (
    "my (?:goal|job|task|role|responsibility|brief|assignment|objective|mandate) was",
    "i was (?:responsible|asked|tasked|in charge|assigned|given|expected|supposed|hired to)",
    "i (?:needed|had) to", "we (?:needed|had) to", "the (?:challenge|problem|issue|goal|task|"
    "brief|ask) was", "it was up to me", "it was my job", "i had been asked",
)  # fmt: skip

ACTION_CUES: tuple[str, ...] = (
    "i (?:(?:\\w+ly|then|also|first|personally) )?(?:" + "|".join(ACTION_VERBS) + ")",
    "so i(?!\\s+(?:was|am|think|guess|had|have|would|believe|feel|know))",
    "first,? i",
    "then i",
    "next,? i",
    "after that,? i",
)

RESULT_CUES: tuple[str, ...] = (
    "as a result", "in the end", "which (?:led|meant|resulted|allowed|helped|saved|cut|reduced|"
    "increased)", "resulted in", "led to", "that meant",
    "(?:reduced|increased|improved|saved|grew|lowered|shortened|doubled|halved|tripled|"
    "quadrupled|boosted|won|delivered|finished|shipped|launched|exceeded|surpassed)",
    "cut (?:[\\w$£€%.,]+ ){0,3}(?:by|in half|from)", "raised (?:[\\w$£€%.,]+ ){0,3}(?:by|from)",
    "met (?:the|our|my|every|all|each) (?:\\w+ )?(?:deadlines?|targets?|goals?|quotas?|slas?|"
    "budget|kpis?)", "hit (?:the|our|my|every|all) (?:\\w+ )?(?:deadlines?|targets?|goals?|"
    "quotas?|numbers)", "went (?:up|down) (?:from|by|to)", "(?:dropped|rose|fell|climbed) "
    "(?:from|by|to)", "from [$£€]?\\d[\\d.,]*%? (?:\\w+ ){0,2}to [$£€]?\\d[\\d.,]*%?",
    "the (?:outcome|result)", "(?:the )?results? (?:was|were)", "by the end", "ended up",
    "(?:was|were|got) (?:promoted|recogni[sz]ed|praised|adopted|rolled out)",
    "(?:got|received) (?:positive |great |good )?(?:feedback|praise|an award|recognition)",
    "on time", "under budget", "ahead of schedule", "(?:he|she|they) calmed down",
    "thanked (?:me|us|the team)",
    "instead of (?:\\w+ ){0,2}(?:\\d[\\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|"
    "eleven|twelve|twenty|thirty|forty|fifty|a hundred)",
    "(?:renewed|re-signed|signed|closed|retained|recovered|passed|approved|adopted|completed) "
    "(?:for|the|it|at|with|on|in|all|every|our|their)",
    "(?:have|has) since (?:been )?(?:adopted|used|rolled out|copied|taken up)",
    "(?:added|gained|brought in|won) (?:\\w+ ){0,2}(?:more|new|extra|additional)",
    "asked me to (?:present|lead|train|share|run|mentor|take over)",
    "(?:fewer|less|more|faster|quicker|lower|higher|shorter|longer) than (?:before|last|the "
    "(?:previous|year|month|quarter|week))",
    "(?:down|up) to (?:\\d|one|two|three|four|five|six|seven|eight|nine|ten)",
    "cleared (?:the|our|my|all|every|that) \\w+",
    "(?:score|scores|rating|ratings|nps|csat|accuracy|attendance|retention|conversion) "
    "(?:[\\w,]+ ){0,4}(?:was|were|stood at|came in at|reached|hit) [$£€]?\\d[\\d.,]*%?",
    "found [$£€]\\d[\\d,.]*k? (?:in|of|worth)",
    "got (?:all|every|each) (?:[\\w,]+ ){0,3}(?:out|done|shipped|delivered|through|back|sorted)",
    "(?:left|gave|wrote|posted) (?:us|me|the team|the shop|the store|the ward) (?:an? )?"
    "(?:[\\w-]+ ){0,2}(?:review|rating|compliment)", "(?:five|5)-star (?:review|rating)",
    "(?:haven't|hasn't|have not|has not) had (?:\\w+ ){0,4}since",
    "(?:which|that) (?:brought|got|took|pushed|cut) (?:[\\w,%$£€]+ ){0,4}(?:down|up) to",
    "(?:credited|credits|refunded|refunds|reimbursed|reimburses) (?:us|me|the customer|our)",
    "(?:made|makes) (?:it|that|this|the) (?:[\\w-]+ ){0,3}(?:standard|mandatory|policy|"
    "permanent)",
    "(?:at|hit|reached|to|on|with) \\d[\\d.,]*% of (?:my |our |the )?(?:quota|target|plan|"
    "budget|goal)",
    "(?:first|top|second|third) (?:out )?of \\d[\\d,]* (?:\\w+ )?(?:reps|salespeople|sellers|"
    "agents|advisers|advisors|stores|branches|sites|teams|regions|people|colleagues|in)",
    "(?:he|she|they) (?!never|didn't|did not|wouldn't|refused)(?:\\w+ ){0,3}apologi[sz]ed",
    "(?:was|were) able to (?:carry on|get back to|finish|continue|go home|keep going)",
    "since then,? (?:i|we)", "ever since", "now (?:i|we) (?:always|add|check|ask|make sure|keep|"
    "use|build|plan|double-check)", "i now (?:always|make sure|check|ask|add)",
)  # fmt: skip

LEARNING_CUES: tuple[str, ...] = (
    "i learn(?:ed|t)", "next time", "since then", "taught me", "now i always",
    "i now (?:always|make sure|check|ask|try|start|plan)",
    "(?:the )?lesson (?:i|was|for me)", "i reali[sz]ed", "looking back", "in hindsight",
    "if i did it again", "i would do (?:it|things) differently", "from then on",
    "what i took away", "my takeaway", "i've learned", "i have learned",
)  # fmt: skip

# --- point-first openings -----------------------------------------------------------------

PREAMBLE: tuple[str, ...] = (
    "(?:that's|that is|what) an? (?:good|great|interesting|tough|hard|tricky) question",
    "(?:good|great|interesting|tough|hard|tricky) question", "let me think",
    "let me see", "where (?:do|should) i (?:start|begin)", "how do i put this",
    "i've never thought about (?:it|that)", "oh boy", "oh wow",
)  # fmt: skip

DISCOURSE_MARKERS: frozenset[str] = frozenset(
    "so um umm uh uhh uhm er erm ah hmm mm well okay ok right yeah and but honestly like "
    "alright oh sure basically".split()
)
"""Words an opening may start with before it says anything."""

DIRECT_ANSWERS: tuple[str, ...] = (
    "yes", "yeah", "yep", "no", "nope", "absolutely", "definitely", "certainly",
    "of course", "not really", "sure", "i do", "i don't", "i have", "i haven't", "i would",
    "i can",
)  # fmt: skip

# --- specificity --------------------------------------------------------------------------

UNITS: tuple[str, ...] = (
    "percent", "per cent", "hours?", "days?", "weeks?", "months?", "years?", "minutes?",
    "seconds?", "quarters?", "sprints?", "shifts?", "customers?", "patients?", "students?",
    "tickets?", "orders?", "calls?", "users?", "clients?", "projects?", "people", "persons?",
    "staff", "employees?", "members?", "engineers?", "developers?", "reports?", "stores?",
    "sites?", "accounts?", "cases?", "deals?", "sales", "leads?", "visitors?", "requests?",
    "releases?", "features?", "bugs?", "incidents?", "pages?", "countries", "languages?",
    "teams?", "schools?", "classes", "beds?", "products?", "vendors?", "suppliers?",
    "dollars?", "pounds?", "euros?", "k", "million", "thousand", "hundred", "times",
)  # fmt: skip

WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

FREQUENCY_WORDS: frozenset[str] = frozenset(
    "daily weekly monthly quarterly annually yearly fortnightly hourly nightly".split()
)

NOT_NAMES: frozenset[str] = frozenset(
    "i i'm i've i'd i'll ok okay yes no mr mrs ms dr oh um uh".split()
)
"""Capitalised words that never name a tool, product or organisation."""

TERM_MIN_LETTERS = 7
"""A domain term ("ventilation", "inventory") is an uncommon word at least this long."""

GENERIC_WORDS: frozenset[str] = frozenset(
    """
    communication communications leadership responsibilities opportunity opportunities
    organisation organisations organization organizations passionate passion motivated
    motivation professional professionals environment environments experience experiences
    challenge challenges challenging journey stressful stakeholder stakeholders solution
    solutions together everything something anything nothing everyone somewhere anywhere
    everywhere forever whatever different difference differences abilities ability strengths
    weaknesses weakness successful success successes customer customers positive dedicated
    dedication committed commitment reliable flexible flexibility creative creativity
    innovative innovation efficient efficiency effective teamwork collaboration
    collaborative initiative attitude approach mindset culture values vision mission growth
    development potential ambitious ambition exciting interesting rewarding valuable
    contribution contributions contribute improvement improvements situation situations
    problems priorities pressure general overall various several multiple certain specific
    particular aspects objectives outcomes results productive productivity performance
    progress process processes strategy strategic support qualities capabilities
    competencies organised organized structured proactive dynamic enthusiastic enthusiasm
    confident confidence personality character integrity honesty respect commitment
    resilience resilient adaptable adaptability versatile excellence quality standards
    expectations requirements resources industry business businesses department colleagues
    managers individual individuals members knowledge learning training company companies
    project projects people employer employers position positions workplace workload
    problem-solving hardworking trustworthy reliability accountability ownership feedback
    meaningful fulfilling genuinely absolutely definitely honestly basically actually
    probably obviously literally seriously generally usually normally especially
    important importance necessary possible possibly impossible difficult difficulty
    relevant effectively efficiently successfully positively naturally personally
    something someone somebody anybody everybody another whether however although because
    without between through against towards further already perhaps instead anyways
    bigger biggest smaller smallest greater greatest higher highest better shorter shortest
    longer longest younger youngest weakest busiest heaviest hardest easiest quicker
    quickest straight
    mention remember imagine realise realize suppose compare correct explain improve include
    involve prepare prevent produce protect provide receive recognise recognize recommend
    reflect replace respond suggest approve achieve appreciate understand continue consider
    discover encourage happen deliver develop organise organize welcome believe describe
    discuss expect forget forgive confirm complain explore promise imagine pretend
    examples question questions answers reasons message messages evenings weekend weekends
    holiday holidays minutes seconds moments decision decisions conversation conversations
    discussion discussions attention information picture pictures feeling feelings thought
    thoughts purpose mistakes failure failures pattern patterns details element elements
    factors options feature version section subject content contents context account
    accounts research country village history society science economy student students
    teacher teachers children husband brother sisters daughter parents friends kitchen
    weather football computer internet website machine machines meeting meetings general
    program programs member members chances changes choices efforts example
    another similar serious popular natural typical regular private special current central
    complete obvious perfect helpful careful grateful wonderful beautiful terrible horrible
    awesome fantastic excellent amazing healthy unhappy nervous anxious curious friendly
    familiar comfortable complex frequent massive entire extreme average minimum maximum
    primary secondary initial original valuable reasonable available separate upfront
    forward backwards afterwards altogether sideways nowhere anyway otherwise whenever
    wherever meanwhile therefore moreover furthermore nevertheless anymore sometime
    tomorrow tonight morning mornings afternoon afternoons weekday weekdays
    """.split()
)
"""Long words that say nothing checkable (business jargon, qualities, comparisons, and everyday
words that :data:`COMMON_WORDS` lacks): never a domain term, however rare."""

# --- job descriptions ---------------------------------------------------------------------

JOB_BOILERPLATE: frozenset[str] = frozenset(
    "equal opportunity employer employers benefits benefit apply applying application "
    "applications applicants applicant salary salaries competitive role roles position "
    "positions job jobs candidate candidates company team teams work working experience "
    "years year ability able strong excellent good great skills skill including include "
    "includes required require requirements preferred responsibilities responsibility "
    "qualifications qualification plus bonus etc must will within across new well highly "
    "looking join offer offering opportunity opportunities inclusive inclusion diversity "
    "diverse disability gender race veteran status religion orientation national origin "
    "age regard without accommodation accommodations location remote hybrid office "
    "full-time full part time day days week hours per annum pay package pension insurance "
    "holiday holidays vacation leave please send resume cv cover letter email click today "
    "description about key duties ideal ideally successful what who you're we're us "
    "environment based various other related relevant using use support help make "
    "ensure need needs want also day-to-day level senior junior range".split()
)
"""Words of a job posting that describe the posting itself, not the work."""

TERM_HEADS: tuple[str, ...] = (
    "management", "service", "services", "analysis", "analytics", "development", "design",
    "support", "relations", "planning", "marketing", "engineering", "operations", "skills",
    "success", "experience", "safety", "care", "reporting", "testing", "compliance",
    "modelling", "modeling", "strategy", "administration", "accounting", "research",
)  # fmt: skip

JOB_VERBS: frozenset[str] = frozenset(
    "build run drive own lead manage provide deliver support ensure develop improve create "
    "make help work use do get take give maintain handle perform conduct prepare monitor "
    "track coordinate oversee plan design analyse analyze write review partner join "
    "collaborate communicate document".split()
)
"""Verbs that open job-posting bullets; neither a term nor the modifier of one."""

QUESTION_FRAMING: frozenset[str] = frozenset(
    "tell describe explain give example examples share talk walk please thing things "
    "anything something ever question answer time situation".split()
)
"""Words that frame a question rather than carry its topic ("tell me about...")."""

# --- vocabularies -------------------------------------------------------------------------

STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't
    do does doesn't doing don't down during each either even every few for from further get
    gets got had hadn't has hasn't have haven't having he he'd he'll he's her here here's
    hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't
    it it's its itself just let's lot may me might more most much must mustn't my myself no
    nor not of off on once one only or other others ought our ours ourselves out over own
    quite rather really same shall shan't she she'd she'll she's should shouldn't so some
    still such than that that's the their theirs them themselves then there there's these
    they they'd they'll they're they've this those though through to too under until up
    upon us very was wasn't we we'd we'll we're we've well were weren't what what's when
    when's where where's whether which while who who's whom whose why why's will with
    within without won't would wouldn't yeah yes yet you you'd you'll you're you've your
    yours yourself yourselves ok okay
    """.split()
)

COMMON_WORDS: frozenset[str] = frozenset(
    """
    able accept access account achieve across act action active activity actually add
    address admit advice afraid after afternoon age ago agree agreement ahead aim allow
    almost alone along already although always amount analysis another answer anyone
    anything anyway appear apply approach area argue around arrive article ask asked
    attention available avoid away back bad balance base based basic become bed began begin
    behind believe benefit best better big bit body book boss both bottom brief bring
    broke brought budget build building built business busy buy call called came care
    career carry case cause certain certainly chance change changed charge check child
    children choice choose city claim class clear clearly client close code colleague
    come comes coming comment common company complete completely concern condition
    consider contact continue control cost could country couple course cover create
    created culture current customer customers cut data date day days deal decide decided
    decision deep define deliver department describe design detail details develop
    developed development difference different difficult direct directly discuss doing
    done door double during early easy effect effort else email end energy enjoy enough
    ensure entire environment error especially event ever everyone everything exactly
    example expect experience explain face fact fail fair fall family far fast feedback
    feel felt field figure file final finally find fine finish first fit fix focus follow
    found free friend front full fully future game gave general get give given glad goal
    goes going gone good great group grow growth guess half hand handle happen happened
    happy hard head hear heard help helped high himself hire hold home hope hour hours
    house huge idea impact important improve include including increase individual
    information instead interest interested interview involved issue issues item job join
    keep kept key kind knew know knowledge known large last late later lead leader learn
    learned least leave led left less level life light like likely line list listen
    little live long longer look looked looking lose lost love low made main make making
    manage managed management manager many market matter maybe mean meaning meant meet
    meeting member mind minute minutes miss mistake moment money month months morning move
    moved moving name need needed never new next nice night nobody nothing notice now
    number offer office often old open opportunity order organisation organization
    original others outcome owner pace paid part particular partner party pass past pay
    people per percent perfect perhaps period person personal phone pick piece place plan
    planned play point policy position possible post power practice prepare present
    pressure pretty price problem problems process product production program project
    projects provide public pull purpose push put question questions quick quickly raise
    reach read ready real reason receive recent recently record reduce region relationship
    remember report request require research resource respect response responsible rest
    result results return review right risk role room rule run running said sale sales
    save saw say saying school second see seem seemed seen sell send senior sense serious
    serve service set setting several share short show side simple simply since single
    situation size skill skills small social software solution solve someone something
    sometimes soon sorry sort sound space speak special specific spend spent staff stage
    stand standard start started state stay step stop story strategy strength strong
    student study stuff success successful suggest support sure system table take taken
    talk talked task team teams tell tend term test than thank thanks thing things think
    thinking thought time times today together told took tool top total toward towards
    track train training try trying turn type understand understanding unit until usual
    usually use used user users using value various version view wait walk want wanted
    watch way week weeks weight went whole wide win wish woman word words work worked
    worker working world worry worth write written wrong year years young able across
    actual add added advance agreed allowed already among ask attempt bad began believe
    beyond bring brought call care cause center centre certain chance choice clear close
    colleagues company community complex concern confident consistent contract conversation
    correct create cross daily deadline deadlines decision delivered demand despite
    direction discussion document due earlier easier effective either employee employees
    engineer engineering enough entire expected explained extra faster feature features
    final fixed followed following form forward friendly further goals handled happy
    hired honest hospital however ideas improved increased instead internal itself lack
    largest late leading learnt less lesson listened local lot main major manner means
    measure method middle mine mistakes model monthly necessary network normal note
    numbers objective online onto opened opinion options organised organized outside
    overall own pair patient patients per perform performance phase plans pleased positive
    previous priorities priority probably professional progress proposed quality quarter
    rate reached realised realized really received relevant reply reports request
    required resolved responsibility rather saved schedule scope section seven shift shop
    shows sign similar six sorted spoke store stress structure style suddenly summer
    supplier supply sure target targets teacher technical ten three tickets tight timeline
    tools trust twice two understood unless update updated upset urgent useful version
    visit vs weekly whatever whenever wherever whether within without workload worse
    worst writing yesterday
    """.split()
)
"""About six hundred very frequent English words (with :data:`STOPWORDS`, enough to tell
English from other languages)."""
