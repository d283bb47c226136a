"""Scoring marsad's output against gold annotations (shared/dev/ANNOTATION.md) and checking the contract."""

from marsad.evaluation.report import Counts, DocScore, Ratio, Report
from marsad.evaluation.run import (
    load_golds,
    load_predictions,
    run_evaluation,
    schema_errors,
)
from marsad.evaluation.score import score, score_document

__all__ = [
    "Counts", "DocScore", "Ratio", "Report", "load_golds", "load_predictions", "run_evaluation",
    "schema_errors", "score", "score_document",
]
