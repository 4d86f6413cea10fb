"""Line coverage of app/ per package, from the data the last `pytest --cov` run left.

`./dev test` prints this after pytest: one line per package instead of one per file.
`.venv/bin/coverage report -m --include='app/core/*'` lists a package's files and the
lines that no test runs.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import coverage


def package_totals(files: dict[str, dict[str, dict[str, int]]]) -> dict[str, tuple[int, int]]:
    """Package (`app/core/pack`) -> (statements, statements run) over its modules."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, report in files.items():
        summary = report["summary"]
        package = Path(name).parent.as_posix()
        totals[package][0] += summary["num_statements"]
        totals[package][1] += summary["covered_lines"]
    return {package: (total, run) for package, (total, run) in sorted(totals.items())}


def main() -> int:
    """Print the table; 1 when there is no coverage data to read."""
    cov = coverage.Coverage()
    try:
        cov.load()
    except coverage.CoverageException as exc:
        print(f"no coverage data: {exc}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "coverage.json"
        cov.json_report(outfile=str(out))
        files = json.loads(out.read_text(encoding="utf-8"))["files"]
    rows = package_totals(files)
    width = max(len(package) for package in rows)
    print(f"{'package':<{width}}  {'lines':>6}  {'missed':>6}  {'cover':>6}")
    everything = (sum(total for total, _ in rows.values()), sum(run for _, run in rows.values()))
    for package, (total, run) in [*rows.items(), ("total", everything)]:
        percent = 100.0 * run / total if total else 100.0
        print(f"{package:<{width}}  {total:>6}  {total - run:>6}  {percent:>5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
