"""Renders the CLI reference (docs/cli.md) from the commands themselves, so it cannot drift."""

from __future__ import annotations

import click
import typer

from greenroom.cli.main import app


def _option_row(param: click.Parameter) -> str:
    names = ", ".join(f"`{o}`" for o in (*param.opts, *param.secondary_opts))
    help_text = getattr(param, "help", None) or ""
    default = param.default
    shown = ""
    if default not in (None, False, ()) and not callable(default):
        shown = f" (default: `{default}`)"
    return f"| {names} | {help_text.replace('|', '/')}{shown} |"


def render_markdown() -> str:
    """The whole CLI reference as Markdown."""
    group = typer.main.get_command(app)
    assert isinstance(group, click.Group)
    ctx = click.Context(group, info_name="greenroom")
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
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None:
            continue
        lines += [f"## `greenroom {name}`", "", (command.help or "").strip(), ""]
        options = [p for p in command.params if isinstance(p, click.Option)]
        if options:
            lines += ["| option | meaning |", "|---|---|"]
            lines += [_option_row(p) for p in options]
            lines.append("")
    return "\n".join(lines)
