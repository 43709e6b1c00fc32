"""The ``greenroom`` command group: one small function per command.

Exit codes: 0 success, 1 a project error (one friendly line on stderr), 2 a usage error.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from greenroom import __version__
from greenroom.cli.recording import (
    ChannelLayout,
    RecordingSource,
    recording_to_dict,
    render_recording,
    review_recording,
)
from greenroom.cli.render import (
    print_json,
    render_consistency,
    render_interview,
    render_judgement,
)
from greenroom.config import Settings, load_settings
from greenroom.contract import (
    inconsistency_to_dict,
    interview_to_dict,
    interviewer_to_dict,
    judgement_to_dict,
    question_to_dict,
    spoken_judgement_to_dict,
)
from greenroom.domain.consistency import Said, check_consistency
from greenroom.domain.criteria import CRITERIA
from greenroom.domain.interview import judge_interview
from greenroom.domain.interviewers import INTERVIEWERS, interviewer
from greenroom.domain.judging import judge_answer
from greenroom.domain.loop import parse_stage
from greenroom.domain.models import InterviewJudgement
from greenroom.domain.questions import candidate_questions_for, filter_questions
from greenroom.domain.transcripts import exchanges, parse_transcript
from greenroom.errors import GreenroomError, InputError
from greenroom.runtime import Runtime
from greenroom.speech.tracks import ANSWER_GAP_S
from greenroom.textfiles import read_text_file

log = logging.getLogger(__name__)

app = typer.Typer(
    name="greenroom",
    help="Rehearse every interviewer of a hiring loop; every answer judged the way that "
    "interviewer judges, with the evidence quoted. Runs offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

InterviewerOpt = Annotated[
    str,
    typer.Option("--interviewer", "-i", help="Interviewer type id (see `greenroom interviewers`)."),
]
StageOpt = Annotated[
    int,
    typer.Option(
        "--stage", "-s", help="1 = screening, 2 = interview rounds, 3 = offer on the table."
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
JobOpt = Annotated[
    Path | None,
    typer.Option("--job", help="A job posting (text file) to check the answer against."),
]
BankOpt = Annotated[
    Path | None,
    typer.Option("--bank", help="Use this question bank file instead of the shipped one."),
]


def _runtime(**overrides: Any) -> Runtime:
    return Runtime(load_settings(overrides))


def _settings(ctx: typer.Context) -> Settings:
    settings = ctx.obj
    assert isinstance(settings, Settings)
    return settings


def _version(value: bool) -> None:
    if value:
        print(f"greenroom {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """greenroom: a local-first interview rehearsal coach."""


@app.command()
def interviewers(as_json: JsonOpt = False) -> None:
    """List the interviewer types of a hiring loop and what each of them wants."""
    if as_json:
        print_json([interviewer_to_dict(t) for t in INTERVIEWERS])
        return
    console = Console()
    for t in INTERVIEWERS:
        console.rule(f"[bold]{t.name}[/] ({t.id})")
        console.print(f"{t.who}\n[bold]Wants:[/] {t.wants}")
        console.print("[bold]Hidden worries:[/] " + " ".join(t.hidden_worries))
        top = sorted(t.weights, key=lambda p: -p[1])[:3]
        console.print(
            "[bold]Weighs most:[/] "
            + ", ".join(f"{c} ({w:.0%})" for c, w in top)
            + f"   [bold]Bar:[/] {t.bar}   [bold]Red flags:[/] {', '.join(t.red_flags)}"
        )
        console.print("[bold]Not yet:[/] " + " ".join(t.not_yet))


@app.command()
def criteria(as_json: JsonOpt = False) -> None:
    """List what employers judge: the six employer criteria and enthusiasm."""
    if as_json:
        print_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "meaning": c.meaning,
                    "shown_by": list(c.shown_by),
                    "undermined_by": list(c.undermined_by),
                }
                for c in CRITERIA
            ]
        )
        return
    console = Console()
    for c in CRITERIA:
        console.print(f"[bold]{c.id}[/] — {c.meaning}")


@app.command()
def questions(
    interviewer_id: Annotated[
        str | None, typer.Option("--interviewer", "-i", help="Only questions this type asks.")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="behavioural, motivation, situational, screening, technical-general, closing.",
        ),
    ] = None,
    criterion_id: Annotated[
        str | None, typer.Option("--criterion", "-c", help="Only questions probing this.")
    ] = None,
    to_ask: Annotated[
        bool, typer.Option("--to-ask", help="List questions the candidate can ask instead.")
    ] = False,
    stage: Annotated[
        int | None, typer.Option("--stage", "-s", help="With --to-ask: questions fit for stage.")
    ] = None,
    bank: BankOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Browse the question bank."""
    qbank = _runtime(question_bank=bank).bank
    if to_ask:
        if interviewer_id is None:
            raise InputError("--to-ask needs --interviewer")
        asks = candidate_questions_for(
            qbank, interviewer_id, parse_stage(stage) if stage is not None else None
        )
        if as_json:
            print_json(
                [
                    {
                        "id": q.id,
                        "text": q.text,
                        "interviewers": list(q.interviewers),
                        "purpose": q.purpose,
                        "earliest_stage": int(q.earliest_stage),
                    }
                    for q in asks
                ]
            )
            return
        for ask in asks:
            print(f"- {ask.text}\n    why: {ask.purpose} (from stage {int(ask.earliest_stage)})")
        return
    found = filter_questions(qbank, interviewer=interviewer_id, kind=kind, criterion=criterion_id)
    if as_json:
        print_json([question_to_dict(q) for q in found])
        return
    for q in found:
        print(f"- [{q.kind}] {q.text}\n    really asking: {q.really_asking}")
    print(f"{len(found)} questions", file=sys.stderr)


