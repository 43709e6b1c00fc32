"""``greenroom rehearse``: a mock interview with one interviewer in the terminal."""

from __future__ import annotations

import random

from rich.console import Console
from rich.markup import escape

from greenroom.cli.render import render_interview, render_judgement
from greenroom.domain.interview import judge_interview
from greenroom.domain.interviewers import interviewer
from greenroom.domain.judging import judge_answer
from greenroom.domain.models import Exchange, Stage
from greenroom.domain.question_kinds import AnswerKind
from greenroom.domain.questions import sample_questions
from greenroom.domain.rehearsal import follow_up_for
from greenroom.errors import InputError
from greenroom.runtime import Runtime


def _read_answer(console: Console) -> str:
    """Lines until an empty line (or end of input); '/skip' skips, '/quit' ends the rehearsal."""
    console.print("[dim]Type your answer; an empty line ends it (/skip, /quit).[/]")
    lines: list[str] = []
    while True:
        try:
            line = input()
        except EOFError:
            if not lines:
                return "/quit"
            break
        if not line.strip():
            if lines:
                break
            continue
        if line.strip() in ("/skip", "/quit") and not lines:
            return line.strip()
        lines.append(line)
    return "\n".join(lines)


def run_rehearsal(
    runtime: Runtime,
    *,
    interviewer_id: str,
    stage: Stage,
    count: int,
    seed: int | None,
    job: str | None,
    people_manager: bool,
) -> None:
    console = Console()
    who = interviewer(interviewer_id)
    seed_ = seed if seed is not None else random.SystemRandom().randrange(1 << 30)
    picked = sample_questions(
        runtime.bank, who.id, count, seed=seed_, people_manager=people_manager
    )
    console.rule(f"[bold]{who.name}[/]")
    console.print(f"{escape(who.who)}\n[bold]Wants:[/] {escape(who.wants)}")
    console.print("[bold]Worries they won't say:[/] " + escape(" ".join(who.hidden_worries)))
    console.print(f"[dim]Stage {int(stage)}, {len(picked)} questions (seed {seed_}).[/]\n")
    done: list[Exchange] = []
    for number, q in enumerate(picked, 1):
        console.rule(f"Question {number} of {len(picked)}")
        asked, probed = q.text, q.criteria
        kind: AnswerKind | None = q.kind
        for _attempt in range(2):  # the question, then at most one follow-up
            console.print(f"[bold cyan]{escape(who.name)}:[/] {escape(asked)}")
            answer = _read_answer(console)
            if answer == "/quit":
                return _finish(console, runtime, who.id, stage, done, job)
            if answer == "/skip":
                break
            try:
                j = judge_answer(
                    asked,
                    answer,
                    interviewer=who,
                    stage=stage,
                    job=job,
                    embedder=runtime.embedder,
                    kind=kind,
                    probed=probed,
                    max_words=runtime.settings.max_answer_words,
                )
            except InputError as exc:
                console.print(f"[yellow]{escape(str(exc))}[/]")
                continue
            done.append(Exchange(asked, answer, q.kind if asked == q.text else None))
            render_judgement(console, j, compact=True)
            probe = follow_up_for(j, q) if asked == q.text else None
            if probe is None:
                break
            asked, kind, probed = probe.text, None, q.criteria
    _finish(console, runtime, who.id, stage, done, job)


def _finish(
    console: Console,
    runtime: Runtime,
    interviewer_id: str,
    stage: Stage,
    done: list[Exchange],
    job: str | None,
) -> None:
    if not done:
        console.print("No answers given; nothing to judge.")
        return
    result = judge_interview(
        done, interviewer=interviewer_id, stage=stage, job=job, embedder=runtime.embedder
    )
    console.rule("[bold]Verdict[/]")
    render_interview(console, result)
