"""Coverage of the gazetteer on conflict-news toponyms (data/coverage_toponyms.tsv), through the real pipeline.

Usage: python tests/gazetteer/toponym_coverage.py [--misses] [--country PS]

Each name is put in two sentences, one with a preposition in front ("خرجت تظاهرات في X اليوم") and
one without ("قتل ثلاثة مدنيين في قصف استهدف X اليوم"), run through marsad.extract, and counted
right when the place mention over the name resolves to an expected country and, where the list
gives coordinates, lies within the tolerance (25 km unless the list says otherwise).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from marsad import extract as _extract
from marsad.geo import haversine_km

DATA = Path(__file__).with_name("data") / "coverage_toponyms.tsv"
TEMPLATES = ("خرجت تظاهرات في {} اليوم", "قتل ثلاثة مدنيين في قصف استهدف {} اليوم")
DEFAULT_TOL_KM = 25.0


@dataclass(frozen=True)
class Item:
    name: str
    countries: tuple[str, ...]
    lat: float | None
    lon: float | None
    tol: float

    @property
    def group(self) -> str:
        return self.countries[0] if self.countries[0] != "*" else "sea/river"


def load() -> list[Item]:
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("name\t"):
            continue
        cells = (line.split("\t") + ["", "", "", ""])[:5]
        name, cc, lat, lon, tol = cells
        out.append(Item(name, tuple(cc.split("|")), float(lat) if lat else None, float(lon) if lon else None,
                        float(tol) if tol else DEFAULT_TOL_KM))
    return out


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(*a, *b)


def resolve(item: Item, template: str) -> tuple[bool, str]:
    """(right?, what came out) for one name in one sentence."""
    text = template.format(item.name)
    s = text.index(item.name)
    e = s + len(item.name)
    doc = _extract(text)
    hits = [m for m in doc.mentions if m.kind == "place" and m.start < e and m.end > s]
    if not hits:
        return False, "not recognised"
    m = max(hits, key=lambda m: m.end - m.start)
    p = m.data.place
    ok = "*" in item.countries or (p.country or "") in item.countries
    dist = None
    if item.lat is not None and p.lat is not None:
        dist = km((item.lat, item.lon), (p.lat, p.lon))  # type: ignore[arg-type]
        ok = ok and dist <= item.tol
    where = f"{p.id} {p.name} {p.country} ({p.lat:.2f},{p.lon:.2f})" + (f" {dist:.0f} km" if dist is not None else "")
    return ok, where


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--country")
    args = ap.parse_args()
    items = load()
    by: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    for it in items:
        if args.country and it.group != args.country:
            continue
        res = [resolve(it, t) for t in TEMPLATES]
        g = by[it.group]
        g["n"] += 1
        g["prep"] += res[0][0]
        g["bare"] += res[1][0]
        if not (res[0][0] and res[1][0]):
            misses.append((it, res))
    tot = Counter()
    print(f"{'group':10} {'n':>4} {'prep':>6} {'bare':>6}")
    for grp in sorted(by, key=lambda g: -by[g]["n"]):
        c = by[grp]
        tot.update(c)
        print(f"{grp:10} {c['n']:4d} {c['prep'] / c['n']:6.3f} {c['bare'] / c['n']:6.3f}")
    print(f"{'all':10} {tot['n']:4d} {tot['prep'] / tot['n']:6.3f} {tot['bare'] / tot['n']:6.3f}")
    if args.misses:
        for it, res in misses:
            print(f"{it.name}\t{'|'.join(sorted(it.countries))}\tprep: {'ok' if res[0][0] else res[0][1]}"
                  f"\tbare: {'ok' if res[1][0] else res[1][1]}")


if __name__ == "__main__":
    main()
