"""The place gazetteer: entries from GeoNames, OCHA and curated lists, looked up by any alias."""

from __future__ import annotations

import functools
import gzip
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from marsad.errors import GazetteerDataError, UnknownPlaceError
from marsad.lexicon.matcher import Matcher
from marsad.text.normalize import key

log = logging.getLogger(__name__)

DATA_FILE = "gazetteer.tsv.gz"
COLUMNS = ("id", "name", "name_ar", "geonames_id", "lat", "lon", "country", "admin1", "admin2", "kind",
           "population", "precision", "source", "pcode", "curated", "aliases", "note")

_ARABIC = re.compile("[\u0621-\u064a]")
_CODE = re.compile(r"[A-Z]{1,3}-?\d{1,3}")


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One place: ids, names in English and Arabic, coordinates, admin context and provenance."""

    id: str
    name: str
    name_ar: str | None
    geonames_id: int | None
    lat: float
    lon: float
    country: str
    admin1: str | None
    admin2: str | None
    kind: str
    population: int
    precision: int
    source: str
    pcode: str | None
    curated: bool
    aliases: tuple[str, ...]
    note: str = ""

    def names(self) -> tuple[str, ...]:
        """Every name the entry answers to, English name first, without repeats."""
        return tuple(dict.fromkeys(n for n in (self.name, self.name_ar, *self.aliases) if n))

    def arabic_names(self) -> tuple[str, ...]:
        return tuple(n for n in self.names() if _ARABIC.search(n))

    def matchable_names(self) -> tuple[str, ...]:
        """Names searched for in Arabic text: Arabic ones, and Latin codes with a digit (T4, K1)
        that Arabic articles write as they are."""
        return tuple(n for n in self.names() if _ARABIC.search(n) or _CODE.fullmatch(n))

    @property
    def located_at_parent(self) -> bool:
        """True when the source gave no location of its own and the parent's stands in for it."""
        return self.source == "ocha" and self.geonames_id is None and self.kind != "governorate"


class Gazetteer:
    """A set of places, indexed by normalised alias; `default()` loads the packaged data once."""

    def __init__(self, entries: Iterable[GazEntry]) -> None:
        self._entries: dict[str, GazEntry] = {}
        for e in entries:
            self._entries[e.id] = e

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The packaged gazetteer (built by scripts/build_gazetteer.py), loaded on first use."""
        return cls(load_entries())

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazEntry]:
        return iter(self._entries.values())

    def __contains__(self, id: object) -> bool:
        return id in self._entries

    def get(self, id: str) -> GazEntry:
        """The entry with this id; UnknownPlaceError when there is none."""
        try:
            return self._entries[id]
        except KeyError:
            raise UnknownPlaceError(f"no gazetteer entry {id!r}; ids look like 'geonames:170063', "
                                    "'ocha:SY02', 'country:SY'") from None

    @functools.cached_property
    def _index(self) -> dict[str, tuple[GazEntry, ...]]:
        index: dict[str, list[GazEntry]] = {}
        for e in self._entries.values():
            for n in e.names():
                k = key(n)
                if k:
                    bucket = index.setdefault(k, [])
                    if not bucket or bucket[-1] is not e:
                        bucket.append(e)
        return {k: tuple(v) for k, v in index.items()}

    def lookup(self, name: str) -> list[GazEntry]:
        """Entries with `name` among their names (compared with marsad.text.normalize.key)."""
        return list(self._index.get(key(name), ()))

    @functools.cached_property
    def _matcher(self) -> Matcher[GazEntry]:
        return Matcher((n, e) for e in self._entries.values() for n in e.matchable_names())

    def matcher(self) -> Matcher[GazEntry]:
        """A clitic-aware matcher over every Arabic name (built on first use, then kept)."""
        return self._matcher


def parse_rows(text: str) -> Iterator[GazEntry]:
    """GazEntry objects from the TSV text of the data file (header lines start with '#')."""
    header_seen = False
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise GazetteerDataError(f"gazetteer columns are {cells}, expected {list(COLUMNS)}; "
                                         "rebuild with scripts/build_gazetteer.py")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise GazetteerDataError(f"gazetteer line has {len(cells)} cells, expected {len(COLUMNS)}: "
                                     f"{line[:80]!r}; rebuild with scripts/build_gazetteer.py")
        (id_, name, name_ar, gid, lat, lon, country, admin1, admin2, kind, pop, prec, source, pcode,
         curated, aliases, note) = cells
        yield GazEntry(id_, name, name_ar or None, int(gid) if gid else None, float(lat), float(lon),
                       country, admin1 or None, admin2 or None, kind, int(pop), int(prec), source,
                       pcode or None, curated == "1", tuple(aliases.split("|")) if aliases else (), note)


def load_entries() -> list[GazEntry]:
    """Read the packaged data file."""
    ref = resources.files("marsad.gazetteer") / "data" / DATA_FILE
    try:
        raw = ref.read_bytes()
    except FileNotFoundError:
        raise GazetteerDataError(f"packaged gazetteer {DATA_FILE} is missing; build it with "
                                 "python scripts/build_gazetteer.py") from None
    entries = list(parse_rows(gzip.decompress(raw).decode("utf-8")))
    log.debug("gazetteer: %d entries loaded", len(entries))
    return entries
