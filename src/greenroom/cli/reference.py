"""Renders the CLI reference (docs/cli.md) from the commands themselves, so it cannot drift."""

from __future__ import annotations

from typing import Any

import typer

from greenroom.cli.main import app


def _option_row(param: Any) -> str:
    names = ", ".join(f"`{o}`" for o in (*param.opts, *param.secondary_opts))
    help_text = getattr(param, "help", None) or ""
    default = param.default
    shown = ""
    if default not in (None, False, ()) and not callable(default):
        shown = f" (default: `{default}`)"
    return f"| {names} | {help_text.replace('|', '/')}{shown} |"


def render_markdown() -> str:
    """The whole CLI reference as Markdown."""
    # Duck-typed on purpose: typer builds on click or on its own copy of it, by version.
    group: Any = typer.main.get_command(app)
    ctx = group.context_class(group, info_name="greenroom")
    lines = [
        "# CLI reference",
        "",
        "Generated from the commands by `make docs`; a test fails when it is out of date.",
        "",
        f"`greenroom [--version] COMMAND [OPTIONS]` — {group.help or ''}",
        "",
        "Exit codes: 0 success, 1 a project error (one line on stderr), 2 a usage error.",
        "",
    ]
    lines += _commands(group, ctx, "greenroom")
    return "\n".join(lines)


def _commands(group: Any, ctx: Any, prefix: str) -> list[str]:
    """Sections for every command of ``group``, descending into sub-groups."""
    lines: list[str] = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None:
            continue
        path = f"{prefix} {name}"
        lines += [f"## `{path}`", "", (command.help or "").strip(), ""]
        arguments = [p for p in command.params if p.param_type_name == "argument"]
        if arguments:
            lines += ["Arguments: " + ", ".join(f"`{p.name.upper()}`" for p in arguments), ""]
        options = [p for p in command.params if p.param_type_name == "option"]
        if options:
            lines += ["| option | meaning |", "|---|---|"]
            lines += [_option_row(p) for p in options]
            lines.append("")
        if hasattr(command, "list_commands"):
            lines += _commands(command, command.context_class(command, info_name=name), path)
    return lines
