"""Geocoding: resolve recognised toponyms to gazetteer places and write places, mentions and entities onto a Document."""

from __future__ import annotations

import bisect
import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from marsad.document import (
    Document,
    DocumentPlace,
    Entity,
    Mention,
    Offsets,
    Place,
    Site,
)
from marsad.gazetteer.gazetteer import GazEntry, Gazetteer
from marsad.gazetteer.toponyms import FACILITY_WORDS, Toponym, recognize
from marsad.geo import haversine_km
from marsad.lexicon.nationalities import adjective_countries
from marsad.text.normalize import Normalized, key, normalize
from marsad.text.segment import sentences as split_sentences

log = logging.getLogger(__name__)

# Country prior (the project reads Syrian news first): score added to a candidate in that country.
# Ordered as the issue asks: Syria, then Iraq, Lebanon, Jordan, Turkey, Iran, Israel/Palestine.
COUNTRY_PRIOR: dict[str, float] = {"SY": 3.0, "IQ": 2.2, "LB": 2.0, "JO": 1.6, "TR": 1.4, "IR": 1.2,
                                   "IL": 1.0, "PS": 1.0}
OTHER_COUNTRY_PRIOR = 0.5
TOP_PRIOR = max(COUNTRY_PRIOR.values())
# Weights of the other evidence, set by hand so that each outranks the one below it:
# same governorate named in the sentence > place word agrees with the kind > country named in the
# document > population (POP_WEIGHT per factor of ten people) > country prior differences.
SENTENCE_ADMIN_BONUS = 4.0
DOC_ADMIN_BONUS = 1.5
DOC_COUNTRY_BONUS = 2.0
TYPE_AGREES_BONUS = 3.0
TYPE_DISAGREES_PENALTY = 2.0
SITE_KIND_BONUS = 3.0
POP_WEIGHT = 0.5
LOCATED_AT_PARENT_PENALTY = 2.0
# A governorate carries its seat's population; it counts this many factors of ten less, so that
# the seat city of the same name (كركوك, مأرب) still wins while a village or town abroad that shares
# the governorate's name (بابل, صلاح الدين) does not.
GOVERNORATE_POP_DISCOUNT = 3.0
KIND_BONUS: dict[str, float] = {"country": 4.0, "capital": 2.0, "governorate": 1.0, "city": 1.0, "region": 1.0}
CURATED_BONUS = 1.0

SETTLEMENTS = frozenset({"city", "town", "village", "capital", "community", "neighbourhood",
                         "governorate_centre"})
# "مستودعات الأسلحة في بلدة مهين": a facility word, at most one qualifier, في and the town.
_FACILITY_IN = re.compile(
    r"(?<!\w)(?:ال)?(?P<facility>مطار|قاعده|مستودعات|مستودع|معسكر|ميناء)(?:\s+\S+)?\s+(?:في|ب)"
    r"(?:\s*(?:مدينه|بلده|قريه|منطقه))?\s*$"
)
FACILITY_IN_TOWN_REACH = 50  # characters before the town's phrase
SITE_IN_TOWN_KM = 15.0  # how far from the town its named facility may lie
AREAS = frozenset({"governorate", "district", "subdistrict", "region"})
NATURAL = frozenset({"mountain", "river", "sea", "lake"})
_TYPE_KINDS: dict[str, frozenset[str]] = {
    "city": SETTLEMENTS, "town": SETTLEMENTS, "village": SETTLEMENTS, "neighbourhood": SETTLEMENTS,
    "governorate": AREAS, "area": AREAS | SETTLEMENTS, "country": frozenset({"country"}),
    "mountain": frozenset({"mountain", "region"}), "river": frozenset({"river"}), "sea": frozenset({"sea"}),
    "lake": frozenset({"lake"}),
}
SITE_KINDS = frozenset({"base", "airport", "depot", "hq", "camp", "checkpoint", "point", "port", "crossing",
                        "other", "field", "dam"})
_SITE_KIND_FOR_ENTRY = {"field": "other", "dam": "other"}


@dataclass(slots=True)
class PlaceHit:
    """One resolved place mention: the contract Place, the span of its phrase and the entry chosen."""

    place: Place
    phrase_start: int
    phrase_end: int
    context: str | None
    entry: GazEntry
    start: int = 0  # span of the toponym itself (place.text)
    end: int = 0


