"""Write docs/cli.md from the CLI commands (run by `make docs`)."""

from pathlib import Path

from greenroom.cli.reference import render_markdown

target = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
target.write_text(render_markdown() + "\n", encoding="utf-8")
print(f"wrote {target}")
