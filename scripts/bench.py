"""Benchmark marsad: start-up time and articles per second on one core for 3,000-character articles.

Usage: python scripts/bench.py [--articles N] [--chars 3000] [--dev ../shared/dev/articles]

Articles are built from the sentences of the shipped examples (and of the dev articles when
--dev points at them), shuffled and cut to --chars characters, so every article differs.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_UP_CODE = (
    "import time; t=time.perf_counter(); import marsad; from marsad.pipeline import Pipeline; "
    "p=Pipeline().warm(); print(time.perf_counter()-t)"
)
FIRST_DOC_CODE = (
    "import time; t=time.perf_counter(); import marsad; "
    "marsad.extract('انسحبت القوات الروسية من مطار القامشلي'); print(time.perf_counter()-t)"
)


def _sentences(paths: list[Path]) -> list[str]:
    from marsad.ingest.records import iter_records

    out: list[str] = []
    for rec in iter_records([str(p) for p in paths]):
        if rec.text:
            out.extend(s.strip() + "." for s in rec.text.replace("\n", " ").split(".") if len(s.strip()) > 20)
    return out


def build_articles(sentences: list[str], n: int, chars: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    articles = []
    for _ in range(n):
        parts: list[str] = []
        size = 0
        while size < chars:
            s = rng.choice(sentences)
            parts.append(s)
            size += len(s) + 1
        articles.append(" ".join(parts)[:chars])
    return articles


def _subprocess_seconds(code: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        best = min(best, float(out.stdout.strip().splitlines()[-1]))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--chars", type=int, default=3000)
    ap.add_argument("--dev", type=Path, default=None, help="also draw sentences from these articles")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    from marsad.pipeline import Pipeline

    sources = [ROOT / "examples"] + ([args.dev] if args.dev else [])
    articles = build_articles(_sentences(sources), args.articles, args.chars)
    pipeline = Pipeline().warm()
    pipeline.run(articles[0])
    t = time.perf_counter()
    events = 0
    for a in articles:
        events += len(pipeline.run(a).events)
    elapsed = time.perf_counter() - t
    figures = {
        "articles": len(articles),
        "chars_per_article": args.chars,
        "articles_per_second": round(len(articles) / elapsed, 1),
        "ms_per_article": round(1000 * elapsed / len(articles), 3),
        "events_per_article": round(events / len(articles), 2),
        "start_up_seconds": round(_subprocess_seconds(START_UP_CODE), 3),
        "first_document_seconds": round(_subprocess_seconds(FIRST_DOC_CODE), 3),
        "python": sys.version.split()[0],
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for k, v in figures.items():
            print(f"{k:>24}: {v}")


if __name__ == "__main__":
    main()