class Geocoder:
    """Recognise and resolve the places of a Document; the gazetteer is passed in or the packaged one."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self._site_entries: list[GazEntry] | None = None

    def hits(self, text: str, norm: Normalized | None = None,
             sentence_spans: list[tuple[int, int]] | None = None) -> list[PlaceHit]:
        """Resolved place mentions of `text`, in text order (nothing is written anywhere)."""
        norm = norm or normalize(text)
        tops = recognize(norm, self.gazetteer)
        if not tops:
            return []
        if sentence_spans is None:
            sentence_spans = [(s.start, s.end) for s in split_sentences(text)]
        starts = [s for s, _ in sentence_spans]
        sent_of = [max(0, bisect.bisect_right(starts, t.start) - 1) for t in tops]
        adjective_after, sentence_countries = _country_cues(text, tops, sent_of, sentence_spans)
        prefer: list[dict[str, float]] = []
        for i in range(len(tops)):
            bonus = {c: SENTENCE_COUNTRY_BONUS for c in sentence_countries.get(sent_of[i], ())}
            if i in adjective_after:
                bonus[adjective_after[i]] = ADJECTIVE_AFTER_BONUS
            prefer.append(bonus)
        # Pass 1: each name on its own; pass 2: again, knowing what the rest of the document says.
        first = [_best(t, _Context.empty(), prefer[i]) for i, t in enumerate(tops)]
        ctx = _Context.from_choices(tops, first, sent_of)
        named = set(adjective_after.values()).union(*sentence_countries.values()) if tops else set()
        if named - ctx.doc_countries:
            ctx.doc_countries = ctx.doc_countries | frozenset(named)
        out = []
        for i, t in enumerate(tops):
            entry = _best(t, ctx.for_sentence(sent_of[i], i), prefer[i])
            if t.site_kind is None and entry.kind in SETTLEMENTS:
                entry = self._site_in_town(text, t, entry) or entry
            out.append(_hit(t, entry))
        return out

    def _site_in_town(self, text: str, t: Toponym, town: GazEntry) -> GazEntry | None:
        """"مستودعات الأسلحة في بلدة مهين", "مطار المدينة العسكري في تدمر": a facility named by its
        town is the gazetteer's site of that kind in (or next to) the town, when there is one."""
        head = key(text[max(0, t.phrase_start - FACILITY_IN_TOWN_REACH):t.phrase_start])
        m = _FACILITY_IN.search(head)
        if m is None:
            return None
        kind = FACILITY_WORDS[m.group("facility")]
        sites = [e for e in self._sites() if _SITE_KIND_FOR_ENTRY.get(e.kind, e.kind) == kind
                 and e.country == town.country and haversine_km(e.lat, e.lon, town.lat, town.lon) <= SITE_IN_TOWN_KM]
        return min(sites, key=lambda e: haversine_km(e.lat, e.lon, town.lat, town.lon)) if sites else None

    def _sites(self) -> list[GazEntry]:
        if self._site_entries is None:
            self._site_entries = [e for e in self.gazetteer if e.kind in SITE_KINDS]
        return self._site_entries

    def geocode(self, doc: Document, norm: Normalized | None = None,
                keep: Callable[[PlaceHit], bool] | None = None) -> list[PlaceHit]:
        """Find the places of `doc.text`; write doc.mentions, doc.entities and doc.places; return the hits.

        `keep`, when given, filters the hits before anything is written (the pipeline drops
        names that are part of an actor's name, such as إيران in "ميليشيات إيران").
        """
        spans = [(s.start, s.end) for s in doc.sentences] or None
        found = self.hits(doc.text, norm, spans)
        if keep is not None:
            found = [h for h in found if keep(h)]
        places: dict[str, DocumentPlace] = {}
        for h in found:
            p = h.place
            doc.mentions.append(Mention("place", h.start, h.end, p.text, p.id, h))
            if p.site is not None:
                s0 = min(h.phrase_start, h.start) if h.context is None else h.start
                site_start = doc.text.find(p.site.text, s0) if p.site.text else -1
                if site_start >= 0:
                    doc.entities.append(Entity(kind="site", text=p.site.text, start=site_start,
                                               end=site_start + len(p.site.text), ref=p.id))
                else:
                    doc.entities.append(Entity(kind="site", text=p.text, start=h.start, end=h.end, ref=p.id))
            else:
                doc.entities.append(Entity(kind="place", text=p.text, start=h.start, end=h.end, ref=p.id))
            dp = places.get(p.id)
            if dp is None:
                places[p.id] = DocumentPlace(**p.model_dump(), mentions=[Offsets(start=h.start, end=h.end)])
            else:
                dp.mentions.append(Offsets(start=h.start, end=h.end))
                if p.precision < dp.precision:
                    mentions = dp.mentions
                    places[p.id] = DocumentPlace(**p.model_dump(), mentions=mentions)
        doc.places.extend(places.values())
        return found


