"""A loop plan as JSON-ready data, as Markdown, and as a self-contained printable HTML page."""

from __future__ import annotations

import html
from typing import Any

from greenroom.domain.briefs import Brief
from greenroom.domain.loop import stage_info
from greenroom.domain.models import JobProfile
from greenroom.domain.plan import Plan

__all__ = ["PARTIAL_NOTE", "brief_to_dict", "plan_to_dict", "plan_to_html", "plan_to_markdown"]

PARTIAL_NOTE = (
    "Partial result: the posting was too thin or unusual to read fully, so parts of this "
    "plan are generic."
)


def _profile_to_dict(profile: JobProfile) -> dict[str, Any]:
    return {
        "title": profile.title,
        "seniority": profile.seniority,
        "manages_people": profile.manages_people,
        "must_have": list(profile.must_have),
        "nice_to_have": list(profile.nice_to_have),
        "responsibilities": list(profile.responsibilities),
        "skills": list(profile.skills),
        "logistics": list(profile.logistics),
        "partial": profile.partial,
        "notes": list(profile.notes),
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """One brief as plain data."""
    return {
        "name": brief.name,
        "stage": int(brief.stage),
        "wants": brief.wants,
        "hidden_worries": list(brief.hidden_worries),
        "approach": list(brief.approach),
        "likely_questions": [
            {"id": q.question_id, "text": q.text, "why": q.why} for q in brief.likely_questions
        ],
        "prove_to_them": list(brief.prove_to_them),
        "ask_them": [
            {
                "id": c.id,
                "text": c.text,
                "purpose": c.purpose,
                "earliest_stage": int(c.earliest_stage),
            }
            for c in brief.ask_them
        ],
        "save_for_later": list(brief.save_for_later),
        "pitfalls": list(brief.pitfalls),
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready data: ``profile`` and the ordered ``loop`` of briefs."""
    return {
        "profile": _profile_to_dict(plan.profile),
        "loop": [{"interviewer": b.interviewer, "brief": brief_to_dict(b)} for b in plan.loop],
    }


def _title(profile: JobProfile) -> str:
    return profile.title.strip() or "Untitled role"


def _profile_lines(profile: JobProfile) -> list[tuple[str, tuple[str, ...]]]:
    return [
        ("Must have", profile.must_have),
        ("Nice to have", profile.nice_to_have),
        ("Responsibilities", profile.responsibilities),
        ("Skills", profile.skills),
        ("Logistics", profile.logistics),
    ]


def _sections(brief: Brief) -> list[tuple[str, tuple[str, ...]]]:
    """A brief's sections as (heading, items) in reading order; items are plain text."""
    return [
        ("What they want", (brief.wants,)),
        ("What worries them", brief.hidden_worries),
        ("How to meet them", brief.approach),
        ("What to prove to them", brief.prove_to_them),
        ("What to ask them", tuple(f"{c.text} ({c.purpose})" for c in brief.ask_them)),
        ("Save for later", brief.save_for_later),
        ("Pitfalls", brief.pitfalls),
    ]


def _md(text: str) -> str:
    """Text made safe for Markdown: HTML-escaped (Markdown renders raw HTML), one line."""
    return html.escape(" ".join(text.split()), quote=False)


def plan_to_markdown(plan: Plan) -> str:
    """A readable, printable Markdown document of the plan."""
    profile = plan.profile
    out = [f"# Interview plan: {_md(_title(profile))}", ""]
    if profile.partial:
        out += [f"> **{PARTIAL_NOTE}**", *(f"> - {_md(n)}" for n in profile.notes), ""]
    people = "yes" if profile.manages_people else "no"
    out += [f"**Seniority:** {_md(profile.seniority)} · **Manages people:** {people}", ""]
    for label, items in _profile_lines(profile):
        if items:
            out += [f"**{label}:**", "", *(f"- {_md(i)}" for i in items), ""]
    out += ["## The loop", ""]
    out += [f"{n}. {_md(b.name)}" for n, b in enumerate(plan.loop, 1)] + [""]
    for n, brief in enumerate(plan.loop, 1):
        stage = stage_info(brief.stage).name
        out += [f"## {n}. {_md(brief.name)} ({stage.lower()})", ""]
        out += ["### Likely questions", ""]
        for q in brief.likely_questions:
            out += [f"- **{_md(q.text)}**", f"  - *Really asking:* {_md(q.why)}"]
        out.append("")
        for heading, items in _sections(brief):
            if items:
                out += [f"### {heading}", "", *(f"- {_md(i)}" for i in items), ""]
    return "\n".join(out).rstrip() + "\n"


_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 48rem; margin: 2rem auto;
  padding: 0 1rem; line-height: 1.45; color: #111; }
h1 { font-size: 1.7rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
.partial { border: 2px solid #b45309; background: #fff7ed; padding: .5rem 1rem; }
.why { color: #444; font-style: italic; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section.brief { break-before: page; }
  h2, h3 { break-after: avoid; }
  li { break-inside: avoid; }
}
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _list(items: list[str] | tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def plan_to_html(plan: Plan) -> str:
    """The plan as one self-contained HTML page with print styles; all text is escaped."""
    profile = plan.profile
    title = _e(_title(profile))
    body = [f"<h1>Interview plan: {title}</h1>"]
    if profile.partial:
        body.append(f'<div class="partial"><p><strong>{_e(PARTIAL_NOTE)}</strong></p>')
        body.append(_list(profile.notes) + "</div>" if profile.notes else "</div>")
    people = "yes" if profile.manages_people else "no"
    body.append(
        f"<p><strong>Seniority:</strong> {_e(profile.seniority)} · "
        f"<strong>Manages people:</strong> {people}</p>"
    )
    for label, items in _profile_lines(profile):
        if items:
            body.append(f"<h3>{_e(label)}</h3>{_list(items)}")
    body.append("<h2>The loop</h2><ol>")
    body += [f"<li>{_e(b.name)}</li>" for b in plan.loop]
    body.append("</ol>")
    for n, brief in enumerate(plan.loop, 1):
        stage = stage_info(brief.stage).name.lower()
        body.append(f'<section class="brief" id="{_e(brief.interviewer)}">')
        body.append(f"<h2>{n}. {_e(brief.name)} ({_e(stage)})</h2>")
        body.append("<h3>Likely questions</h3><ul>")
        body += [
            f'<li><strong>{_e(q.text)}</strong><br><span class="why">Really asking: '
            f"{_e(q.why)}</span></li>"
            for q in brief.likely_questions
        ]
        body.append("</ul>")
        for heading, items in _sections(brief):
            if items:
                body.append(f"<h3>{_e(heading)}</h3>{_list(items)}")
        body.append("</section>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Interview plan: {title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
