"""Checks of the curated gazetteer lists (sites, regions, places) that scripts/build_gazetteer.py merges."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from importlib.resources import files
from typing import Any

import pytest
import yaml

from marsad.geo import haversine_km
from marsad.text.normalize import key

FILES = {"sites.yaml": "site:", "regions.yaml": "region:", "places.yaml": "place:"}

SITE_KINDS = {"base", "airport", "depot", "hq", "camp", "checkpoint", "point", "port", "crossing", "other"}
OTHER_KINDS = {"field", "dam", "sea", "river", "lake", "mountain", "region", "governorate_centre", "city", "town",
               "village", "neighbourhood", "country"}
REQUIRED = ("id", "name", "name_ar", "aliases", "kind", "lat", "lon", "country", "admin1", "admin2", "precision",
            "curated")

# Generous bounding boxes (south, west, north, east) of the countries the lists place things in.
BBOX = {
    "SY": (32.2, 35.5, 37.4, 42.5),
    "IQ": (29.0, 38.7, 37.5, 48.7),
    "LB": (33.0, 35.0, 34.75, 36.7),
    "JO": (29.1, 34.9, 33.4, 39.4),
    "TR": (35.8, 25.6, 42.2, 44.9),
    "IL": (29.4, 34.2, 33.4, 35.95),
    "PS": (31.2, 34.2, 32.6, 35.6),
    "IR": (25.0, 44.0, 39.8, 63.4),
}
# Kinds whose coordinates are a symbolic centre, not a point inside `country`'s box.
NO_BBOX_KINDS = {"sea", "country"}

# OCHA English names of Syria's governorates, as in /work/shared/data/ocha_syr_admin/admin1.tsv.
SY_ADMIN1 = {"Damascus", "Aleppo", "Rural Damascus", "Homs", "Hama", "Lattakia", "Idleb", "Al-Hasakeh",
             "Deir-ez-Zor", "Tartous", "Ar-Raqqa", "Dara", "As-Sweida", "Quneitra"}

# Two entries may share an alias only when they are this close (the same place seen as town and site).
SAME_PLACE_KM = 5.0

MUST_HAVE = ["حميميم", "التيفور", "الشعيرات", "كويرس", "المزة", "مطار القامشلي", "مطار دير الزور", "الطبقة",
             "الجراح", "أبو الظهور", "طرطوس", "مستودعات مهين", "مهين", "التنف", "كونيكو", "حقل العمر", "خراب الجير",
             "رميلان", "الشدادي", "عين عيسى", "باب الهوى", "باب السلامة", "البوكمال", "القائم", "نصيب",
             "جديدة يابوس", "عين الأسد", "حرير", "فيكتوري", "الفرات", "بحر قزوين", "البحر المتوسط"]


@cache
def _load(name: str) -> tuple[dict[str, Any], ...]:
    text = (files("marsad.gazetteer") / "curated" / name).read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    assert isinstance(doc, dict) and doc.get("version") and isinstance(doc.get("entries"), list), name
    return tuple(doc["entries"])


def _all() -> list[tuple[str, dict[str, Any]]]:
    return [(name, e) for name in FILES for e in _load(name)]


def _names(e: dict[str, Any]) -> list[str]:
    return [e["name_ar"], *e["aliases"]]


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])


@pytest.mark.parametrize("name", list(FILES))
def test_file_loads_with_required_fields(name: str) -> None:
    entries = _load(name)
    assert entries, name
    for e in entries:
        missing = [f for f in REQUIRED if f not in e]
        assert not missing, (e.get("id"), missing)
        assert str(e["id"]).startswith(FILES[name]), e["id"]
        assert isinstance(e["name"], str) and e["name"].strip(), e["id"]
        assert isinstance(e["name_ar"], str) and any("\u0600" <= c <= "\u06ff" for c in e["name_ar"]), e["id"]
        assert isinstance(e["aliases"], list) and all(isinstance(a, str) and a.strip() for a in e["aliases"]), e["id"]
        assert isinstance(e["lat"], float) and isinstance(e["lon"], float), e["id"]
        assert -90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180, e["id"]
        assert e["precision"] in (1, 2, 3), e["id"]
        assert e["curated"] is True, e["id"]
        assert e["country"] is None or (isinstance(e["country"], str) and len(e["country"]) == 2), e["id"]


def test_ids_unique_across_files() -> None:
    seen: dict[str, str] = {}
    for name, e in _all():
        assert e["id"] not in seen, f"{e['id']} in {name} and {seen[e['id']]}"
        seen[e["id"]] = name


def test_kinds_valid() -> None:
    for name, e in _all():
        allowed = SITE_KINDS | OTHER_KINDS
        assert e["kind"] in allowed, (name, e["id"], e["kind"])
    for e in _load("places.yaml"):
        assert e["kind"] in {"city", "town", "village", "neighbourhood", "camp", "other"}, e["id"]


def test_precision_matches_the_file() -> None:
    for e in _load("sites.yaml") + _load("places.yaml"):
        assert e["precision"] == 1, e["id"]
    for e in _load("regions.yaml"):
        assert e["precision"] in (2, 3), e["id"]
        if e["kind"] in ("country", "sea", "governorate_centre"):
            assert e["precision"] == 3, e["id"]


def test_seas_have_no_country_and_others_do() -> None:
    for _, e in _all():
        if e["kind"] == "sea":
            assert e["country"] is None and e["admin1"] is None, e["id"]
        else:
            assert e["country"], e["id"]


def test_coordinates_inside_country_box() -> None:
    outside = []
    for _, e in _all():
        if e["kind"] in NO_BBOX_KINDS or e["country"] not in BBOX:
            continue
        s, w, n, east = BBOX[e["country"]]
        if not (s <= e["lat"] <= n and w <= e["lon"] <= east):
            outside.append((e["id"], e["country"], e["lat"], e["lon"]))
    assert not outside, outside


def test_syrian_admin1_uses_ocha_names() -> None:
    for _, e in _all():
        if e["country"] == "SY" and e["admin1"] is not None:
            assert e["admin1"] in SY_ADMIN1, (e["id"], e["admin1"])


def test_all_fourteen_syrian_governorates_have_a_centre() -> None:
    govs = {e["admin1"] for e in _load("regions.yaml") if e["kind"] == "governorate_centre" and e["country"] == "SY"}
    assert govs == SY_ADMIN1


def test_enough_entries() -> None:
    assert len(_load("sites.yaml")) >= 150
    assert len(_load("places.yaml")) >= 300
    assert len(_load("regions.yaml")) >= 100


def test_aliases_unique_within_an_entry() -> None:
    for _, e in _all():
        keys = [key(a) for a in e["aliases"]]
        assert len(keys) == len(set(keys)), (e["id"], [k for k in keys if keys.count(k) > 1])


def test_shared_alias_means_same_place() -> None:
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, e in _all():
        for k in {key(a) for a in _names(e)}:
            by_key[k].append(e)
    clashes = []
    for k, es in by_key.items():
        for i, a in enumerate(es):
            for b in es[i + 1:]:
                if _km(a, b) > SAME_PLACE_KM:
                    clashes.append((k, a["id"], b["id"], round(_km(a, b), 1)))
    assert not clashes, clashes


@pytest.mark.parametrize("word", MUST_HAVE)
def test_must_have_alias_present(word: str) -> None:
    """The named place is there, as an alias itself or as the name inside one ("مطار الطبقة" for الطبقة)."""
    w = f" {key(word)} "
    hits = [e["id"] for _, e in _all() for a in _names(e) if w in f" {key(a)} "]
    assert hits, word


@pytest.mark.parametrize(("alias", "entry_id"), [
    ("حميميم", "site:hmeimim_airbase"),
    ("مطار التياس", "site:t4_airbase"),
    ("مطار النيرب", "site:aleppo_airport"),
    ("معبر جابر", "site:nasib_crossing"),
    ("معبر فيشخابور", "site:semalka_crossing"),
    ("قاعدة فكتوريا", "site:camp_victory"),
    ("الغوطة الشرقية", "region:eastern_ghouta"),
    ("الضاحية الجنوبية", "region:dahiyeh"),
    ("بحر قزوين", "region:caspian_sea"),
    ("نهر الفرات", "region:euphrates_river"),
    ("الباغوز", "place:dez_baghouz"),
    ("حي الشيخ مقصود", "place:alp_sheikh_maqsoud"),
])
def test_known_alias_resolves_to_the_right_entry(alias: str, entry_id: str) -> None:
    ids = {e["id"] for _, e in _all() if key(alias) in {key(a) for a in _names(e)}}
    assert ids == {entry_id}


@pytest.mark.parametrize(("entry_id", "lat", "lon"), [
    # Well-known sites, checked against public maps; the curated value must stay within 2 km.
    ("site:hmeimim_airbase", 35.401, 35.949),
    ("site:t4_airbase", 34.522, 37.630),
    ("site:shayrat_airbase", 34.490, 36.909),
    ("site:mezzeh_airbase", 33.477, 36.223),
    ("site:damascus_airport", 33.411, 36.516),
    ("site:ain_al_asad_airbase", 33.786, 42.441),
    ("site:erbil_airport", 36.238, 43.963),
    ("site:beirut_airport", 33.821, 35.488),
])
def test_well_known_coordinates(entry_id: str, lat: float, lon: float) -> None:
    e = next(e for _, e in _all() if e["id"] == entry_id)
    assert _km(e, {"lat": lat, "lon": lon}) < 2.0
