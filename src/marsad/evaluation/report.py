"""Evaluation results: per-document scores, micro-averaged totals, and their text and JSON forms."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import reduce
from typing import Any


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(slots=True)
class Ratio:
    """`hits` out of `total`; `value` is None when there is nothing to count."""

    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return _ratio(self.hits, self.total)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"hits": self.hits, "total": self.total, "value": self.value}


@dataclass(frozen=True, slots=True)
class EventMiss:
    """A required gold event that no prediction matched."""

    type: str
    actor: str | None
    location: str | None
    date: str | None
    evidence: str | None


@dataclass(frozen=True, slots=True)
class FalsePositive:
    """A predicted event that matched no gold event."""

    id: str | None
    type: str | None
    actor: str | None
    location: str | None
    evidence: str | None


@dataclass(frozen=True, slots=True)
class DateMiss:
    """A matched event whose predicted date does not agree with the gold date."""

    type: str
    gold: str
    predicted: str | None
    evidence: str | None


@dataclass(slots=True)
class DocScore:
    """Everything scored for one document, with the misses listed for reading."""

    doc: str
    events: Counts = field(default_factory=Counts)
    events_type_actor: Counts = field(default_factory=Counts)
    optional_matched: int = 0  # predictions that matched only optional gold events
    places: Ratio = field(default_factory=Ratio)
    actor_recall: Ratio = field(default_factory=Ratio)
    actor_precision: Ratio = field(default_factory=Ratio)
    dates: Ratio = field(default_factory=Ratio)
    modality: Ratio = field(default_factory=Ratio)
    published: Ratio = field(default_factory=Ratio)
    schema_errors: list[str] = field(default_factory=list)
    missed_events: list[EventMiss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    missed_places: list[str] = field(default_factory=list)
    missed_actors: list[str] = field(default_factory=list)
    unmatched_participants: list[str] = field(default_factory=list)
    date_errors: list[DateMiss] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doc": self.doc}
        for name in ("events", "events_type_actor", "places", "actor_recall", "actor_precision",
                     "dates", "modality", "published"):
            out[name] = getattr(self, name).to_dict()
        out["optional_matched"] = self.optional_matched
        out["schema_errors"] = list(self.schema_errors)
        out["missed_events"] = [asdict(m) for m in self.missed_events]
        out["false_positives"] = [asdict(m) for m in self.false_positives]
        out["missed_places"] = list(self.missed_places)
        out["missed_actors"] = list(self.missed_actors)
        out["unmatched_participants"] = list(self.unmatched_participants)
        out["date_errors"] = [asdict(m) for m in self.date_errors]
        return out


EVIDENCE_SHOWN = 160  # characters of evidence per line in format(); a sentence, not a paragraph
MAX_SCHEMA_ERRORS_SHOWN = 20  # per document in format(); enough to see the pattern without flooding

# Totals that are summed over documents (micro averages), by DocScore attribute.
_COUNTS = ("events", "events_type_actor")
_RATIOS = ("places", "actor_recall", "actor_precision", "dates", "modality", "published")


@dataclass(slots=True)
class Report:
    """Scores for a set of documents: `docs` one by one, and micro-averaged totals."""

    docs: list[DocScore] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_checked: bool = False  # whether predictions were validated against schema.json
    seconds: float | None = None  # pipeline time over all documents, when the run measured it

    def _sum_counts(self, name: str) -> Counts:
        return reduce(lambda a, b: a + b, (getattr(d, name) for d in self.docs), Counts())

    def _sum_ratio(self, name: str) -> Ratio:
        return reduce(lambda a, b: a + b, (getattr(d, name) for d in self.docs), Ratio())

    @property
    def events(self) -> Counts:
        return self._sum_counts("events")

    @property
    def events_type_actor(self) -> Counts:
        return self._sum_counts("events_type_actor")

    @property
    def places(self) -> Ratio:
        return self._sum_ratio("places")

    @property
    def actor_recall(self) -> Ratio:
        return self._sum_ratio("actor_recall")

    @property
    def actor_precision(self) -> Ratio:
        return self._sum_ratio("actor_precision")

    @property
    def dates(self) -> Ratio:
        return self._sum_ratio("dates")

    @property
    def modality(self) -> Ratio:
        return self._sum_ratio("modality")

    @property
    def published(self) -> Ratio:
        return self._sum_ratio("published")

    @property
    def schema_errors(self) -> int:
        return sum(len(d.schema_errors) for d in self.docs)

    def metrics(self) -> dict[str, float | int | None]:
        """The headline numbers, flat, under stable names (the eval gate reads these)."""
        ev, ta = self.events, self.events_type_actor
        return {
            "event_precision": ev.precision,
            "event_recall": ev.recall,
            "event_f1": ev.f1,
            "event_precision_type_actor": ta.precision,
            "event_recall_type_actor": ta.recall,
            "event_f1_type_actor": ta.f1,
            "place_accuracy": self.places.value,
            "actor_recall": self.actor_recall.value,
            "actor_precision": self.actor_precision.value,
            "date_accuracy": self.dates.value,
            "modality_accuracy": self.modality.value,
            "published_accuracy": self.published.value,
            "schema_errors": self.schema_errors,
        }

    def to_dict(self) -> dict[str, Any]:
        totals: dict[str, Any] = {name: getattr(self, name).to_dict() for name in _COUNTS + _RATIOS}
        totals["optional_matched"] = sum(d.optional_matched for d in self.docs)
        return {
            "documents": len(self.docs),
            "schema_checked": self.schema_checked,
            "seconds": self.seconds,
            "metrics": self.metrics(),
            "totals": totals,
            "docs": [d.to_dict() for d in self.docs],
            "warnings": list(self.warnings),
        }

    def format(self, *, details: bool = True) -> str:
        """A plain-text report: the headline metrics, a table per document, then the misses."""
        lines: list[str] = []
        ev, ta = self.events, self.events_type_actor
        schema = str(self.schema_errors) if self.schema_checked else "not checked"
        lines.append(
            f"marsad evaluation: {len(self.docs)} documents, {ev.tp + ev.fn} required gold events, "
            f"{ev.tp + ev.fp + sum(d.optional_matched for d in self.docs)} predicted events, "
            f"schema errors: {schema}"
        )
        if self.seconds:
            lines.append(f"pipeline time: {self.seconds:.3f} s ({len(self.docs) / self.seconds:.1f} documents/s)")
        lines.append("")
        rows: list[tuple[str, float | None, str]] = [
            ("event precision", ev.precision, f"{ev.tp}/{ev.tp + ev.fp}"),
            ("event recall", ev.recall, f"{ev.tp}/{ev.tp + ev.fn}"),
            ("event F1", ev.f1, ""),
            ("event precision (type+actor)", ta.precision, f"{ta.tp}/{ta.tp + ta.fp}"),
            ("event recall (type+actor)", ta.recall, f"{ta.tp}/{ta.tp + ta.fn}"),
            ("event F1 (type+actor)", ta.f1, ""),
        ]
        for label, name in (("place accuracy", "places"), ("actor recall", "actor_recall"),
                            ("actor precision", "actor_precision"), ("date accuracy", "dates"),
                            ("modality accuracy", "modality"), ("published date accuracy", "published")):
            r: Ratio = getattr(self, name)
            rows.append((label, r.value, f"{r.hits}/{r.total}"))
        width = max(len(label) for label, _, _ in rows)
        for label, value, count in rows:
            lines.append(f"  {label:<{width}}  {_fmt(value):>5}  {count}")
        lines.append("")
        header = ("doc", "ev P", "ev R", "ev F1", "ta R", "places", "act R", "act P", "dates", "modal", "schema")
        table = [header]
        for d in self.docs:
            table.append((
                d.doc, _fmt(d.events.precision), _fmt(d.events.recall), _fmt(d.events.f1),
                _fmt(d.events_type_actor.recall), _fmt(d.places.value), _fmt(d.actor_recall.value),
                _fmt(d.actor_precision.value), _fmt(d.dates.value), _fmt(d.modality.value),
                str(len(d.schema_errors)) if self.schema_checked else "-",
            ))
        widths = [max(len(row[k]) for row in table) for k in range(len(header))]
        for row in table:
            lines.append("  " + "  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)))
        if details:
            for d in self.docs:
                lines.extend(_details(d))
        if self.warnings:
            lines.append("")
            lines.append("warnings:")
            lines.extend(f"  - {w}" for w in self.warnings)
        return "\n".join(lines) + "\n"


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _clip(text: str | None) -> str:
    if not text:
        return "-"
    text = " ".join(text.split())
    return text if len(text) <= EVIDENCE_SHOWN else text[: EVIDENCE_SHOWN - 1] + "…"


def _details(d: DocScore) -> list[str]:
    out: list[str] = []

    def section(title: str, items: list[str]) -> None:
        if items:
            out.append(f"  {title}:")
            out.extend(f"    - {item}" for item in items)

    section("missed events", [
        f"{m.type} | {m.actor} | {m.location} | {m.date} | {_clip(m.evidence)}" for m in d.missed_events
    ])
    section("false positives", [
        f"{m.type} | {m.actor} | {m.location} | {_clip(m.evidence)}" for m in d.false_positives
    ])
    section("wrong dates", [
        f"{m.type}: gold {m.gold}, predicted {m.predicted} | {_clip(m.evidence)}" for m in d.date_errors
    ])
    section("missed places", d.missed_places)
    section("missed actors", d.missed_actors)
    section("participants matching no gold actor", d.unmatched_participants)
    shown = d.schema_errors[:MAX_SCHEMA_ERRORS_SHOWN]
    if len(d.schema_errors) > MAX_SCHEMA_ERRORS_SHOWN:
        shown.append(f"... and {len(d.schema_errors) - MAX_SCHEMA_ERRORS_SHOWN} more")
    section("schema errors", shown)
    if out:
        out.insert(0, "")
        out.insert(1, f"{d.doc}:")
    return out