@app.command()
def analyze(
    ctx: typer.Context,
    interviewer_id: Annotated[
        str | None,
        typer.Option("--interviewer", "-i", help="Interviewer type id (see `interviewers`)."),
    ] = None,
    stage: StageOpt = 2,
    question: Annotated[str | None, typer.Option("--question", "-q", help="The question.")] = None,
    answer: Annotated[str | None, typer.Option("--answer", "-a", help="The answer text.")] = None,
    answer_file: Annotated[
        Path | None, typer.Option("--answer-file", help="Read the answer from a text file.")
    ] = None,
    job: JobOpt = None,
    batch: Annotated[
        Path | None,
        typer.Option(
            "--batch",
            help="JSONL file: one {interviewer, question, answer, stage?, job?} object a line.",
        ),
    ] = None,
    audio: Annotated[
        Path | None,
        typer.Option(
            "--audio",
            help="A recorded answer (wav, webm, ogg, mp3 or m4a): transcribed, judged, and its "
            "delivery (pace, fillers, pauses, pitch) measured.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Judge one answer the way one interviewer would."""
    runtime = _runtime()
    if batch is not None:
        from greenroom.cli.batch import run_batch

        run_batch(batch, runtime)
        return
    if interviewer_id is None or question is None:
        ctx.fail("--interviewer and --question are required (or use --batch)")
    if audio is not None:
        if answer is not None or answer_file is not None:
            ctx.fail("give --audio or an answer text, not both")
        _analyze_audio(runtime, audio, interviewer_id, question, stage, job, as_json)
        return
    if (answer is None) == (answer_file is None):
        ctx.fail("give exactly one of --answer, --answer-file and --audio")
    text = answer if answer is not None else read_text_file(answer_file or Path(), "answer")
    job_text = read_text_file(job, "job") if job is not None else None
    judgement = judge_answer(
        question,
        text,
        interviewer=interviewer_id,
        stage=stage,
        job=job_text,
        embedder=runtime.embedder,
        max_words=runtime.settings.max_answer_words,
    )
    if as_json:
        print_json(judgement_to_dict(judgement))
    else:
        render_judgement(Console(), judgement)


def _analyze_audio(
    runtime: Runtime,
    path: Path,
    interviewer_id: str,
    question: str,
    stage: int,
    job: Path | None,
    as_json: bool,
) -> None:
    """Decode, transcribe and measure one recording, then judge its words and its delivery."""
    from greenroom.cli.recording import delivery_line, hear_file
    from greenroom.domain.delivery import spoken_delivery
    from greenroom.domain.judging import judge_spoken_answer

    settings = runtime.settings
    job_text = read_text_file(job, "job") if job is not None else None
    heard, delivery = hear_file(runtime, path)
    if not heard.text.strip() or not heard.words:
        raise InputError(f"no speech was recognised in {path.name}")
    judgement = judge_spoken_answer(
        question,
        heard,
        delivery,
        interviewer=interviewer_id,
        stage=stage,
        job=job_text,
        embedder=runtime.embedder,
        max_words=settings.max_answer_words,
    )
    spoken = spoken_delivery(heard.words, delivery)
    if as_json:
        print_json(
            spoken_judgement_to_dict(judgement, spoken.text, delivery.to_dict(), spoken.words)
        )
        return
    console = Console()
    console.print(f"[bold]Transcript:[/] {escape(spoken.text)}")
    render_judgement(console, judgement)
    console.print(f"[bold]Delivery:[/] {escape(delivery_line(delivery))}")


@app.command()
def review(
    ctx: typer.Context,
    transcripts: Annotated[
        list[Path] | None,
        typer.Option(
            "--transcript",
            "-t",
            help="An interview transcript file; repeat for several interviews of one loop, "
            "which are then also checked for consistency with each other.",
        ),
    ] = None,
    audio: Annotated[
        Path | None,
        typer.Option(
            "--audio",
            help="An interview recording (wav, webm, ogg, mp3 or m4a) instead of a transcript: "
            "the candidate's own track, whose answers are split at long silences; with "
            "--channels or --interviewer-audio, both voices.",
        ),
    ] = None,
    interviewer_audio: Annotated[
        Path | None,
        typer.Option(
            "--interviewer-audio",
            help="With --audio (then the candidate's track): the interviewer's own track of "
            "the same call, both starting at the same moment.",
        ),
    ] = None,
    channels: Annotated[
        ChannelLayout | None,
        typer.Option(
            "--channels",
            help="With --audio: a stereo recording with one speaker per channel, and which "
            "channel is the candidate's.",
        ),
    ] = None,
    questions_file: Annotated[
        Path | None,
        typer.Option(
            "--questions",
            help="With a candidate-only --audio: the questions asked, one a line, in order; "
            "without it relevance to the question is not judged.",
        ),
    ] = None,
    answer_gap: Annotated[
        float | None,
        typer.Option(
            "--answer-gap",
            min=1.0,
            max=60.0,
            help=f"With a candidate-only --audio: seconds of silence that separate two answers "
            f"(default {ANSWER_GAP_S:g}).",
        ),
    ] = None,
    interviewer_ids: Annotated[
        list[str] | None,
        typer.Option(
            "--interviewer",
            "-i",
            help="Interviewer type id to judge as (default hiring-manager); repeat once per "
            "--transcript, in the same order, or give one for all.",
        ),
    ] = None,
    stage: StageOpt = 2,
    candidate: Annotated[
        str | None,
        typer.Option("--candidate", help="The candidate's name when speakers are named."),
    ] = None,
    job: JobOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Judge whole interview transcripts, answer by answer and as a whole, and check what was
    told to different interviewers for contradictions and reused stories; or an interview
    recording, answer by answer with its delivery."""
    recording_options = {
        "--interviewer-audio": interviewer_audio,
        "--channels": channels,
        "--questions": questions_file,
        "--answer-gap": answer_gap,
    }
    misuse = _review_misuse(transcripts, audio, recording_options, interviewer_ids, candidate)
    if misuse:
        ctx.fail(misuse)
    if audio is not None:
        source = RecordingSource(
            audio,
            interviewer_audio=interviewer_audio,
            channels=channels,
            questions=questions_file,
            answer_gap_s=answer_gap if answer_gap is not None else ANSWER_GAP_S,
        )
        _review_recording(source, (interviewer_ids or ["hiring-manager"])[0], stage, job, as_json)
        return
    transcripts = transcripts or []
    ids = interviewer_ids or ["hiring-manager"]
    if len(ids) not in (1, len(transcripts)):
        ctx.fail("give one --interviewer, or one per --transcript")
    ids = ids * len(transcripts) if len(ids) == 1 else ids
    for interviewer_id in ids:
        interviewer(interviewer_id)
    runtime = _runtime()
    job_text = read_text_file(job, "job") if job is not None else None
    results: list[InterviewJudgement] = []
    said: list[Said] = []
    for path, interviewer_id in zip(transcripts, ids, strict=True):
        pairs = exchanges(parse_transcript(read_text_file(path, "transcript"), candidate=candidate))
        said.extend(Said(interviewer_id, p.question, p.answer) for p in pairs)
        results.append(
            judge_interview(
                pairs,
                interviewer=interviewer_id,
                stage=stage,
                job=job_text,
                embedder=runtime.embedder,
            )
        )
    found = check_consistency(said, embedder=runtime.embedder)
    if as_json:
        consistency = [inconsistency_to_dict(item) for item in found]
        if len(results) == 1:
            print_json({**interview_to_dict(results[0]), "consistency": consistency})
        else:
            print_json(
                {
                    "interviews": [interview_to_dict(r) for r in results],
                    "consistency": consistency,
                }
            )
        return
    console = Console()
    for path, result in zip(transcripts, results, strict=True):
        if len(results) > 1:
            console.rule(f"[bold]{escape(path.name)}[/]")
        render_interview(console, result)
    if found or len(results) > 1:
        render_consistency(console, found)


def _review_misuse(
    transcripts: list[Path] | None,
    audio: Path | None,
    recording_options: Mapping[str, object],
    interviewer_ids: list[str] | None,
    candidate: str | None,
) -> str | None:
    """Why these ``review`` options do not go together, or ``None`` when they do."""
    given = [name for name, value in recording_options.items() if value is not None]
    if audio is None:
        if given:
            return f"{given[0]} needs --audio"
        return None if transcripts else "give --transcript or --audio"
    if transcripts:
        return "give --transcript or --audio, not both"
    both_voices = [name for name in ("--channels", "--interviewer-audio") if name in given]
    if len(both_voices) == 2:
        return "give --channels or --interviewer-audio, not both"
    other = recording_options.get("--interviewer-audio")
    if isinstance(other, Path) and other.resolve() == audio.resolve():
        return "--interviewer-audio must be the interviewer's own track, not the --audio file"
    candidate_only = [name for name in ("--questions", "--answer-gap") if name in given]
    if both_voices and candidate_only:
        return f"{candidate_only[0]} is for a recording of the candidate's voice only"
    if interviewer_ids and len(interviewer_ids) > 1:
        return "give one --interviewer with --audio"
    if candidate is not None:
        return "--candidate names a speaker of a transcript; it does not apply to --audio"
    return None


def _review_recording(
    source: RecordingSource, interviewer_id: str, stage: int, job: Path | None, as_json: bool
) -> None:
    interviewer(interviewer_id)
    runtime = _runtime()
    job_text = read_text_file(job, "job") if job is not None else None
    result = review_recording(
        runtime, source, interviewer_id=interviewer_id, stage=stage, job=job_text
    )
    if as_json:
        print_json(recording_to_dict(result))
    else:
        render_recording(Console(), result)


@app.command()
def rehearse(
    interviewer_id: Annotated[
        str | None,
        typer.Option(
            "--interviewer",
            "-i",
            help="Interviewer type id (see `greenroom interviewers`); default hiring-manager. "
            "With --job, rehearse only this interviewer instead of the whole loop.",
        ),
    ] = None,
    stage: StageOpt = 2,
    count: Annotated[
        int | None,
        typer.Option(
            "--questions",
            "-n",
            min=1,
            max=12,
            help="Questions to ask: default 5, or 3 per interviewer for the whole loop.",
        ),
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Fix the question order.")] = None,
    job: Annotated[
        Path | None,
        typer.Option(
            "--job",
            help="A job posting (text file): rehearse its whole hiring loop, interviewer by "
            "interviewer, ending in an offer outlook.",
        ),
    ] = None,
    people_manager: Annotated[
        bool, typer.Option("--people-manager", help="The role manages people.")
    ] = False,
    external_recruiter: Annotated[
        bool,
        typer.Option(
            "--external-recruiter",
            help="With --job: an agency recruiter is involved; meet them first.",
        ),
    ] = False,
    bank: BankOpt = None,
) -> None:
    """A mock interview in the terminal: answers, feedback, a verdict; --job: the whole loop.

    Type an answer (an empty line ends it), or answer out loud with `/audio FILE` (a recording
    made with any recorder: it is transcribed on this computer and its delivery counts).
    """
    from greenroom.cli.rehearse import run_loop_rehearsal, run_rehearsal

    runtime = _runtime(question_bank=bank)
    job_text = read_text_file(job, "job") if job is not None else None
    if job_text is not None and interviewer_id is None:
        run_loop_rehearsal(
            runtime,
            job_text=job_text,
            count=count or 3,
            seed=seed,
            external_recruiter=external_recruiter,
        )
        return
    run_rehearsal(
        runtime,
        interviewer_id=interviewer_id or "hiring-manager",
        stage=parse_stage(stage),
        count=count or 5,
        seed=seed,
        job=job_text,
        people_manager=people_manager,
    )


@app.command()
def backends(as_json: JsonOpt = False) -> None:
    """Show which embedding and speech-to-text engines are usable here and why not."""
    from greenroom.embedding import available, create_embedder
    from greenroom.speech import asr

    rows: list[dict[str, Any]] = []
    for name in available():
        try:
            create_embedder(name).embed(["check"])
            rows.append({"name": name, "kind": "embedder", "usable": True, "why": ""})
        except GreenroomError as exc:
            rows.append({"name": name, "kind": "embedder", "usable": False, "why": str(exc)})
    for name in asr.available():
        try:
            asr.create_transcriber(name)  # checks the packages and the model hash, loads nothing
            rows.append({"name": name, "kind": "stt", "usable": True, "why": ""})
        except GreenroomError as exc:
            rows.append({"name": name, "kind": "stt", "usable": False, "why": str(exc)})
    if as_json:
        print_json(rows)
        return
    for row in rows:
        state = "usable" if row["usable"] else "unusable: " + str(row["why"])
        print(f"{row['name']:15} {row['kind']:9} {state}")


@app.command()
def plan(
    job: Annotated[Path, typer.Option("--job", help="The job posting (a text file) to plan for.")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, markdown, html or json.")
    ] = "text",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the plan to this file (overwritten)."),
    ] = None,
    external_recruiter: Annotated[
        bool,
        typer.Option(
            "--external-recruiter", help="An agency recruiter is involved: meet them first."
        ),
    ] = False,
    include: Annotated[
        str | None,
        typer.Option("--include", help="Interviewer ids to add to the loop, comma-separated."),
    ] = None,
    exclude: Annotated[
        str | None,
        typer.Option("--exclude", help="Interviewer ids to leave out, comma-separated."),
    ] = None,
    bank: BankOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Plan the whole loop for a job posting: whom you will meet and a brief for each."""
    from greenroom.cli.plan import parse_format, run_plan, split_ids

    run_plan(
        job,
        _runtime(question_bank=bank).bank,
        fmt=parse_format(output_format, as_json=as_json),
        output=output,
        external_recruiter=external_recruiter,
        include=split_ids(include),
        exclude=split_ids(exclude),
    )


@app.command()
def serve(
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. The default 127.0.0.1 (loopback) keeps your answers on "
            "this computer: there is no login, so only bind to another address on a network "
            "you trust.",
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", "-p", min=1, max=65535, help="Port to listen on.")
    ] = 8321,
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", help="Keep the database here instead of the user data dir."),
    ] = None,
) -> None:
    """Run the local web app and its JSON API (under /api/v1) until Ctrl-C."""
    import uvicorn

    from greenroom.web.app import create_app

    web_app = create_app(load_settings({"data_dir": data_dir}))
    shown = f"[{host}]" if ":" in host else host
    print(
        f"greenroom serving on http://{shown}:{port}/ (API under /api/v1; Ctrl-C stops)", flush=True
    )
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def _click_error(exc: Exception) -> tuple[int, str] | None:
    """Exit code and message of one of click's own errors (typer may carry its own click copy)."""
    code = getattr(exc, "exit_code", None)
    show = getattr(exc, "format_message", None)
    if not isinstance(code, int) or not callable(show):
        return None
    message = str(show()).strip()
    if not message:
        return code, ""
    if code != 2:
        return code, f"error: {message}"
    ctx = getattr(exc, "ctx", None)
    parent = getattr(ctx, "parent", None)
    name = getattr(ctx, "info_name", None)
    hint = f"greenroom {name} --help" if parent is not None and name else "greenroom --help"
    return code, f"usage error: {message} (see '{hint}')"


def _register_groups() -> None:
    from greenroom.cli.stories import db_app, parking_app, stories_app

    app.add_typer(stories_app, name="stories")
    app.add_typer(parking_app, name="parking")
    app.add_typer(db_app, name="db")


_register_groups()


def run(argv: list[str] | None = None) -> None:
    """Console-script entry: project errors become one line on stderr and exit code 1."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        code = app(args=argv, standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("aborted", file=sys.stderr)
        sys.exit(130)
    except GreenroomError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
    except json.JSONDecodeError as exc:  # pragma: no cover - batch handles its own lines
        print(f"error: invalid JSON: {exc.msg}", file=sys.stderr)
        sys.exit(1)
    except Exception as exc:  # the outermost layer: click's own errors, else log and one line
        known = _click_error(exc)
        if known is not None:
            if known[1]:  # empty when the help was shown instead (no command given)
                print(known[1], file=sys.stderr)
            sys.exit(known[0])
        log.debug("unexpected error", exc_info=True)
        print(f"internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
    # Without standalone mode an explicit exit (help, --version, Ctrl-C) comes back as a code.
    if isinstance(code, int) and code != 0:
        sys.exit(code)
