"""``greenroom rehearse``: a mock interview with one interviewer in the terminal, or with every
interviewer of a job's hiring loop in turn (``--job``) ending in an offer outlook."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from greenroom.cli.render import (
    render_ask,
    render_consistency,
    render_interview,
    render_interview_verdict,
    render_judgement,
    render_outlook,
)
from greenroom.domain.asking import judge_candidate_question
from greenroom.domain.briefs import Brief
from greenroom.domain.consistency import Said, check_consistency
from greenroom.domain.delivery import SpokenDelivery, spoken_delivery
from greenroom.domain.interview import judge_interview
from greenroom.domain.interviewers import InterviewerType, interviewer
from greenroom.domain.judging import judge_answer, judge_spoken_answer
from greenroom.domain.models import (
    CriterionId,
    Exchange,
    InterviewJudgement,
    JobProfile,
    Judgement,
    Stage,
)
from greenroom.domain.outlook import roll_up_loop
from greenroom.domain.parking import park, timing_message
from greenroom.domain.plan import make_plan
from greenroom.domain.postings import parse_posting
from greenroom.domain.question_kinds import AnswerKind
from greenroom.domain.questions import question_by_id, sample_questions
from greenroom.domain.rehearsal import follow_up_for
from greenroom.domain.stories import StoryUse, overuse_warnings, suggest_stories, told_story
from greenroom.errors import GreenroomError, InputError
from greenroom.runtime import Runtime


def _read_answer(console: Console) -> str:
    """Lines until an empty line (or end of input); '/skip' skips, '/quit' ends the rehearsal."""
    console.print(
        "[dim]Type your answer; an empty line ends it (/skip, /quit, /park NOTE, "
        "/audio FILE to answer with a recording).[/]"
    )
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
        if not lines and (
            line.strip() in ("/skip", "/quit") or line.startswith(("/park", "/audio"))
        ):
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
    voices: list[SpokenDelivery | None] = []
    for number, q in enumerate(picked, 1):
        console.rule(f"Question {number} of {len(picked)}")
        asked, probed = q.text, q.criteria
        kind: AnswerKind | None = q.kind
        for _attempt in range(2):  # the question, then at most one follow-up
            console.print(f"[bold cyan]{escape(who.name)}:[/] {escape(asked)}")
            answer = _answer(console, runtime, who.id, stage)
            if answer == "/quit":
                return _finish(console, runtime, who.id, stage, done, voices, job)
            if answer == "/skip":
                break
            judged = _judge(console, runtime, who, stage, asked, answer, job, kind, probed)
            if judged is None:
                continue
            j, voice = judged
            done.append(Exchange(asked, j.answer, q.kind if asked == q.text else None))
            voices.append(voice)
            render_judgement(console, j, compact=True)
            probe = follow_up_for(j, q) if asked == q.text else None
            if probe is None:
                break
            asked, kind, probed = probe.text, None, q.criteria
    _finish(console, runtime, who.id, stage, done, voices, job)


def _finish(
    console: Console,
    runtime: Runtime,
    interviewer_id: str,
    stage: Stage,
    done: list[Exchange],
    voices: list[SpokenDelivery | None],
    job: str | None,
) -> None:
    if not done:
        console.print("No answers given; nothing to judge.")
        return
    result = judge_interview(
        done,
        interviewer=interviewer_id,
        stage=stage,
        job=job,
        embedder=runtime.embedder,
        deliveries=voices if any(v is not None for v in voices) else (),
    )
    console.rule("[bold]Verdict[/]")
    render_interview(console, result)


# --- the whole loop ---------------------------------------------------------------------------

MAX_OWN_QUESTIONS = 2


class _Quit(Exception):
    """The candidate typed /quit: stop asking, still judge what was done."""


def run_loop_rehearsal(
    runtime: Runtime,
    *,
    job_text: str,
    count: int,
    seed: int | None,
    external_recruiter: bool,
) -> None:
    """Every interviewer of the job's loop in turn, then the roll-up to an offer outlook."""
    console = Console()
    seed_ = seed if seed is not None else random.SystemRandom().randrange(1 << 30)
    profile = parse_posting(job_text)
    plan = make_plan(profile, runtime.bank, external_recruiter=external_recruiter, seed=seed_)
    names = ", ".join(b.name for b in plan.loop)
    console.print(
        f"[bold]{escape(profile.title)}[/]: {len(plan.loop)} interviewers ({escape(names)}), "
        f"up to {count} questions each (seed {seed_})."
    )
    results: list[InterviewJudgement] = []
    said: list[Said] = []
    loop_id = f"{profile.title} {datetime.now(UTC):%Y-%m-%d %H:%M:%S}"
    for brief in plan.loop:
        done: list[Exchange] = []
        voices: list[SpokenDelivery | None] = []
        try:
            _meet(console, runtime, brief, profile, count, job_text, done, voices, loop_id)
        except _Quit:
            _judge_meeting(console, runtime, brief, done, voices, job_text, results)
            said += [Said(brief.interviewer, e.question, e.answer) for e in done]
            break
        _judge_meeting(console, runtime, brief, done, voices, job_text, results)
        said += [Said(brief.interviewer, e.question, e.answer) for e in done]
    console.rule("[bold]The loop[/]")
    if not results:
        console.print("No answers given; nothing to roll up.")
        return
    render_outlook(console, roll_up_loop(results))
    if len(results) > 1:
        render_consistency(console, check_consistency(said, embedder=runtime.embedder))


