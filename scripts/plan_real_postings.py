"""Print how parse_posting reads the real postings in the shared jobs dataset, for a spot check.

Usage: .venv/bin/python scripts/plan_real_postings.py [path/to/job_descriptions.json]
The postings are test input only; nothing from them is written into the project.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from greenroom.domain.postings import parse_posting
from greenroom.errors import InputError

DEFAULT = Path("/work/shared/datasets/jobs/job_descriptions.json")


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    postings = json.loads(path.read_text(encoding="utf-8"))
    for posting in postings:
        print(f"== {posting['id']}  [{posting['role_family']}]")
        try:
            profile = parse_posting(posting["text"])
        except InputError as err:
            print(f"   error: {err}")
            continue
        print(
            f"   title={profile.title!r}  manages_people={profile.manages_people}"
            f"  seniority={profile.seniority}  partial={profile.partial}"
        )
        for item in profile.must_have[:5]:
            print(f"   must: {item[:90]}")
        for item in profile.nice_to_have[:2]:
            print(f"   nice: {item[:90]}")
        print(f"   logistics: {' | '.join(p[:40] for p in profile.logistics[:5])}")
        print(f"   skills: {', '.join(profile.skills[:10])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
