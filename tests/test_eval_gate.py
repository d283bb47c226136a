"""Evaluation gate: the real pipeline over the shared dev set must keep its scores at or above pinned minimums."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from marsad.evaluation import Report, run_evaluation

# Pinned minimums of Report.metrics() on shared/dev. These only ever go up: raise a value
# when marsad improves, never lower one to make a change pass.
MINIMUMS: dict[str, float] = {
    "event_recall_type_actor": 1.0,  # the core issue asks for >= 0.7
    "event_precision": 0.86,
    "event_f1": 0.92,
    "place_accuracy": 0.94,
    "actor_recall": 0.93,
    "actor_precision": 0.95,
    "date_accuracy": 0.99,
    "modality_accuracy": 0.83,
}
MAX_SCHEMA_ERRORS = 0  # every prediction must follow shared/contract/schema.json

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "dev"


@pytest.fixture(scope="module")
def report() -> Report:
    if not (DEV / "gold").is_dir() or not (DEV / "articles").is_dir():
        pytest.skip(f"shared dev set not found at {DEV.resolve()}: it sits beside the repository, not in it")
    if importlib.util.find_spec("marsad.pipeline") is None:
        pytest.skip("marsad.pipeline is not written yet: the gate needs the full pipeline")
    return run_evaluation(DEV / "gold", sorted((DEV / "articles").glob("*.txt")))


def test_every_dev_article_is_scored(report: Report) -> None:
    golds = {p.stem for p in (DEV / "gold").glob("*.json")}
    assert {d.doc for d in report.docs} == golds, report.warnings


def test_predictions_follow_the_contract(report: Report) -> None:
    assert report.schema_checked, "jsonschema is not installed: install marsad[test]"
    errors = [f"{d.doc}: {e}" for d in report.docs for e in d.schema_errors]
    assert report.schema_errors <= MAX_SCHEMA_ERRORS, "\n".join(errors[:40])


@pytest.mark.parametrize("metric", sorted(MINIMUMS))
def test_metric_at_or_above_minimum(report: Report, metric: str) -> None:
    value = report.metrics()[metric]
    assert value is not None, f"{metric} could not be computed on the dev set"
    assert value >= MINIMUMS[metric], f"{metric} = {value:.3f} < {MINIMUMS[metric]:.3f}\n{report.format()}"