@dataclass(slots=True)
class _Context:
    """What the document says around a name: governorates in its sentence, and in the whole text."""

    sentence_admin1: frozenset[tuple[str, str]]
    doc_admin1: frozenset[tuple[str, str]]
    doc_countries: frozenset[str]
    by_sentence: dict[int, list[tuple[int, GazEntry, bool]]] | None = None

    @staticmethod
    def empty() -> _Context:
        return _Context(frozenset(), frozenset(), frozenset())

    @staticmethod
    def from_choices(tops: list[Toponym], chosen: list[GazEntry], sent_of: list[int]) -> _Context:
        by_sentence: dict[int, list[tuple[int, GazEntry, bool]]] = {}
        admin1: set[tuple[str, str]] = set()
        countries: set[str] = set()
        for i, (t, e) in enumerate(zip(tops, chosen)):
            sure = len({c.country for c in t.candidates}) == 1 and len({(c.country, c.admin1) for c in t.candidates}) == 1
            by_sentence.setdefault(sent_of[i], []).append((i, e, sure or t.context == "rif"))
            if sure or e.kind in ("country", "governorate"):
                countries.add(e.country)
                if e.admin1 and e.kind != "country":
                    admin1.add((e.country, e.admin1))
        return _Context(frozenset(), frozenset(admin1), frozenset(countries), by_sentence)

    def for_sentence(self, sent: int, skip: int) -> _Context:
        near = {(e.country, e.admin1) for i, e, sure in (self.by_sentence or {}).get(sent, [])
                if i != skip and e.admin1 and e.kind != "country"}
        return _Context(frozenset(near), self.doc_admin1, self.doc_countries)


def _score(e: GazEntry, t: Toponym, ctx: _Context) -> float:
    s = COUNTRY_PRIOR.get(e.country, OTHER_COUNTRY_PRIOR)
    if e.country in ctx.doc_countries and s >= max(COUNTRY_PRIOR.get(c, OTHER_COUNTRY_PRIOR)
                                                   for c in ctx.doc_countries):
        # The document is about this country and no country ranked above it: its places stand where
        # Syria's would by default (طرابلس in a Libya story, الجزيرة in a Sudan story). A Syrian
        # story that mentions Libya or Iran keeps the Syrian reading of its Syrian names.
        s = max(s, TOP_PRIOR)
    if e.kind == "governorate" and e.population:
        s += POP_WEIGHT * max(0.0, math.log10(e.population + 1) - GOVERNORATE_POP_DISCOUNT)
    else:
        s += POP_WEIGHT * math.log10(e.population + 1)
    s += KIND_BONUS.get(e.kind, 0.0)
    if e.curated:
        s += CURATED_BONUS
    if e.located_at_parent:
        s -= LOCATED_AT_PARENT_PENALTY
    if t.type_word:
        kinds = _TYPE_KINDS.get(t.type_word)
        if kinds is not None:
            s += TYPE_AGREES_BONUS if e.kind in kinds else -TYPE_DISAGREES_PENALTY
    if t.site_kind:
        if e.kind in SITE_KINDS and _SITE_KIND_FOR_ENTRY.get(e.kind, e.kind) == t.site_kind:
            s += SITE_KIND_BONUS
        elif e.kind in SETTLEMENTS:
            s += 1.0
    elif e.kind in SITE_KINDS:
        s -= 1.0  # a bare name is more often the town than a facility named after it
    if e.admin1 and (e.country, e.admin1) in ctx.sentence_admin1:
        s += SENTENCE_ADMIN_BONUS
    elif e.admin1 and (e.country, e.admin1) in ctx.doc_admin1:
        s += DOC_ADMIN_BONUS
    if e.country in ctx.doc_countries:
        s += DOC_COUNTRY_BONUS
    return s


# Nationality adjectives that say which country a name lies in: right after the name ("طرابلس
# الليبية", "القامشلي السورية") they decide it; after a noun of the country's own institutions or
# land ("العاصمة الليبية طرابلس", "قوات الحكومة الليبية ... في طرابلس") they weigh the sentence's
# names toward that country. An adjective of an attacker ("غارة إسرائيلية على ...") says nothing
# of where the target lies, so only these nouns count.
ADJECTIVE_AFTER_BONUS = 6.0
SENTENCE_COUNTRY_BONUS = 3.0
DOMESTIC_NOUNS = frozenset(key(w) for w in (
    "العاصمة", "عاصمة", "الحكومة", "حكومة", "الحكومية", "الحكومي", "السلطات", "سلطات", "الشرطة", "شرطة", "الأمن", "الداخلية",
    "الأجهزة", "الأمنية", "الأراضي", "أراضي", "المدن", "مدن", "المدينة", "مدينة", "البلدة", "المحافظات",
    "الولايات", "الحدود", "السواحل", "الموانئ", "البرلمان", "الرئاسة", "النيابة", "المحكمة", "القضاء",
    "البلاد", "الدولة", "المعارضة", "المتظاهرين", "المحتجين", "الأهالي", "مئات", "آلاف", "عشرات"))
