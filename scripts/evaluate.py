#!/usr/bin/env python3
"""Score marsad against gold annotations: scripts/evaluate.py GOLD_DIR ARTICLES... [--json OUT]."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from marsad.errors import MarsadError
from marsad.evaluation import load_golds, load_predictions, run_evaluation, score
from marsad.evaluation.report import Report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Run the marsad pipeline over article files (or read saved predictions) and score "
        "the output against gold files NNN.json matched by file stem, as shared/dev/ANNOTATION.md describes.",
    )
    parser.add_argument("gold_dir", type=Path, help="folder of gold NNN.json files")
    parser.add_argument("articles", type=Path, nargs="*",
                        help="article files NNN.txt, or folders of them (not needed with --predictions)")
    parser.add_argument("--predictions", type=Path, default=None,
                        help="score saved `marsad extract` output (JSON or JSONL) instead of running the pipeline")
    parser.add_argument("--json", dest="json_out", type=Path, default=None, help="also write the report as JSON here")
    parser.add_argument("--brief", action="store_true", help="print the tables only, not the misses")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.predictions is not None:
            report: Report = score(load_golds(args.gold_dir), load_predictions(args.predictions))
        elif args.articles:
            report = run_evaluation(args.gold_dir, args.articles)
        else:
            parser.error("give article files or folders, or --predictions FILE")
    except MarsadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(report.format(details=not args.brief))
    if args.json_out is not None:
        args.json_out.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
