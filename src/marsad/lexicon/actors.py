"""Actor dictionary: canonical actors with dated Arabic aliases and parent chains, matched in text."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, get_args

import yaml

from marsad.document import Actor, ActorKind
from marsad.errors import ActorDictionaryError, UnknownActorError
from marsad.lexicon.matcher import Match, Matcher
from marsad.text.normalize import Normalized, key, normalize
from marsad.yamldata import load_yaml

log = logging.getLogger(__name__)

KINDS: frozenset[str] = frozenset(get_args(ActorKind))

# Id prefixes of entries that may have no country: international organisations (INT_),
# transnational armed groups such as ISIS and al-Qaeda (TNG_) and generic, unspecified
# actors such as "unknown gunmen" or "civilians" (GEN_). Every other entry names the
# ISO 3166-1 alpha-2 code of its base or origin.
NULL_COUNTRY_PREFIXES: tuple[str, ...] = ("INT_", "TNG_", "GEN_")

_ID_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
_ENTRY_KEYS = frozenset({
    "id", "name", "name_ar", "kind", "country", "parent", "wikidata", "backers",
    "valid_from", "valid_until", "aliases", "aliases_en", "arenas", "note",
})
_ALIAS_KEYS = frozenset({"text", "from", "until", "ambiguous"})

# Spelling variants the loader adds when it builds the matcher, so that the data file
# writes each alias once. They run on normalised keys (alef, ya and ta marbuta are already
# folded by `normalize`), each rule on every form the earlier rules produced:
#   ميليشيا / مليشيا / ميلشيا and the plural ميليشيات (all spellings are common in print);
#   الديمقراطية / الديموقراطية;  أمريكي / أميركي (and أمريكا / أميركا);
#   the country name سوريا / سورية as a whole word;
#   sound masculine plurals: nominative -ون at the end of a word also as oblique -ين
#   (المسلحون / المسلحين, فاطميون / فاطميين), and the construct -و before a following
#   word also as -ي (مقاتلو قسد / مقاتلي قسد).
_VARIANT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ميليشي"), "مليشي"),
    (re.compile(r"ميليشي"), "ميلشي"),
    (re.compile(r"ديمقراط"), "ديموقراط"),
    (re.compile(r"امريك"), "اميرك"),
    (re.compile(r"اميرك"), "امريك"),
    (re.compile(r"(?<!\w)سوريا(?!\w)"), "سوريه"),
    (re.compile(r"(?<=\w{3})ون(?!\w)"), "ين"),
    (re.compile(r"(?<=\w{4})و(?= \w)"), "ي"),
)


@dataclass(frozen=True, slots=True)
class Alias:
    """An Arabic surface form of an actor, valid from `valid_from` (inclusive) until
    `valid_until` (exclusive); `ambiguous` marks a form that several actors share."""

    text: str
    valid_from: date | None = None
    valid_until: date | None = None
    ambiguous: bool = False

    def valid_on(self, day: date | None) -> bool:
        """Whether the alias may denote its actor on `day` (always, when `day` is None)."""
        return _in_period(day, self.valid_from, self.valid_until)

    @property
    def dated(self) -> bool:
        return self.valid_from is not None or self.valid_until is not None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One canonical actor: ids, names, kind, base country, parent and backers, aliases."""

    id: str
    name: str
    name_ar: str | None
    kind: str
    country: str | None
    parent: str | None = None
    wikidata: str | None = None
    backers: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_until: date | None = None
    aliases: tuple[Alias, ...] = ()
    aliases_en: tuple[str, ...] = ()
    arenas: tuple[str, ...] = ()  # countries it fights in besides its own (the Saudi-led coalition: YE)

    def operates_in(self, country: str) -> bool:
        """Whether the actor is based in or fights in `country`."""
        return self.country == country or country in self.arenas

    def valid_on(self, day: date | None) -> bool:
        """Whether the actor existed on `day`: from `valid_from` (inclusive) until `valid_until` (exclusive)."""
        return _in_period(day, self.valid_from, self.valid_until)

    def all_aliases(self) -> tuple[Alias, ...]:
        """The aliases, plus `name_ar` as an undated alias when no alias already spells it."""
        if self.name_ar and key(self.name_ar) not in {key(a.text) for a in self.aliases}:
            return (*self.aliases, Alias(self.name_ar))
        return self.aliases


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An actor mention found in text: the match, the actor it resolved to, and the alias used."""

    start: int
    end: int
    text: str
    entry: ActorEntry
    alias: Alias
    match: Match[tuple[ActorEntry, Alias]]


def _in_period(day: date | None, start: date | None, end: date | None) -> bool:
    if day is None:
        return True
    if start is not None and day < start:
        return False
    return not (end is not None and day >= end)


def alias_variants(text: str) -> set[str]:
    """The normalised key of `text` plus the spelling variants of `_VARIANT_RULES`."""
    forms = {key(text)}
    for pattern, repl in _VARIANT_RULES:
        forms |= {pattern.sub(repl, f) for f in forms}
    forms.discard("")
    return forms


def is_arabic(text: str) -> bool:
    """Whether `text` contains Arabic letters (Latin acronyms such as PKK are allowed as aliases too)."""
    return bool(_ARABIC_RE.search(text))


class ActorDictionary:
    """The actor dictionary: lookup by id, parent chains, and one matcher over every alias.

    Build it from entries (tests hand in a tiny one), from YAML (`from_yaml`), or take the
    packaged dictionary with `default()`.
    """

    def __init__(self, entries: Iterable[ActorEntry], version: str = "custom") -> None:
        self.version = version
        self._entries: dict[str, ActorEntry] = {}
        for entry in entries:
            if entry.id in self._entries:
                raise ActorDictionaryError(f"actor id {entry.id!r} appears twice; ids must be unique")
            self._entries[entry.id] = entry
        self._validate()
        self._matcher: Matcher[tuple[ActorEntry, Alias]] | None = None

    # -- construction -------------------------------------------------------------

    @classmethod
    def from_yaml(cls, path_or_text: str | Path) -> ActorDictionary:
        """Load a dictionary from a YAML file path or from YAML text."""
        if isinstance(path_or_text, Path):
            text = path_or_text.read_text(encoding="utf-8")
        elif "\n" not in path_or_text and Path(path_or_text).is_file():
            text = Path(path_or_text).read_text(encoding="utf-8")
        else:
            text = path_or_text
        try:
            data = load_yaml(text)
        except yaml.YAMLError as exc:
            raise ActorDictionaryError(f"actor dictionary is not valid YAML: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
            raise ActorDictionaryError(
                "actor dictionary needs a top-level 'actors:' list"
                " (a string without a newline is read as a path only when that file exists)"
            )
        entries = [_parse_entry(i, raw) for i, raw in enumerate(data["actors"])]
        return cls(entries, version=str(data.get("version", "custom")))

    @classmethod
    def default(cls) -> ActorDictionary:
        """The packaged dictionary (lexicon/actors.yaml), loaded once."""
        return _default()

    def _validate(self) -> None:
        for e in self._entries.values():
            if e.parent is not None and e.parent not in self._entries:
                raise ActorDictionaryError(f"actor {e.id}: parent {e.parent!r} is not in the dictionary")
            for b in e.backers:
                if b not in self._entries:
                    raise ActorDictionaryError(f"actor {e.id}: backer {b!r} is not in the dictionary")
        for e in self._entries.values():
            seen = {e.id}
            p = e.parent
            while p is not None:
                if p in seen:
                    raise ActorDictionaryError(f"actor {e.id}: parent chain has a cycle through {p!r}")
                seen.add(p)
                p = self._entries[p].parent

    # -- lookup ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._entries.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._entries

    def get(self, actor_id: str) -> ActorEntry:
        """The entry with this id; raises UnknownActorError when there is none."""
        try:
            return self._entries[actor_id]
        except KeyError:
            raise UnknownActorError(
                f"no actor with id {actor_id!r} in actor dictionary {self.version}; "
                "ids are UPPER_SNAKE (e.g. IRN_IRGC); list them with `[e.id for e in ActorDictionary.default()]`"
            ) from None

    def ancestors(self, actor_id: str) -> list[ActorEntry]:
        """The parent chain of `actor_id`, nearest first (the actor itself excluded)."""
        out: list[ActorEntry] = []
        p = self.get(actor_id).parent
        while p is not None:
            entry = self._entries[p]
            out.append(entry)
            p = entry.parent
        return out

    def is_part_of(self, actor_id: str, other_id: str) -> bool:
        """Whether `actor_id` is `other_id` or lies below it in the parent chain."""
        if actor_id == other_id:
            return True
        return any(a.id == other_id for a in self.ancestors(actor_id))

    # -- matching -------------------------------------------------------------------

    def matcher(self) -> Matcher[tuple[ActorEntry, Alias]]:
        """One clitic-aware matcher over every alias and `name_ar`, with spelling variants."""
        if self._matcher is None:
            self._matcher = Matcher(self._matcher_entries())
        return self._matcher

    def _matcher_entries(self) -> Iterator[tuple[str, tuple[ActorEntry, Alias]]]:
        for entry in self._entries.values():
            seen: set[tuple[str, Alias]] = set()
            for alias in entry.all_aliases():
                for form in alias_variants(alias.text):
                    if (form, alias) not in seen:
                        seen.add((form, alias))
                        yield form, (entry, alias)

    def resolve(
        self,
        candidates: Sequence[tuple[ActorEntry, Alias]],
        on: date | None = None,
        *,
        prefer_country: str | None = None,
    ) -> ActorEntry | None:
        """The actor that a hit's candidates denote on day `on`, or None if no alias is valid then.

        Aliases outside their period are dropped. Among the rest: an actor that exists on
        `on` before one that does not (so "جبهة النصرة" after 2017 is HTS, but a retrospective
        mention of a dissolved unit still resolves to it); an unambiguous alias before an
        ambiguous one; an actor based or fighting in `prefer_country` (e.g. the document's
        country) before others; then dictionary order (the data file lists Syrian actors first).
        """
        best: ActorEntry | None = None
        best_rank: tuple[bool, bool, bool, int] | None = None
        for i, (entry, alias) in enumerate(candidates):
            if not alias.valid_on(on):
                continue
            rank = (
                not entry.valid_on(on),
                alias.ambiguous,
                prefer_country is not None and not entry.operates_in(prefer_country),
                i,
            )
            if best_rank is None or rank < best_rank:
                best, best_rank = entry, rank
        return best

    def find(
        self,
        text: str | Normalized,
        on: date | None = None,
        *,
        prefer_country: str | None = None,
    ) -> list[ActorHit]:
        """Every actor mention in `text` (longest match first, no overlaps), resolved for day `on`."""
        norm = text if isinstance(text, Normalized) else normalize(text)
        hits: list[ActorHit] = []
        for m in self.matcher().find(norm):
            entry = self.resolve(m.payloads, on, prefer_country=prefer_country)
            if entry is None:
                continue
            alias = next(a for e, a in m.payloads if e is entry and a.valid_on(on))
            hits.append(ActorHit(m.start, m.end, m.text, entry, alias, m))
        return hits

    def to_contract(self, entry: ActorEntry, text: str) -> Actor:
        """The contract Actor for `entry` as written `text` in a document."""
        return Actor(
            id=entry.id,
            name=entry.name,
            name_ar=entry.name_ar,
            kind=entry.kind,  # type: ignore[arg-type]  # validated against ActorKind at load
            country=entry.country,
            wikidata=entry.wikidata,
            text=text,
        )


@functools.cache
def _default() -> ActorDictionary:
    text = resources.files("marsad.lexicon").joinpath("actors.yaml").read_text(encoding="utf-8")
    d = ActorDictionary.from_yaml(text)
    log.debug("loaded actor dictionary %s: %d actors", d.version, len(d))
    return d


# -- parsing ----------------------------------------------------------------------


def _parse_entry(i: int, raw: Any) -> ActorEntry:
    if not isinstance(raw, dict):
        raise ActorDictionaryError(f"actor #{i}: expected a mapping, got {type(raw).__name__}")
    actor_id = raw.get("id")
    if not isinstance(actor_id, str) or not _ID_RE.match(actor_id):
        raise ActorDictionaryError(f"actor #{i}: id {actor_id!r} must be UPPER_SNAKE, e.g. IRN_IRGC")
    where = f"actor {actor_id}"
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise ActorDictionaryError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(_ENTRY_KEYS)}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ActorDictionaryError(f"{where}: needs an English 'name'")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise ActorDictionaryError(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    country = raw.get("country")
    if country is not None and (not isinstance(country, str) or not _COUNTRY_RE.match(country)):
        raise ActorDictionaryError(f"{where}: country {country!r} must be an ISO 3166-1 alpha-2 code or null")
    wikidata = raw.get("wikidata")
    if wikidata is not None and (not isinstance(wikidata, str) or not _QID_RE.match(wikidata)):
        raise ActorDictionaryError(f"{where}: wikidata {wikidata!r} must look like Q123 or be left out")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise ActorDictionaryError(f"{where}: parent must be an actor id or null")
    backers = raw.get("backers") or []
    if not isinstance(backers, list) or not all(isinstance(b, str) for b in backers):
        raise ActorDictionaryError(f"{where}: backers must be a list of actor ids")
    name_ar = raw.get("name_ar")
    if name_ar is not None and not isinstance(name_ar, str):
        raise ActorDictionaryError(f"{where}: name_ar must be a string")
    valid_from = _date(raw.get("valid_from"), where, "valid_from")
    valid_until = _date(raw.get("valid_until"), where, "valid_until")
    if valid_from and valid_until and valid_from >= valid_until:
        raise ActorDictionaryError(f"{where}: valid_from {valid_from} is not before valid_until {valid_until}")
    aliases_raw = raw.get("aliases") or []
    if not isinstance(aliases_raw, list):
        raise ActorDictionaryError(f"{where}: aliases must be a list")
    aliases = tuple(_parse_alias(a, where) for a in aliases_raw)
    aliases_en = raw.get("aliases_en") or []
    if not isinstance(aliases_en, list) or not all(isinstance(a, str) for a in aliases_en):
        raise ActorDictionaryError(f"{where}: aliases_en must be a list of strings")
    arenas = raw.get("arenas") or []
    if not isinstance(arenas, list) or not all(isinstance(c, str) and _COUNTRY_RE.match(c) for c in arenas):
        raise ActorDictionaryError(f"{where}: arenas must be a list of ISO 3166-1 alpha-2 codes")
    return ActorEntry(
        id=actor_id, name=name.strip(), name_ar=name_ar, kind=kind, country=country,
        parent=parent, wikidata=wikidata, backers=tuple(backers), valid_from=valid_from,
        valid_until=valid_until, aliases=aliases, aliases_en=tuple(aliases_en), arenas=tuple(arenas),
    )


def _parse_alias(raw: Any, where: str) -> Alias:
    if isinstance(raw, str):
        if not key(raw):
            raise ActorDictionaryError(f"{where}: empty alias {raw!r}")
        return Alias(raw)
    if not isinstance(raw, dict):
        raise ActorDictionaryError(f"{where}: alias {raw!r} must be a string or a mapping with 'text'")
    unknown = set(raw) - _ALIAS_KEYS
    if unknown:
        raise ActorDictionaryError(f"{where}: alias {raw!r} has unknown field(s) {sorted(unknown)}")
    text = raw.get("text")
    if not isinstance(text, str) or not key(text):
        raise ActorDictionaryError(f"{where}: alias {raw!r} needs a non-empty 'text'")
    start = _date(raw.get("from"), where, f"alias {text!r} from")
    end = _date(raw.get("until"), where, f"alias {text!r} until")
    if start and end and start >= end:
        raise ActorDictionaryError(f"{where}: alias {text!r} starts {start}, not before its end {end}")
    ambiguous = raw.get("ambiguous", False)
    if not isinstance(ambiguous, bool):
        raise ActorDictionaryError(f"{where}: alias {text!r}: ambiguous must be true or false")
    return Alias(text, start, end, ambiguous)


def _date(value: Any, where: str, field: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ActorDictionaryError(f"{where}: {field} {value!r} must be an ISO date YYYY-MM-DD")
