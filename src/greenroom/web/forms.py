"""The JSON bodies the API accepts, validated once at the edge."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from greenroom.domain.sessions import SessionKind

# Characters, not words: the word limit (``max_answer_words``) is checked by the judge, this only
# keeps absurd bodies out before any work is done. Matches the batch line limit.
MAX_ANSWER_CHARS = 1_000_000
MAX_QUESTION_CHARS = 5_000
MAX_JOB_CHARS = 200_000
MAX_ID_CHARS = 100
MAX_ROW_ID = 2**63 - 1  # the largest id a database integer column holds

InterviewerId = Annotated[str, Field(min_length=1, max_length=MAX_ID_CHARS)]
QuestionText = Annotated[str, Field(max_length=MAX_QUESTION_CHARS)]
AnswerText = Annotated[str, Field(max_length=MAX_ANSWER_CHARS)]
JobText = Annotated[str, Field(max_length=MAX_JOB_CHARS)]
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
StageNumber = Annotated[int, Field(ge=1, le=3, description="1 screening, 2 interview, 3 offer.")]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class JudgementRequest(_Body):
    """The fields of one ``analyze --batch`` line."""

    interviewer: InterviewerId
    question: QuestionText
    answer: AnswerText
    stage: StageNumber = 2
    job: JobText | None = None


class SessionRequest(_Body):
    """A new practice session; ``single`` sessions need an interviewer."""

    kind: SessionKind
    title: Annotated[str, Field(max_length=200)] = ""
    interviewer: InterviewerId | None = None
    stage: StageNumber = 2
    job: JobText | None = None


class AttemptRequest(_Body):
    """One answer in a session; interviewer and stage default to the session's."""

    question: QuestionText
    answer: AnswerText
    interviewer: InterviewerId | None = None
    stage: StageNumber | None = None
    question_id: Annotated[str, Field(min_length=1, max_length=MAX_ID_CHARS)] | None = None
    retry_of: RowId | None = None


class PlanRequest(_Body):
    """A job posting to plan the loop for."""

    job: JobText
    external_recruiter: bool = False
    include: Annotated[list[InterviewerId], Field(max_length=10)] = []
    exclude: Annotated[list[InterviewerId], Field(max_length=10)] = []
