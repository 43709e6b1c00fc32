"""Short answers written for these tests, shared by the property-style checks."""

STORY = (
    "At my last job I ran the returns desk for a shoe retailer. Our refunds took nine days "
    "on average and customers were angry. I was asked to get that under a week. I mapped "
    "every step with the warehouse team, cut two manual checks and set up a daily report in "
    "Excel. As a result refunds dropped from 9 days to 4 days within two months, and "
    "complaints fell by 35%. I learned that the slowest step is rarely the one people "
    "complain about."
)
RAMBLING = (
    "So, um, that's a great question. Let me think. Well, I guess I'm kind of a people "
    "person, you know, and I, like, really care about, like, the team and stuff. I mean, "
    "basically I work hard and I think I'm a quick learner, probably."
)
NEGATIVE = (
    "My old boss was incompetent and the whole team was lazy. It wasn't my fault the project "
    "failed; nobody told me the deadline moved. Honestly I'm just here for the money."
)
SCREENING = (
    "Before we go on, what is the salary, and can I work from home? I'd stay for a year or "
    "two while I figure out what I want. I don't know much about your company."
)
MOTIVATED = (
    "I'm genuinely excited about this role. I've used your app for three years, and I'd love "
    "to help your customers get more out of it. I don't love long meetings, though."
)
SPANISH = (
    "Trabajé durante tres años en una empresa de logística y aprendí a organizar los "
    "envíos con mucho cuidado."
)
BINARY = "\x00\x01\x02PK\x03\x04\ufffd\ufffd\x10\x11 data \x12\x13\x14\x15"
CURLY = "I’m proud of it. It wasn’t my fault, and I’d like to say I’ve grown. We’re fine."
SHOUTING = "I WAS SO ANGRY AT MY MANAGER THAT I QUIT ON THE SPOT"
TURKISH = "İstanbul office: I led a team of six and we shipped Q3 goals on time. İ İ İ"
NUMBERS = (
    "We grew revenue from $1.2m to $2.5m in 18 months, halved churn to 4%, and hired "
    "twelve engineers. Every Monday at 9:30am we reviewed 40 tickets per week."
)
BULLETS = "Skills:\n- SQL and Python\n- Salesforce admin\n\nI also built dashboards in Tableau."
SHORT = "Yes."
REPETITIVE = (
    "We need to fix the bug. We need to fix the bug today. Then I said we need to fix the "
    "bug before the release, and we need to fix the bug properly."
)
WHITESPACE = "   \n\t  "

SAMPLES: tuple[str, ...] = (
    STORY,
    RAMBLING,
    NEGATIVE,
    SCREENING,
    MOTIVATED,
    SPANISH,
    BINARY,
    CURLY,
    SHOUTING,
    TURKISH,
    NUMBERS,
    BULLETS,
    SHORT,
    REPETITIVE,
    WHITESPACE,
    "",
)
