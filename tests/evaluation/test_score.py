"""Tests of the evaluation harness: each scoring rule of ANNOTATION.md on synthetic gold and predictions."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import EvaluationError
from marsad.evaluation import (
    Report,
    load_predictions,
    run_evaluation,
    schema_errors,
    score,
    score_document,
)
from marsad.evaluation.compare import (
    date_matches,
    haversine_km,
    location_matches,
    norm,
    strings_match,
    types_match,
)
from marsad.evaluation.run import read_article
from marsad.evaluation.score import max_matching

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

# Coordinates used below (approximate, written for these tests).
HOMS = (34.73, 36.71)
HAMA = (35.13, 36.75)  # about 45 km north of Homs
TALBISEH = (34.84, 36.73)  # about 12 km north of Homs
MOSUL = (36.34, 43.13)


# ---------------------------------------------------------------------------
# Builders of contract-shaped predictions and gold files


def actor(name: str, text: str | None = None, *, id: str | None = None, name_ar: str | None = None) -> dict[str, Any]:
    return {"id": id or name.lower().replace(" ", "_"), "name": name, "name_ar": name_ar, "kind": "state_military",
            "country": None, "wikidata": None, "text": text or name}


def place(name: str, lat: float, lon: float, *, text: str | None = None, country: str | None = "SY",
          name_ar: str | None = None) -> dict[str, Any]:
    return {"id": name.lower(), "name": name, "name_ar": name_ar, "geonames_id": None, "lat": lat, "lon": lon,
            "country": country, "admin1": None, "admin2": None, "precision": 1, "site": None,
            "text": text or name}


def event(type_: str, who: dict[str, Any] | None, where: dict[str, Any] | None, *, start: str | None = None,
          end: str | None = None, modality: str = "asserted", assoc: list[dict[str, Any]] | None = None,
          recipient: dict[str, Any] | None = None, eid: str = "e1") -> dict[str, Any]:
    return {
        "id": eid, "type": type_, "acled": {"event_type": "Strategic developments", "sub_event_type": "Other"},
        "plover": {"event_type": "MOVE", "mode": None}, "actor": who, "assoc_actors": assoc or [],
        "recipient": recipient, "location": where,
        "date": {"start": start, "end": end, "precision": "day" if start else "unknown", "text": None},
        "quantity": None,
        "attribution": {"source_kind": "unknown", "source_name": None, "medium": None, "text": None},
        "modality": modality, "confidence": 0.8, "evidence": {"text": "جملة الدليل", "start": 0, "end": 10},
    }


def doc(events: list[dict[str, Any]], *, places: list[dict[str, Any]] | None = None,
        entities: list[dict[str, Any]] | None = None, published: str | None = None) -> dict[str, Any]:
    for i, e in enumerate(events):
        e["id"] = f"e{i}"
    return {"schema": "marsad/1", "doc_id": "t", "source": {"path": None, "url": None, "outlet": None},
            "title": None, "published": published, "language": "ar", "text": "نص", "entities": entities or [],
            "places": [dict(p, mentions=[]) for p in places or []], "events": events, "warnings": []}


RUSSIA = {"name": "Russian Armed Forces", "aliases": ["Russian forces", "القوات الروسية", "الروس", "روسيا"]}
SDF = {"name": "Syrian Democratic Forces", "aliases": ["SDF", "قوات سوريا الديمقراطية", "قسد"]}


def gold_event(type_: str, who: str | None, where: dict[str, Any] | None, *, date: str | None = None,
               alt: list[str] | None = None, optional: bool = False, modality: str = "asserted") -> dict[str, Any]:
    return {"type": type_, "alt_types": alt or [], "actor": who, "recipient": None, "location": where,
            "date": date, "modality": modality, "optional": optional, "evidence": "دليل مكتوب للاختبار"}


def gold(events: list[dict[str, Any]], *, places: list[dict[str, Any]] | None = None,
         actors: list[dict[str, Any]] | None = None, published: str | None = None) -> dict[str, Any]:
    return {"doc": "t", "published": published, "actors": actors if actors is not None else [RUSSIA, SDF],
            "places": places or [], "events": events}


def at(lat_lon: tuple[float, float], name: str = "x", radius: float | None = None) -> dict[str, Any]:
    loc: dict[str, Any] = {"name": name, "lat": lat_lon[0], "lon": lat_lon[1]}
    if radius is not None:
        loc["radius_km"] = radius
    return loc


RU = actor("Russian Armed Forces", "القوات الروسية", id="ru.army")


def test_builders_make_contract_valid_predictions() -> None:
    pred = doc([event("WITHDRAW", RU, place("Homs", *HOMS), start="2024-01-02", assoc=[actor("Wagner Group")])],
               places=[place("Homs", *HOMS)],
               entities=[{"kind": "actor", "text": "القوات الروسية", "start": 0, "end": 14, "ref": "ru.army"}])
    assert schema_errors(pred) == []


# ---------------------------------------------------------------------------
# String normalisation and matching


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("القُوَّاتُ الرُّوسيّة", "قوات روسيه"),  # diacritics gone, ال dropped on long words, ة -> ه
        ("الجيـــش", "جيش"),  # tatweel
        ("إيران وأمريكا وآسيا", "ايران وامريكا واسيا"),  # alef forms
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("حزب الله", "حزب الله"),  # a four-letter word keeps its ال
        ("«قسد»، (SDF)!", "قسد sdf"),  # punctuation dropped, Latin lowercased
        ("pro-Iranian militias", "pro iranian militias"),  # a hyphen separates words
        ("Iran's militias", "irans militias"),  # an apostrophe joins
        ("  ", ""),
    ],
)
def test_norm(raw: str, expected: str) -> None:
    assert norm(raw) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("القوات الروسية", "القواتُ الروسيّة", True),  # equal after normalisation
        ("قوات روسية", "القوات الروسية", True),  # the article is ignored on long words
        ("القوات الروسية", "انسحبت القوات الروسية من المطار", True),  # whole words inside the longer
        ("روسيا", "روسيا الاتحادية", True),
        ("روسيا", "الروسيات", False),  # not a whole word
        ("قسد", "مقاتلي قسد", False),  # shorter than four characters: only equality counts
        ("قسد", "قسد", True),
        ("SDF", "sdf", True),
        ("Russian forces", "The Russian forces in Syria", True),
        ("Russian forces", "Russian", True),  # "russian" (7 chars) is a whole word of the other
        ("Wagner", "Wagnerites", False),
        ("", "", False),
    ],
)
def test_strings_match(a: str, b: str, expected: bool) -> None:
    assert strings_match(a, b) is expected
    assert strings_match(b, a) is expected


# ---------------------------------------------------------------------------
# Types, places, dates


@pytest.mark.parametrize(
    ("pred", "gold_type", "alt", "expected"),
    [
        ("WITHDRAW", "WITHDRAW", [], True),
        ("CLASH", "CAPTURE", ["CLASH"], True),  # an alternative type
        ("HANDOVER", "WITHDRAW", [], True),  # families
        ("WITHDRAW", "HANDOVER", [], True),
        ("SHELLING", "AIRSTRIKE", [], True),
        ("DEPLOY", "ESTABLISH_BASE", [], True),
        ("CLASH", "CAPTURE", [], False),
        ("AIRSTRIKE", "EXPLOSION", [], False),
        ("DEPLOY", "WITHDRAW", [], False),
    ],
)
def test_types_match(pred: str, gold_type: str, alt: list[str], expected: bool) -> None:
    assert types_match(pred, gold_type, alt) is expected


def test_haversine_is_sane() -> None:
    assert haversine_km(*HOMS, *HOMS) == 0.0
    assert 40 < haversine_km(*HOMS, *HAMA) < 50
    assert 10 < haversine_km(*HOMS, *TALBISEH) < 15


def test_location_radius_and_default() -> None:
    near, far = place("Talbiseh", *TALBISEH), place("Hama", *HAMA)
    assert location_matches(near, at(HOMS))  # within the default 30 km
    assert not location_matches(far, at(HOMS))  # 45 km: outside the default
    assert location_matches(far, at(HOMS, radius=100))  # a governorate-sized radius
    assert not location_matches(near, at(HOMS, radius=5))
    assert not location_matches(None, at(HOMS))


def test_location_country_only_and_null() -> None:
    assert location_matches(place("Homs", *HOMS, country="SY"), {"country_only": "SY"})
    assert location_matches(place("Homs", *HOMS, country="sy"), {"country_only": "SY"})
    assert not location_matches(place("Mosul", *MOSUL, country="IQ"), {"country_only": "SY"})
    assert not location_matches(place("Somewhere", *HOMS, country=None), {"country_only": "SY"})
    assert not location_matches(None, {"country_only": "SY"})
    # A null gold location (the article names no place) accepts any location or none.
    assert location_matches(None, None)
    assert location_matches(place("Mosul", *MOSUL, country="IQ"), None)


@pytest.mark.parametrize(
    ("start", "end", "gold_date", "expected"),
    [
        ("2024-03-05", None, "2024-03-05", True),
        ("2024-03-04", None, "2024-03-05", False),
        ("2024-03-01", "2024-03-07", "2024-03-05", True),  # a range that contains it
        ("2024-03-06", "2024-03-07", "2024-03-05", False),
        ("2024-03-05", "2024-03-05", "2024-03-05", True),
        ("2024-03-14", None, "2024-03", True),  # month precision: same month
        ("2024-03-01", "2024-03-31", "2024-03", True),
        ("2024-04-01", None, "2024-03", False),
        ("2024-02-25", "2024-03-03", "2024-03", False),  # a range that leaves the month
        ("2024-06-01", None, "2024", True),  # year precision
        (None, None, "2024-03-05", False),
    ],
)
def test_date_matches(start: str | None, end: str | None, gold_date: str, expected: bool) -> None:
    assert date_matches({"start": start, "end": end, "precision": "day", "text": None}, gold_date) is expected


# ---------------------------------------------------------------------------
# Event matching


def test_perfect_match() -> None:
    g = gold([gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS), date="2024-03-05")])
    s = score_document(g, doc([event("WITHDRAW", RU, place("Homs", *HOMS), start="2024-03-05")]))
    assert (s.events.tp, s.events.fp, s.events.fn) == (1, 0, 0)
    assert s.events.f1 == 1.0
    assert s.dates.value == 1.0 and s.modality.value == 1.0
    assert not s.missed_events and not s.false_positives


def test_actor_by_name_text_name_ar_id_or_assoc() -> None:
    g = gold([gold_event("DEPLOY", "Russian Armed Forces", at(HOMS))])
    loc = place("Homs", *HOMS)
    by_text = actor("Unknown Force", "القوات الروسية", id="x1")
    by_name_ar = actor("Unknown Force", "قوات", id="x2", name_ar="الروس")
    by_name = actor("Russian forces", "هم", id="x3")
    by_id = actor("Unknown Force", "هم", id="Russian forces")
    stranger = actor("Turkish Armed Forces", "القوات التركية", id="tr.army")
    for who in (by_text, by_name_ar, by_name, by_id):
        assert score_document(g, doc([event("DEPLOY", who, loc)])).events.tp == 1, who
    assert score_document(g, doc([event("DEPLOY", stranger, loc, assoc=[by_text])])).events.tp == 1
    miss = score_document(g, doc([event("DEPLOY", stranger, loc, recipient=by_text)]))
    assert (miss.events.tp, miss.events.fp, miss.events.fn) == (0, 1, 1)  # a recipient is not the actor
    assert miss.missed_events[0].type == "DEPLOY"
    assert miss.false_positives[0].actor == "Turkish Armed Forces (القوات التركية)"


def test_null_gold_actor_accepts_any_actor() -> None:
    g = gold([gold_event("ATTACK", None, at(HOMS))])
    assert score_document(g, doc([event("ATTACK", None, place("Homs", *HOMS))])).events.tp == 1
    assert score_document(g, doc([event("ATTACK", RU, place("Homs", *HOMS))])).events.tp == 1


def test_alt_types_and_families_in_documents() -> None:
    g = gold([gold_event("HANDOVER", "Russian Armed Forces", at(HOMS), alt=["CAPTURE"])])
    for t in ("HANDOVER", "WITHDRAW", "CAPTURE"):
        assert score_document(g, doc([event(t, RU, place("Homs", *HOMS))])).events.tp == 1, t
    assert score_document(g, doc([event("CLASH", RU, place("Homs", *HOMS))])).events.tp == 0


def test_two_predictions_for_one_gold_event() -> None:
    g = gold([gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS))])
    s = score_document(g, doc([event("WITHDRAW", RU, place("Homs", *HOMS)),
                               event("WITHDRAW", RU, place("Talbiseh", *TALBISEH))]))
    assert (s.events.tp, s.events.fp, s.events.fn) == (1, 1, 0)
    assert s.events.precision == 0.5 and s.events.recall == 1.0


def test_optional_events_are_neither_hits_nor_errors() -> None:
    g = gold([gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS)),
              gold_event("DEPLOY", "Syrian Democratic Forces", at(HAMA), optional=True)])
    sdf = actor("Syrian Democratic Forces", "قوات سوريا الديمقراطية", id="sdf")
    found_optional = score_document(g, doc([event("WITHDRAW", RU, place("Homs", *HOMS)),
                                            event("DEPLOY", sdf, place("Hama", *HAMA))]))
    assert (found_optional.events.tp, found_optional.events.fp, found_optional.events.fn) == (1, 0, 0)
    assert found_optional.optional_matched == 1
    missed_optional = score_document(g, doc([event("WITHDRAW", RU, place("Homs", *HOMS))]))
    assert (missed_optional.events.tp, missed_optional.events.fp, missed_optional.events.fn) == (1, 0, 0)
    nothing = score_document(g, doc([]))
    assert (nothing.events.tp, nothing.events.fp, nothing.events.fn) == (0, 0, 1)
    assert nothing.events.precision is None and nothing.events.recall == 0.0


def test_required_events_are_matched_first() -> None:
    # Prediction A fits the required and the optional gold event; B fits only the required
    # one. The best matching gives B to the required event and lets A fall on the optional.
    g = gold([gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS, radius=100)),
              gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS), optional=True)])
    a = event("WITHDRAW", RU, place("Homs", *HOMS))
    b = event("WITHDRAW", RU, place("Hama", *HAMA))
    for preds in ([a, b], [b, a]):
        s = score_document(g, doc(preds))
        assert (s.events.tp, s.events.fp, s.events.fn) == (1, 0, 0)
        assert s.optional_matched == 1
    # With only A, A goes to the required event, not the optional one.
    s = score_document(g, doc([event("WITHDRAW", RU, place("Homs", *HOMS))]))
    assert (s.events.tp, s.optional_matched) == (1, 0)


def test_type_actor_variant_ignores_location() -> None:
    g = gold([gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS)),
              gold_event("WITHDRAW", "Russian Armed Forces", {"country_only": "SY"})])
    s = score_document(g, doc([event("WITHDRAW", RU, place("Mosul", *MOSUL, country="IQ")),
                               event("WITHDRAW", RU, None)]))
    assert (s.events.tp, s.events.fp, s.events.fn) == (0, 2, 2)
    assert (s.events_type_actor.tp, s.events_type_actor.fp, s.events_type_actor.fn) == (2, 0, 0)


def test_country_only_in_documents() -> None:
    g = gold([gold_event("FORM_GROUP", "Syrian Democratic Forces", {"country_only": "SY"})])
    sdf = actor("SDF", "قسد", id="sdf")
    assert score_document(g, doc([event("FORM_GROUP", sdf, place("Homs", *HOMS, country="SY"))])).events.tp == 1
    assert score_document(g, doc([event("FORM_GROUP", sdf, place("Mosul", *MOSUL, country="IQ"))])).events.tp == 0


def test_dates_and_modality_are_scored_over_hits_only() -> None:
    g = gold([
        gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS), date="2024-03-05"),
        gold_event("DEPLOY", "Russian Armed Forces", at(HAMA), date="2024-03", modality="reported"),
        gold_event("ESTABLISH_BASE", "Syrian Democratic Forces", at(MOSUL), date="2024-03-01"),  # missed
        gold_event("WITHDRAW", "Russian Armed Forces", at(TALBISEH, radius=5)),  # no gold date
    ])
    s = score_document(g, doc([
        event("WITHDRAW", RU, place("Homs", *HOMS), start="2024-03-01", end="2024-03-07"),
        event("DEPLOY", RU, place("Hama", *HAMA), start="2024-04-02", modality="reported"),
        event("WITHDRAW", RU, place("Talbiseh", *TALBISEH), start="1999-01-01", modality="planned"),
    ]))
    assert s.events.tp == 3
    assert (s.dates.hits, s.dates.total) == (1, 2)
    assert [(d.gold, d.predicted) for d in s.date_errors] == [("2024-03", "2024-04-02")]
    assert (s.modality.hits, s.modality.total) == (2, 3)


def test_matching_prefers_the_prediction_with_the_right_date() -> None:
    g = gold([gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS), date="2024-03-05")])
    s = score_document(g, doc([event("WITHDRAW", RU, place("Homs", *HOMS), start="2024-01-01"),
                               event("WITHDRAW", RU, place("Homs", *HOMS), start="2024-03-05")]))
    assert (s.events.tp, s.events.fp, s.dates.hits) == (1, 1, 1)


# ---------------------------------------------------------------------------
# Places and actors


HOMS_GOLD = {"text": "حمص", "name": "Homs", "lat": HOMS[0], "lon": HOMS[1], "radius_km": 25}
HAMA_GOLD = {"text": "حماة", "name": "Hama", "lat": HAMA[0], "lon": HAMA[1], "radius_km": 25}


def test_place_found_through_document_places() -> None:
    g = gold([], places=[HOMS_GOLD, HAMA_GOLD])
    s = score_document(g, doc([], places=[place("Homs", *HOMS, text="حمص")]))
    assert (s.places.hits, s.places.total) == (1, 2)
    assert s.missed_places == ["Hama (حماة)"]


def test_place_found_through_event_location_by_name() -> None:
    g = gold([], places=[HAMA_GOLD])
    s = score_document(g, doc([event("SHELLING", RU, place("Hama", *HAMA, text="مدينة حماه"))]))
    assert s.places.value == 1.0


def test_place_needs_both_name_and_radius() -> None:
    g = gold([], places=[HOMS_GOLD])
    wrong_spot = score_document(g, doc([], places=[place("Homs", *MOSUL, text="حمص")]))
    wrong_name = score_document(g, doc([], places=[place("Talbiseh", *TALBISEH, text="تلبيسة")]))
    assert wrong_spot.places.value == 0.0 and wrong_name.places.value == 0.0


def test_actor_recall_and_precision() -> None:
    g = gold([])
    ent = {"kind": "actor", "text": "قسد", "start": 0, "end": 3, "ref": "sdf"}
    turkey = actor("Turkish Armed Forces", "الجيش التركي", id="tr.army")
    pred = doc([event("DEPLOY", RU, None, recipient=turkey),
                event("WITHDRAW", RU, None, assoc=[turkey])], entities=[ent])
    s = score_document(g, pred)
    assert (s.actor_recall.hits, s.actor_recall.total) == (2, 2)  # RU as participant, SDF as mention
    assert (s.actor_precision.hits, s.actor_precision.total) == (1, 2)  # distinct participants: RU, Turkey
    assert s.unmatched_participants == ["tr.army"]
    place_only = score_document(g, doc([], entities=[{"kind": "place", "text": "روسيا", "start": 0, "end": 5,
                                                      "ref": None}]))
    assert place_only.actor_recall.hits == 0 and place_only.missed_actors == [RUSSIA["name"], SDF["name"]]


def test_published_date_is_reported() -> None:
    g = gold([], published="2024-03-05")
    assert score_document(g, doc([], published="2024-03-05")).published.value == 1.0
    assert score_document(g, doc([], published=None)).published.value == 0.0


# ---------------------------------------------------------------------------
# Matching algorithm


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.data())
def test_max_matching_is_maximum(n_left: int, n_right: int, data: st.DataObject) -> None:
    edges = data.draw(st.sets(st.tuples(st.integers(0, n_left - 1), st.integers(0, n_right - 1))))
    adjacency = [[v for (u, v) in sorted(edges) if u == left] for left in range(n_left)]
    matching = max_matching(adjacency, list(range(n_left)), n_right)
    assert len(set(matching.values())) == len(matching)
    assert all((u, v) in edges for u, v in matching.items())
    best = 0
    for k in range(min(n_left, n_right), 0, -1):
        for lefts in itertools.combinations(range(n_left), k):
            for rights in itertools.permutations(range(n_right), k):
                if all((u, v) in edges for u, v in zip(lefts, rights, strict=True)):
                    best = k
                    break
            if best:
                break
        if best:
            break
    assert len(matching) == best


# ---------------------------------------------------------------------------
# Reports and runs


def test_score_micro_averages_and_warnings() -> None:
    g1 = gold([gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS))])
    g2 = gold([gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS)),
               gold_event("DEPLOY", "Russian Armed Forces", at(HAMA))])
    preds = {"a": doc([event("WITHDRAW", RU, place("Homs", *HOMS))]), "zzz": doc([])}
    report = score({"a": g1, "b": g2}, preds)
    assert [d.doc for d in report.docs] == ["a", "b"]
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 0, 2)
    m = report.metrics()
    assert m["event_recall"] == pytest.approx(1 / 3) and m["event_precision"] == 1.0
    assert any("b: no prediction" in w for w in report.warnings)
    assert any("zzz" in w and "no gold" in w for w in report.warnings)
    d = report.to_dict()
    json.dumps(d, ensure_ascii=False)
    assert d["metrics"]["event_f1"] == pytest.approx(0.5)
    assert d["docs"][1]["missed_events"][0]["type"] == "WITHDRAW"
    text = report.format()
    assert "event recall (type+actor)" in text and "b:" in text and "DEPLOY | Russian Armed Forces" in text


class _FakePipeline:
    """Stands in for marsad.pipeline.Pipeline: a Russian withdrawal at Homs for every article."""

    def __init__(self, *, broken: bool = False) -> None:
        self.broken = broken
        self.calls: list[dict[str, Any]] = []

    def run(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        pred = doc([event("WITHDRAW", RU, place("Homs", *HOMS), start="2024-03-05")], published=kwargs["published"])
        pred["doc_id"] = kwargs["doc_id"]
        if self.broken:
            del pred["warnings"]
            pred["events"][0]["modality"] = "rumoured"

        class _Doc:
            def to_contract(self) -> dict[str, Any]:
                return pred

        return _Doc()


def _write_dev(tmp_path: Path) -> tuple[Path, Path]:
    articles, golds = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    golds.mkdir()
    (articles / "001.txt").write_text(
        "title: انسحاب من حمص\nsource: unknown\nurl: https://example.org/a\ndate: 2024-03-05\n\n"
        "انسحبت القوات الروسية من مواقعها في حمص.\n", encoding="utf-8")
    (articles / "002.txt").write_text("title: لا ذهب\nsource: unknown\nurl: unknown\ndate: unknown\n\nنص.\n",
                                      encoding="utf-8")
    g = gold([gold_event("WITHDRAW", "Russian Armed Forces", at(HOMS), date="2024-03-05")],
             places=[HOMS_GOLD], published="2024-03-05")
    (golds / "001.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    return articles, golds


def test_run_evaluation_with_a_pipeline(tmp_path: Path) -> None:
    articles, golds = _write_dev(tmp_path)
    pipe = _FakePipeline()
    report = run_evaluation(golds, [articles], pipeline=pipe)
    assert isinstance(report, Report)
    assert [c["doc_id"] for c in pipe.calls] == ["001"]
    call = pipe.calls[0]
    assert call["title"] == "انسحاب من حمص" and call["published"] == "2024-03-05"
    assert call["url"] == "https://example.org/a" and call["outlet"] is None
    assert call["text"].startswith("انسحبت القوات الروسية")
    assert report.schema_checked and report.schema_errors == 0
    m = report.metrics()
    assert m["event_f1"] == 1.0 and m["place_accuracy"] == 1.0 and m["date_accuracy"] == 1.0
    assert m["published_accuracy"] == 1.0
    assert any("002" in w and "no gold" in w for w in report.warnings)
    assert report.seconds is not None and report.seconds >= 0


def test_run_evaluation_counts_schema_errors(tmp_path: Path) -> None:
    articles, golds = _write_dev(tmp_path)
    report = run_evaluation(golds, [articles / "001.txt"], pipeline=_FakePipeline(broken=True))
    assert report.schema_errors == 2
    assert report.metrics()["schema_errors"] == 2
    assert any("warnings" in e for e in report.docs[0].schema_errors)
    assert "schema errors:" in report.format()


def test_run_evaluation_errors_are_named(tmp_path: Path) -> None:
    articles, golds = _write_dev(tmp_path)
    with pytest.raises(EvaluationError, match="no such gold directory"):
        run_evaluation(tmp_path / "missing", [articles], pipeline=_FakePipeline())
    with pytest.raises(EvaluationError, match="none of the"):
        run_evaluation(golds, [articles / "002.txt"], pipeline=_FakePipeline())

    class _Crashing:
        def run(self, **kwargs: Any) -> Any:
            raise ValueError("boom")

    with pytest.raises(EvaluationError, match=r"001\.txt: the pipeline failed"):
        run_evaluation(golds, [articles], pipeline=_Crashing())


def test_read_article_header_block(tmp_path: Path) -> None:
    p = tmp_path / "003.txt"
    p.write_text("title: عنوان\nsource: وكالة\nurl: unknown\ndate: unknown\n\nالسطر الأول.\n\nالسطر الثاني.\n",
                 encoding="utf-8")
    art = read_article(p)
    assert (art.title, art.outlet, art.url, art.published) == ("عنوان", "وكالة", None, None)
    assert art.text.strip() == "السطر الأول.\n\nالسطر الثاني."
    with pytest.raises(EvaluationError, match="cannot read the article"):
        read_article(tmp_path / "missing.txt")


def test_load_predictions_json_and_jsonl(tmp_path: Path) -> None:
    a = doc([])
    a["source"]["path"] = "/data/articles/007.txt"
    b = doc([])
    b["doc_id"] = "008"
    (tmp_path / "p.jsonl").write_text("\n".join(json.dumps(x) for x in (a, b)) + "\n", encoding="utf-8")
    (tmp_path / "p.json").write_text(json.dumps([a, b]), encoding="utf-8")
    for name in ("p.jsonl", "p.json"):
        assert sorted(load_predictions(tmp_path / name)) == ["007", "008"]


def test_evaluate_script_scores_saved_predictions(tmp_path: Path) -> None:
    _, golds = _write_dev(tmp_path)
    pred = doc([event("WITHDRAW", RU, place("Homs", *HOMS), start="2024-03-05")], places=[place("Homs", *HOMS)])
    pred["doc_id"] = "001"
    (tmp_path / "preds.jsonl").write_text(json.dumps(pred, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "report.json"
    script = Path(__file__).resolve().parents[2] / "scripts" / "evaluate.py"
    run = subprocess.run([sys.executable, str(script), str(golds), "--predictions", str(tmp_path / "preds.jsonl"),
                          "--json", str(out)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "event F1" in run.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["metrics"]["event_f1"] == 1.0
    bad = subprocess.run([sys.executable, str(script), str(tmp_path / "nowhere"), "--predictions", str(out)],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "no such gold directory" in bad.stderr


# ---------------------------------------------------------------------------
# Against the real dev gold (read at run time, never copied)


def _gold_as_prediction(g: dict[str, Any]) -> dict[str, Any]:
    """A prediction that says exactly what the gold says, in contract form."""
    names = {a["name"]: a for a in g["actors"]}
    events = []
    for ge in g["events"]:
        who = actor(ge["actor"], names[ge["actor"]]["aliases"][0]) if ge["actor"] else None
        loc = ge["location"]
        if loc is None:
            where = None
        elif "country_only" in loc:
            where = place("Country", 0.0, 0.0, country=loc["country_only"])
        else:
            where = place(loc["name"], loc["lat"], loc["lon"])
        d = ge["date"]
        events.append(event(ge["type"], who, where, start=d if d and len(d) == 10 else (f"{d}-01" if d else None),
                            modality=ge["modality"]))
    places = [place(p["name"], p["lat"], p["lon"], text=p["text"]) for p in g["places"]]
    mentions = [{"kind": "actor", "text": a["aliases"][0] if a["aliases"] else a["name"], "start": 0, "end": 1,
                 "ref": None} for a in g["actors"]]
    return doc(events, places=places, entities=mentions, published=g["published"])


def test_dev_gold_scores_perfectly_against_itself() -> None:
    gold_dir = SHARED / "dev" / "gold"
    if not gold_dir.is_dir():
        pytest.skip(f"dev gold not found at {gold_dir}: the shared data sits beside the repository")
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}
    report = score(golds, {k: _gold_as_prediction(g) for k, g in golds.items()})
    m = report.metrics()
    for name in ("event_precision", "event_recall", "event_recall_type_actor", "place_accuracy",
                 "actor_recall", "actor_precision", "date_accuracy", "modality_accuracy", "published_accuracy"):
        assert m[name] == 1.0, (name, report.format())


def test_bundled_schema_is_the_contract() -> None:
    shared_schema = SHARED / "contract" / "schema.json"
    if not shared_schema.is_file():
        pytest.skip(f"contract schema not found at {shared_schema}: the shared data sits beside the repository")
    bundled = Path(__file__).resolve().parents[2] / "src" / "marsad" / "evaluation" / "contract_schema.json"
    assert json.loads(bundled.read_text(encoding="utf-8")) == json.loads(shared_schema.read_text(encoding="utf-8"))
