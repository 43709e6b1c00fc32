"""Regenerate docs/hiring-loop.md from the hiring-loop data in greenroom.domain."""

from __future__ import annotations

from pathlib import Path

from greenroom.domain.handbook import DOC_PATH, render_markdown


def main() -> None:
    """Write the rendered guide next to the other docs and say where it went."""
    path = Path(__file__).resolve().parents[1] / DOC_PATH
    path.write_text(render_markdown(), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
