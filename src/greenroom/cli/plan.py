"""``greenroom plan``: a plan for the whole loop from a job posting, printed or saved."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Literal

import typer
from rich.console import Console
from rich.markup import escape

from greenroom.domain.loop import stage_info
from greenroom.domain.models import QuestionBank
from greenroom.domain.plan import Plan, make_plan
from greenroom.domain.postings import parse_posting
from greenroom.errors import InputError
from greenroom.reports.plan import PARTIAL_NOTE, plan_to_dict, plan_to_html, plan_to_markdown
from greenroom.textfiles import read_text_file

PlanFormat = Literal["text", "markdown", "html", "json"]
FORMATS: tuple[PlanFormat, ...] = ("text", "markdown", "html", "json")


def split_ids(value: str | None) -> tuple[str, ...]:
    """Comma-separated interviewer ids as a tuple, blanks dropped."""
    if not value:
        return ()
    return tuple(part.strip() for part in value.split(",") if part.strip())


def parse_format(value: str, *, as_json: bool) -> PlanFormat:
    """The output format named by ``--format`` and ``--json``; they must not disagree."""
    wanted = value.strip().lower()
    for known in FORMATS:
        if known == wanted:
            if as_json and known not in ("text", "json"):
                raise typer.BadParameter(f"--json cannot be combined with --format {known}")
            return "json" if as_json else known
    raise typer.BadParameter(
        f"unknown format '{value}' (use text, markdown, html or json)", param_hint="--format"
    )


def render_plan(console: Console, plan: Plan) -> None:
    """The plan for the terminal: the profile, then a brief per interviewer."""
    profile = plan.profile
    console.rule(f"[bold]Interview plan: {escape(profile.title or 'untitled role')}[/]")
    if profile.partial:
        console.print(f"[bold yellow]{escape(PARTIAL_NOTE)}[/]")
        for note in profile.notes:
            console.print(f"  [yellow]• {escape(note)}[/]")
    console.print(
        f"[bold]Seniority:[/] {escape(profile.seniority)}   "
        f"[bold]Manages people:[/] {'yes' if profile.manages_people else 'no'}"
    )
    for label, items in (
        ("Must have", profile.must_have),
        ("Nice to have", profile.nice_to_have),
        ("Responsibilities", profile.responsibilities),
        ("Skills", profile.skills),
        ("Logistics", profile.logistics),
    ):
        if items:
            console.print(f"[bold]{label}:[/] " + "; ".join(escape(i) for i in items))
    console.print("[bold]The loop:[/] " + " → ".join(escape(b.name) for b in plan.loop))
    for n, brief in enumerate(plan.loop, 1):
        console.print()
        stage = stage_info(brief.stage).name.lower()
        console.rule(f"[bold]{n}. {escape(brief.name)}[/] ({brief.interviewer}, {stage})")
        console.print(f"[bold]Wants:[/] {escape(brief.wants)}")
        _bullets(console, "What worries them", brief.hidden_worries)
        console.print("[bold]Likely questions[/]")
        for q in brief.likely_questions:
            console.print(f"  • {escape(q.text)}")
            console.print(f"    [dim]really asking: {escape(q.why)}[/]")
        _bullets(console, "Prove to them", brief.prove_to_them)
        _bullets(console, "Ask them", tuple(c.text for c in brief.ask_them))
        _bullets(console, "Save for later", brief.save_for_later)
        _bullets(console, "Pitfalls", brief.pitfalls)


def _bullets(console: Console, title: str, items: tuple[str, ...]) -> None:
    if items:
        console.print(f"[bold]{title}[/]")
        for text in items:
            console.print(f"  • {escape(text)}")


def _document(plan: Plan, fmt: PlanFormat) -> str:
    if fmt == "json":
        return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return plan_to_markdown(plan)
    if fmt == "html":
        return plan_to_html(plan)
    buffer = io.StringIO()
    render_plan(Console(file=buffer, width=100, no_color=True, highlight=False), plan)
    return buffer.getvalue()


def run_plan(
    job: Path,
    bank: QuestionBank,
    *,
    fmt: PlanFormat,
    output: Path | None,
    external_recruiter: bool,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
) -> None:
    """Read the posting, build the plan and print it, or write it to ``output``."""
    profile = parse_posting(read_text_file(job, "job"))
    plan = make_plan(
        profile, bank, external_recruiter=external_recruiter, include=include, exclude=exclude
    )
    if profile.partial and fmt != "text":
        print(f"note: {PARTIAL_NOTE}", file=sys.stderr)
    if output is not None:
        try:
            output.write_text(_document(plan, fmt), encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None
        print(f"wrote the {fmt} plan to {output}", file=sys.stderr)
        return
    if fmt == "text":
        render_plan(Console(), plan)
    else:
        sys.stdout.write(_document(plan, fmt))