def _meet(
    console: Console,
    runtime: Runtime,
    brief: Brief,
    profile: JobProfile,
    count: int,
    job_text: str,
    done: list[Exchange],
    voices: list[SpokenDelivery | None],
    loop_id: str,
) -> None:
    who = interviewer(brief.interviewer)
    console.rule(f"[bold]{escape(who.name)}[/] (stage {int(brief.stage)})")
    console.print(f"{escape(who.who)}\n[bold]Wants:[/] {escape(who.wants)}")
    _bullets_plain(console, "Prove to them", brief.prove_to_them[:2])
    picked = brief.likely_questions[:count]
    for number, tq in enumerate(picked, 1):
        console.rule(f"{escape(who.name)}: question {number} of {len(picked)}")
        q = question_by_id(runtime.bank, tq.question_id)
        asked = tq.text
        kind: AnswerKind | None = q.kind
        _suggest(console, runtime, asked, q.criteria)
        for _attempt in range(2):  # the question, then at most one follow-up
            console.print(f"[bold cyan]{escape(who.name)}:[/] {escape(asked)}")
            answer = _answer(console, runtime, who.id, brief.stage)
            if answer == "/quit":
                raise _Quit
            if answer == "/skip":
                break
            judged = _judge(
                console, runtime, who, brief.stage, asked, answer, job_text, kind, q.criteria
            )
            if judged is None:
                continue
            j, voice = judged
            done.append(Exchange(asked, j.answer, q.kind if asked == tq.text else None))
            voices.append(voice)
            _record_story(console, runtime, asked, j.answer, who.id, loop_id)
            render_judgement(console, j, compact=True)
            probe = follow_up_for(j, q) if asked == tq.text else None
            if probe is None:
                break
            asked, kind = probe.text, None
    _own_questions(console, runtime, brief, profile)


def _judge(
    console: Console,
    runtime: Runtime,
    who: InterviewerType,
    stage: Stage,
    question: str,
    answer: str,
    job: str | None,
    kind: AnswerKind | None,
    probed: tuple[CriterionId, ...],
) -> tuple[Judgement, SpokenDelivery | None] | None:
    """The judgement of one answer (with its delivery when it was ``/audio FILE``), or ``None``
    (with the reason shown) when it cannot be judged."""
    try:
        if answer.startswith("/audio"):
            return _judge_recording(
                console, runtime, who, stage, question, answer, job, kind, probed
            )
        return judge_answer(
            question,
            answer,
            interviewer=who,
            stage=stage,
            job=job,
            embedder=runtime.embedder,
            kind=kind,
            probed=probed,
            max_words=runtime.settings.max_answer_words,
        ), None
    except GreenroomError as exc:
        console.print(f"[yellow]{escape(str(exc))}[/]")
        return None


