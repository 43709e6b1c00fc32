"""Rich rendering of judgements for the terminal, and JSON output."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from greenroom.domain.asking import AskJudgement
from greenroom.domain.consistency import Inconsistency
from greenroom.domain.criteria import criterion
from greenroom.domain.interviewers import interviewer
from greenroom.domain.models import InterviewJudgement, Judgement
from greenroom.domain.outlook import OfferOutlook

VERDICT_STYLE = {
    "advance": "bold green",
    "lean_advance": "green",
    "lean_no": "yellow",
    "no": "bold red",
}
VERDICT_WORDS = {
    "advance": "would advance you",
    "lean_advance": "leans towards advancing you",
    "lean_no": "leans towards not advancing you",
    "no": "would not advance you",
}


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _quote(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return "“" + escape(text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def _bullets(console: Console, title: str, items: tuple[str, ...]) -> None:
    if items:
        console.print(f"[bold]{title}[/]")
        for text in items:
            console.print(f"  • {escape(text)}")


def render_judgement(console: Console, j: Judgement, *, compact: bool = False) -> None:
    who = interviewer(j.interviewer)
    style = VERDICT_STYLE[j.verdict]
    console.print(
        f"[{style}]{who.name} {VERDICT_WORDS[j.verdict]}[/] — overall [bold]{j.overall}[/]/100 "
        f"(bar {who.bar}, verdict [{style}]{j.verdict}[/])"
    )
    if j.reasons:
        console.print("[bold]Why[/]")
        for r in j.reasons:
            quote = f"  {_quote(r.evidence[0].text)}" if r.evidence else ""
            console.print(f"  • {escape(r.text)}{quote}")
    if j.flags:
        console.print("[bold]Flags[/]")
        for f in j.flags:
            console.print(
                f"  • [{'red' if f.severity == 'high' else 'yellow'}]{f.id}[/] ({f.severity}): "
                f"{escape(f.explanation)}"
            )
            for e in f.evidence[:2]:
                console.print(f"      {_quote(e.text)}")
            if not compact:
                console.print(f"      [dim]rule: {escape(f.rule)}[/]")
    if not compact:
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("criterion")
        table.add_column("score", justify="right")
        table.add_column("how it was scored", overflow="fold")
        for c in j.criteria:
            table.add_row(criterion(c.id).name, str(c.score), escape(c.rule))
        console.print(table)
    _bullets(console, "What would flip it", j.flip)
    _bullets(console, "Tips", j.tips)


def render_interview(console: Console, j: InterviewJudgement) -> None:
    who = interviewer(j.interviewer)
    style = VERDICT_STYLE[j.verdict]
    for i, a in enumerate(j.answers, 1):
        console.rule(f"Answer {i}: {escape(a.question[:70])}")
        render_judgement(console, a, compact=True)
    console.rule("Whole interview")
    console.print(
        f"[{style}]{who.name} {VERDICT_WORDS[j.verdict]}[/] — overall [bold]{j.overall}[/]/100 "
        f"(bar {who.bar})"
    )
    for r in j.reasons:
        console.print(f"  • {escape(r.text)}")
    for s in j.signals:
        console.print(f"  [dim]{s.id}: {s.value:g} {escape(s.unit)} — {escape(s.detail)}[/]")
    _bullets(console, "What would flip it", j.flip)
    _bullets(console, "Tips", j.tips)


OUTCOME_STYLE = {
    "offer_likely": "bold green",
    "offer_possible": "green",
    "at_risk": "yellow",
    "unlikely": "bold red",
}
ASK_STYLE = {"good": "green", "okay": "yellow", "poor": "red"}


def render_interview_verdict(console: Console, j: InterviewJudgement) -> None:
    """One interviewer's verdict on a whole interview, with its reasons, in a few lines."""
    who = interviewer(j.interviewer)
    style = VERDICT_STYLE[j.verdict]
    console.print(
        f"[{style}]{who.name} {VERDICT_WORDS[j.verdict]}[/] — overall [bold]{j.overall}[/]/100 "
        f"(bar {who.bar}, verdict [{style}]{j.verdict}[/])"
    )
    _bullets(console, "Why", tuple(r.text for r in j.reasons))
    _bullets(console, "What would flip it", j.flip)


def render_ask(console: Console, a: AskJudgement) -> None:
    """How the candidate's own question would land, check by check."""
    style = ASK_STYLE[a.verdict]
    console.print(f"Your question: [{style}]{a.verdict}[/] ({a.score}/100)")
    for c in a.checks:
        mark = "[green]✓[/]" if c.ok else "[red]✗[/]"
        quote = f"  {_quote(' … '.join(e.text for e in c.evidence[:3]), 80)}" if c.evidence else ""
        console.print(f"  {mark} {c.id.replace('_', ' ')}: {escape(c.explanation)}{quote}")


def render_outlook(console: Console, o: OfferOutlook) -> None:
    """The loop roll-up: who decided what, any veto, the outlook and the fixes that matter."""
    style = OUTCOME_STYLE[o.outcome]
    console.print(f"Offer outlook: [{style}]{o.outcome.replace('_', ' ')}[/] ({o.score}/100)")
    if o.deciding:
        console.print("[bold]How the decision is made[/]")
        for line in o.deciding:
            name = interviewer(line.interviewer).name
            console.print(
                f"  • {escape(name)} ({line.role}): [{VERDICT_STYLE[line.verdict]}]"
                f"{line.verdict}[/] — {escape(line.effect)}"
            )
    _bullets(console, "Vetoes", o.vetoes)
    _bullets(console, "Notes", o.notes)
    if o.fixes:
        console.print("[bold]Fix these first[/]")
        for n, f in enumerate(o.fixes, 1):
            flag = f" [{f.flag}, {f.severity}]" if f.flag else ""
            console.print(f"  {n}. {escape(f.text)}{flag} — {interviewer(f.interviewer).name}")
            if f.quote:
                console.print(f"      {_quote(f.quote)}")


def render_consistency(console: Console, found: Sequence[Inconsistency]) -> None:
    console.rule("Consistency across interviews")
    if not found:
        console.print("No contradictions or reused stories found.")
    for item in found:
        console.print(f"[bold]{item.kind}[/] ({item.severity}): {escape(item.explanation)}")
        console.print(f'  {escape(item.first_interviewer)}: "{escape(item.first.text)}"')
        console.print(f'  {escape(item.second_interviewer)}: "{escape(item.second.text)}"')