# News agencies in a dateline ("طرابلس - وال:", "الخرطوم - سونا:") are national: their city is home.
AGENCY_COUNTRY = {key(k): v for k, v in (
    ("سانا", "SY"), ("وال", "LY"), ("سونا", "SD"), ("سبأ", "YE"), ("واع", "IQ"), ("بترا", "JO"), ("وفا", "PS"),
    ("قنا", "QA"), ("واس", "SA"), ("وام", "AE"), ("أ ش أ", "EG"), ("كونا", "KW"), ("بنا", "BH"),
    ("الوطنية للإعلام", "LB"), ("الوكالة الوطنية للإعلام", "LB"), ("العمانية", "OM"), ("الأنباء العراقية", "IQ"),
    ("الأنباء الليبية", "LY"), ("الأنباء السودانية", "SD"))}
_DATELINE = re.compile(r"(?m)^[ \t]*([^\n:،,\-–—]{2,30}?)[ \t]*[-–—][ \t]*\(?([^\n:()]{2,40}?)\)?[ \t]*:")
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")


def _country_cues(text: str, tops: list[Toponym], sent_of: list[int],
                  sentence_spans: list[tuple[int, int]]) -> tuple[dict[int, str], dict[int, set[str]]]:
    """Per toponym, the country an adjective right after it names; per sentence, the countries
    that adjectives after domestic nouns (and a national agency's dateline) name."""
    forms = adjective_countries()
    after: dict[int, str] = {}
    for i, t in enumerate(tops):
        m = _NEXT_WORD.match(text, max(t.end, t.phrase_end))
        code = forms.get(key(m.group(1))) if m else None
        if code:
            after[i] = code
    by_sentence: dict[int, set[str]] = {}
    for si, (s, e) in enumerate(sentence_spans):
        words = key(text[s:e]).split()
        for prev, w in zip(words, words[1:]):
            code = forms.get(w)
            if code and (prev in DOMESTIC_NOUNS or prev[1:] in DOMESTIC_NOUNS):
                by_sentence.setdefault(si, set()).add(code)
    for m in _DATELINE.finditer(text[:200]):
        code = AGENCY_COUNTRY.get(key(m.group(2)).strip())
        if code is None:
            continue
        for i, t in enumerate(tops):
            if m.start(1) <= t.start and t.end <= m.end(1):
                after.setdefault(i, code)
        break
    return after, by_sentence


SEAT_KM = 15.0  # a governorate and a settlement of the same name this close: the settlement is its seat


def _best(t: Toponym, ctx: _Context, prefer: dict[str, float] | None = None) -> GazEntry:
    if len(t.candidates) == 1:
        return t.candidates[0]
    prefer = prefer or {}
    best = max(t.candidates, key=lambda e: (_score(e, t, ctx) + prefer.get(e.country, 0.0), e.source == "geonames",
                                            -len(e.id)))
    if best.kind == "governorate" and t.type_word not in ("governorate", "area"):
        # "غارات على صعدة": a governorate named like its seat is the seat town unless a
        # governorate word says otherwise ("محافظة صعدة").
        seats = [e for e in t.candidates if e.kind in SETTLEMENTS and e.country == best.country
                 and haversine_km(e.lat, e.lon, best.lat, best.lon) <= SEAT_KM]
        if seats:
            return max(seats, key=lambda e: (_score(e, t, ctx) + prefer.get(e.country, 0.0), e.source == "geonames",
                                             -len(e.id)))
    return best


def _hit(t: Toponym, e: GazEntry) -> PlaceHit:
    precision = e.precision
    if t.context is not None and precision < 2:
        precision = 2
    site: Site | None = None
    pid = e.id
    if t.site_kind is not None or e.kind in SITE_KINDS:
        kind = _SITE_KIND_FOR_ENTRY.get(e.kind, e.kind) if e.kind in SITE_KINDS else t.site_kind
        site_text = t.site_text + " " + t.text if t.site_text and t.key not in (t.site_text,) else t.text
        if e.kind in SITE_KINDS:
            site = Site(kind=kind, name=e.name, text=site_text)  # type: ignore[arg-type]
        else:
            site = Site(kind=kind, name=site_text, text=site_text)  # type: ignore[arg-type]
            pid = f"{e.id}#{kind}"
        if t.context not in ("near", "outskirts", "direction"):
            precision = 1
    place = Place(id=pid, name=e.name, name_ar=e.name_ar, geonames_id=e.geonames_id, lat=e.lat, lon=e.lon,
                  country=e.country or None, admin1=e.admin1, admin2=e.admin2,
                  precision=precision, site=site, text=t.text)  # type: ignore[arg-type]
    return PlaceHit(place, t.phrase_start, t.phrase_end, t.context, e, t.start, t.end)