def _judge_recording(
    console: Console,
    runtime: Runtime,
    who: InterviewerType,
    stage: Stage,
    question: str,
    command: str,
    job: str | None,
    kind: AnswerKind | None,
    probed: tuple[CriterionId, ...],
) -> tuple[Judgement, SpokenDelivery]:
    """``/audio FILE``: transcribe and measure the recording, then judge words and delivery."""
    from greenroom.cli.recording import delivery_line, hear_file

    raw = command.removeprefix("/audio").strip().strip("'\"")
    if not raw:
        raise InputError("give the recording after /audio, e.g. /audio answer.m4a")
    heard, delivery = hear_file(runtime, Path(raw).expanduser())
    j = judge_spoken_answer(
        question,
        heard,
        delivery,
        interviewer=who,
        stage=stage,
        job=job,
        embedder=runtime.embedder,
        kind=kind,
        probed=probed,
        max_words=runtime.settings.max_answer_words,
    )
    console.print(f"[bold]Heard:[/] {escape(j.answer)}")
    console.print(f"[bold]Delivery:[/] {escape(delivery_line(delivery))}")
    return j, spoken_delivery(heard.words, delivery)


def _answer(console: Console, runtime: Runtime, who: str, stage: Stage) -> str:
    """The next answer (or command), parking any concerns typed with /park on the way."""
    answer = _read_answer(console)
    while answer.startswith("/park"):
        try:
            _park(console, runtime, answer, who, stage)
        except GreenroomError as exc:
            console.print(f"[yellow]{escape(str(exc))}[/]")
        answer = _read_answer(console)
    return answer


def _park(console: Console, runtime: Runtime, note: str, who: str, stage: Stage) -> None:
    """Keep a concern for after the offer, and show the timing rule when it is too early."""
    draft = park(note.removeprefix("/park").strip(), stage=stage, interviewer=who)
    saved = runtime.store.park(draft)
    console.print(f"[green]Parked ({saved.topic}) for after the offer.[/]")
    rule = timing_message(stage, interviewer(who).id)
    if rule:
        console.print(f"[dim]{escape(rule)}[/]")


def _suggest(
    console: Console, runtime: Runtime, question: str, probed: tuple[CriterionId, ...]
) -> None:
    """Stories from the candidate's bank that fit this question, if they keep one."""
    store = runtime.store_if_present()
    if store is None:
        return
    found = suggest_stories(
        question, store.list_stories(), store.list_uses(), criteria=probed, limit=2
    )
    for s in found:
        warning = f" [yellow]({escape(s.warning)})[/]" if s.warning else ""
        console.print(f"[dim]A story that fits: {escape(s.story.title)}[/]{warning}")


def _record_story(
    console: Console, runtime: Runtime, question: str, answer: str, who: str, loop_id: str
) -> None:
    """When the answer tells a stored story, record the telling and warn about overuse."""
    store = runtime.store_if_present()
    if store is None:
        return
    story = told_story(answer, store.list_stories())
    if story is None:
        return
    store.record_use(StoryUse(story.id, question, who, datetime.now(UTC), loop_id))
    uses = store.list_uses(story.id)
    for warning in overuse_warnings(uses, (story,)):
        console.print(f"[yellow]{escape(warning)}[/]")


def _own_questions(console: Console, runtime: Runtime, brief: Brief, profile: JobProfile) -> None:
    who = interviewer(brief.interviewer)
    console.print(
        f"[bold cyan]{escape(who.name)}:[/] What would you like to ask me?\n"
        f"[dim]One question a line, up to {MAX_OWN_QUESTIONS}; an empty line moves on.[/]"
    )
    for _ in range(MAX_OWN_QUESTIONS):
        try:
            line = input().strip()
        except EOFError:
            raise _Quit from None
        if line == "/quit":
            raise _Quit
        if not line or line == "/skip":
            return
        render_ask(
            console,
            judge_candidate_question(
                line, brief.interviewer, brief.stage, profile=profile, bank=runtime.bank
            ),
        )


def _judge_meeting(
    console: Console,
    runtime: Runtime,
    brief: Brief,
    done: list[Exchange],
    voices: list[SpokenDelivery | None],
    job_text: str,
    results: list[InterviewJudgement],
) -> None:
    if not done:
        return
    result = judge_interview(
        done,
        interviewer=brief.interviewer,
        stage=brief.stage,
        job=job_text,
        embedder=runtime.embedder,
        deliveries=voices if any(v is not None for v in voices) else (),
    )
    console.rule(f"[bold]Verdict: {escape(brief.name)}[/]")
    render_interview_verdict(console, result)
    results.append(result)


def _bullets_plain(console: Console, title: str, items: tuple[str, ...]) -> None:
    if items:
        console.print(f"[bold]{title}:[/]")
        for text in items:
            console.print(f"  • {escape(text)}")
