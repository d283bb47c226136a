"""Run the pipeline over article files and score its output against gold files, checking the contract."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from marsad.errors import EvaluationError
from marsad.evaluation.report import Report
from marsad.evaluation.score import score
from marsad.ingest.records import InputRecord, read_article_file

logger = logging.getLogger(__name__)

SCHEMA_RESOURCE = "contract_schema.json"  # copy of shared/contract/schema.json (a test keeps them equal)


class _Document(Protocol):
    def to_contract(self) -> dict[str, Any]: ...


class PipelineLike(Protocol):
    """What run_evaluation needs of a pipeline: marsad.pipeline.Pipeline has this `run`."""

    def run(self, *, text: str, title: str | None = None, published: str | None = None,
            url: str | None = None, outlet: str | None = None, doc_id: str | None = None,
            path: str | None = None) -> _Document: ...


# ---------------------------------------------------------------------------
# Reading


def read_article(path: Path) -> InputRecord:
    """Read one article file (header block, then body; "unknown" values are None)."""
    try:
        record = read_article_file(path)
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read the article: {exc}") from exc
    if record.error or record.text is None:
        raise EvaluationError(f"{path}: cannot read the article: {record.error}")
    return record


def load_golds(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Every gold file in `gold_dir`, keyed by its stem ("000" for 000.json)."""
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: no such gold directory; pass the folder that holds NNN.json files")
    golds: dict[str, dict[str, Any]] = {}
    for p in sorted(gold_dir.glob("*.json")):
        try:
            golds[p.stem] = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise EvaluationError(f"{p}: cannot read the gold file ({exc}); fix or remove it") from exc
    if not golds:
        raise EvaluationError(f"{gold_dir}: holds no .json gold files")
    return golds


def expand_articles(paths: Iterable[Path]) -> list[Path]:
    """Article paths, with each directory replaced by the .txt files in it (sorted)."""
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def load_predictions(path: Path) -> dict[str, dict[str, Any]]:
    """Predictions saved by `marsad extract` (a JSON object, a JSON list, or JSONL), keyed by document.

    The key is the stem of `source.path` when there is one, else `doc_id`.
    """
    try:
        raw = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read the predictions ({exc})") from exc
    docs: list[Any]
    try:
        parsed = json.loads(raw) if raw else []
        docs = parsed if isinstance(parsed, list) else [parsed]
    except json.JSONDecodeError:
        try:
            docs = [json.loads(line) for line in raw.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}: not JSON or JSONL ({exc})") from exc
    out: dict[str, dict[str, Any]] = {}
    for d in docs:
        if not isinstance(d, dict):
            raise EvaluationError(f"{path}: a prediction is not a JSON object")
        src = d.get("source")
        src_path = src.get("path") if isinstance(src, Mapping) else None
        key = Path(src_path).stem if isinstance(src_path, str) and src_path else str(d.get("doc_id"))
        out[key] = d
    return out


# ---------------------------------------------------------------------------
# Contract validation


@cache
def _bundled_schema() -> dict[str, Any]:
    text = resources.files("marsad.evaluation").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_errors(pred: Mapping[str, Any], schema: Mapping[str, Any] | None = None) -> list[str] | None:
    """Contract violations of one prediction ("path: message"), or None when jsonschema is not installed."""
    try:
        from jsonschema import Draft202012Validator  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return None
    validator = Draft202012Validator(schema if schema is not None else _bundled_schema())
    errors = sorted(validator.iter_errors(pred), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in errors]


# ---------------------------------------------------------------------------
# The whole run


def run_evaluation(
    gold_dir: Path,
    article_paths: Sequence[Path],
    pipeline: PipelineLike | None = None,
    *,
    schema_path: Path | None = None,
) -> Report:
    """Run `pipeline` (default marsad.pipeline.Pipeline()) over the articles and score against gold_dir/<stem>.json.

    Each prediction is validated against the contract schema (the bundled copy, or
    `schema_path`); violations are counted per document in the report. Articles without
    a gold file are skipped with a warning.
    """
    golds = load_golds(Path(gold_dir))
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8")) if schema_path else None
    if pipeline is None:
        from marsad.pipeline import Pipeline

        pipeline = Pipeline()
    preds: dict[str, dict[str, Any]] = {}
    warnings: list[str] = []
    checked: dict[str, list[str]] = {}
    schema_ok = True
    elapsed = 0.0
    for path in expand_articles(Path(p) for p in article_paths):
        doc = path.stem
        if doc not in golds:
            warnings.append(f"{path}: no gold file {doc}.json in {gold_dir}; not scored")
            continue
        article = read_article(path)
        warnings.extend(f"{doc}: {w}" for w in article.warnings)
        t0 = time.perf_counter()
        try:
            document = pipeline.run(
                text=article.text, title=article.title, published=article.published, url=article.url,
                outlet=article.outlet, doc_id=doc, path=str(path),
            )
        except Exception as exc:
            raise EvaluationError(f"{path}: the pipeline failed on this article: {exc!r}") from exc
        elapsed += time.perf_counter() - t0
        pred = document.to_contract()
        preds[doc] = pred
        errors = schema_errors(pred, schema)
        if errors is None:
            schema_ok = False
        else:
            checked[doc] = errors
    if not preds:
        raise EvaluationError(f"none of the {len(article_paths)} article paths has a gold file in {gold_dir}")
    report = score({d: golds[d] for d in preds}, preds)
    report.warnings = warnings + report.warnings
    report.seconds = elapsed
    report.schema_checked = schema_ok
    if not schema_ok:
        report.warnings.append("predictions not checked against the contract: install jsonschema (marsad[test])")
    for d in report.docs:
        d.schema_errors = checked.get(d.doc, [])
    return report
