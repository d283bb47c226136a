"""Benchmark marsad: start-up time and articles per second on one core for 3,000-character articles.

Usage: python scripts/bench.py [--articles N] [--chars 3000] [--dev ../shared/dev/articles] [--long]

Articles are built from the sentences of the shipped examples and of the dev articles,
shuffled and cut to --chars characters, so every article differs. --dev defaults to
../shared/dev/articles when that folder exists: the examples alone are far denser in events
than real news, so the headline figure uses both. The examples-only rate is printed too
(`examples_only_*`), for comparison with earlier runs.

--long also times one document of MAX_CHARS (1,000,000) characters, the per-record cap: one
sentence repeated (`long_document_seconds`, the case reported in the issue) and the shuffled
sentences above (`long_mixed_document_seconds`). Every stage must stay near-linear for these
to take seconds, not minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "dev" / "articles"
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


LONG_SENTENCE = "انسحبت القوات الروسية من مطار القامشلي في ريف الحسكة. "


def _long_seconds(pipeline, text: str) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    pipeline.run(text)
    return time.perf_counter() - t


def _subprocess_seconds(code: str, repeat: int = 3) -> float:
    """Best of `repeat` fresh interpreters, after one that writes the bytecode caches: an installed
    package has them (pip compiles at install), so start-up is measured as users meet it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    best = float("inf")
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        best = min(best, float(out.stdout.strip().splitlines()[-1]))
    return best


def _rate(pipeline, articles: list[str]) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """(seconds, events) for one pass over `articles`."""
    t = time.perf_counter()
    events = 0
    for a in articles:
        events += len(pipeline.run(a).events)
    return time.perf_counter() - t, events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--chars", type=int, default=3000)
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV if DEFAULT_DEV.is_dir() else None,
                    help="also draw sentences from these articles (default: ../shared/dev/articles if present)")
    ap.add_argument("--no-dev", action="store_true", help="build articles from the examples only")
    ap.add_argument("--long", action="store_true", help="also time one 1,000,000-character document")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    dev = None if args.no_dev else args.dev

    from marsad.pipeline import Pipeline

    sources = [ROOT / "examples"] + ([dev] if dev else [])
    articles = build_articles(_sentences(sources), args.articles, args.chars)
    pipeline = Pipeline().warm()
    pipeline.run(articles[0])
    elapsed, events = _rate(pipeline, articles)
    figures: dict[str, object] = {
        "articles": len(articles),
        "sentences_from": "examples + dev articles" if dev else "examples only",
        "chars_per_article": args.chars,
        "articles_per_second": round(len(articles) / elapsed, 1),
        "ms_per_article": round(1000 * elapsed / len(articles), 3),
        "events_per_article": round(events / len(articles), 2),
    }
    if dev:
        dense = build_articles(_sentences([ROOT / "examples"]), args.articles, args.chars)
        d_elapsed, d_events = _rate(pipeline, dense)
        figures.update({
            "examples_only_articles_per_second": round(len(dense) / d_elapsed, 1),
            "examples_only_ms_per_article": round(1000 * d_elapsed / len(dense), 3),
            "examples_only_events_per_article": round(d_events / len(dense), 2),
        })
    if args.long:
        from marsad.ingest.records import MAX_CHARS

        repeated = (LONG_SENTENCE * (MAX_CHARS // len(LONG_SENTENCE) + 1))[:MAX_CHARS]
        mixed = build_articles(_sentences(sources), 1, MAX_CHARS)[0]
        figures.update({
            "long_document_chars": MAX_CHARS,
            "long_document_seconds": round(_long_seconds(pipeline, repeated), 2),
            "long_mixed_document_seconds": round(_long_seconds(pipeline, mixed), 2),
        })
    figures.update({
        "start_up_seconds": round(_subprocess_seconds(START_UP_CODE), 3),
        "first_document_seconds": round(_subprocess_seconds(FIRST_DOC_CODE), 3),
        "python": sys.version.split()[0],
    })
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for k, v in figures.items():
            print(f"{k:>34}: {v}")


if __name__ == "__main__":
    main()
