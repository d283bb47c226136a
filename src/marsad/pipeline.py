"""The runner: the stages that turn one article into a Document, in order."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from marsad.document import Document, Entity, Place, Source, text_doc_id
from marsad.extraction.actors import (
    contract_actor,
    find_actors,
    generic_anaphors,
    own_country_pronouns,
    write_actor_mentions,
)
from marsad.extraction.agents import ForceMentions
from marsad.extraction.build import build_events
from marsad.extraction.events import EventAssembler
from marsad.extraction.frames import LOCATIVE_PREPS, ActorSpan
from marsad.gazetteer.gazetteer import Gazetteer
from marsad.gazetteer.geocode import Geocoder, PlaceHit
from marsad.ingest.chrome import strip_chrome
from marsad.ingest.records import not_arabic_warning
from marsad.lexicon.actors import ActorDictionary
from marsad.lexicon.nationalities import Nationalities
from marsad.lexicon.triggers import TriggerLexicon
from marsad.resolve import attribution, dates, modality, quantities
from marsad.resolve.fill import fill
from marsad.text.normalize import key, normalize
from marsad.text.segment import sentences
from marsad.text.spans import SpanIndex

# Kinds that speak for their state: a ministry for the army, the army for the state.
STATE_ORGANS = frozenset({"state", "state_military", "state_security", "government"})
# A speaker's affiliation after a reporting cue reaches at most this far, up to إنّ/أنّ.
SPEAKER_TAIL = 60
_COMPLEMENTISER = re.compile(r"(?<!\w)(?:إن|أن|ان|بأن|بان)(?!\w)")
log = logging.getLogger(__name__)



class Pipeline:
    """marsad's pipeline with its resources loaded once; reuse one instance for many articles.

    Resources are passed in (tests hand in tiny ones) or loaded lazily from the package.
    """

    def __init__(self, *, actors: ActorDictionary | None = None, gazetteer: Gazetteer | None = None,
                 triggers: TriggerLexicon | None = None) -> None:
        self._actors = actors
        self._gazetteer = gazetteer
        self._triggers = triggers

    @functools.cached_property
    def actors(self) -> ActorDictionary:
        return self._actors or ActorDictionary.default()

    @functools.cached_property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer or Gazetteer.default()

    @functools.cached_property
    def triggers(self) -> TriggerLexicon:
        return self._triggers or TriggerLexicon.default()

    @functools.cached_property
    def geocoder(self) -> Geocoder:
        return Geocoder(self.gazetteer)

    @functools.cached_property
    def forces(self) -> ForceMentions:
        """Noun + adjective mentions of forces ("جنود إسرائيليون", "مسلحون حوثيون")."""
        return ForceMentions(self.actors, self.nationalities.after)

    @functools.cached_property
    def nationalities(self) -> Nationalities:
        return Nationalities.default(self.actors)

    @functools.cached_property
    def assembler(self) -> EventAssembler:
        return EventAssembler(is_negated=modality.is_negated, is_opinion=modality.is_opinion,
                              part_of=self._part_of, nationality=self._nationality)

    def warm(self) -> Pipeline:
        """Load every resource now (for servers and benchmarks)."""
        self.actors.matcher()
        self.gazetteer.matcher()
        _ = self.triggers, self.geocoder, self.assembler, self.nationalities
        return self

    def run(self, text: str, *, title: str | None = None, published: str | None = None,
            url: str | None = None, outlet: str | None = None, doc_id: str | None = None,
            path: str | None = None, warnings: Iterable[str] = (), clean: bool = True) -> Document:
        """Read one article and return its Document with entities, places and events.

        `clean=False` skips site-chrome stripping for text that ingest has already cleaned.
        """
        body, removed = strip_chrome(text or "") if clean else (text or "", 0)
        doc = Document(doc_id=doc_id or text_doc_id(body), text=body, title=title,
                       source=Source(path=path, url=url, outlet=outlet), warnings=list(warnings))
        if removed:
            log.debug("%s: %d chrome lines removed", doc.doc_id, removed)
        if not body.strip():
            doc.warnings.append("empty text: nothing to extract")
            return doc
        if (warning := not_arabic_warning(body)) is not None and warning not in doc.warnings:
            doc.warnings.append(warning)  # (ingest may have said it already)
        pub = self._publication(doc, published)
        doc.sentences = sentences(body)
        norm = normalize(body)
        hits = self.geocoder.geocode(doc, norm)
        # ambiguous names ("الجيش", "القوات الحكومية") read in the country the text is about
        actor_spans = find_actors(doc.text, norm, self.actors, pub, prefer_country=_main_country(hits),
                                  nationalities=self.nationalities)
        actor_spans = sorted(actor_spans + own_country_pronouns(norm, actor_spans, self.nationalities),
                             key=lambda a: a.start)
        forces, swallowed = self.forces.find(doc.text, actor_spans)
        if forces:
            # swallowed spans are items of actor_spans: identity finds them without a scan per span
            gone = {id(a) for a in swallowed}
            actor_spans = sorted([a for a in actor_spans if id(a) not in gone] + forces, key=lambda a: a.start)
        hits_at, site_phrases = _hits_by_span(hits), _site_phrases(hits)
        actor_spans = [a for a in actor_spans if not _is_place_not_actor(a, hits_at)
                       and not _inside_place_name(a, site_phrases)]
        actor_spans = sorted(actor_spans + generic_anaphors(doc.text, norm, actor_spans), key=lambda a: a.start)
        write_actor_mentions(doc, actor_spans)
        actor_spans = [a for a in actor_spans if a.kind != "media"]
        doc.dates = dates.find_dates(body, pub, norm=norm)
        qty = quantities.find_quantities(body)
        cues = attribution.find_sources(body, doc.sentences, outlet=outlet)
        actor_index = SpanIndex(actor_spans)
        triggers = [t for t in self.triggers.find(norm) if not _inside_longer(t, actor_index)]
        # Every toponym is a document place; only those not used as an actor's name
        # ("انسحبت روسيا", "ميليشيات إيران") can be where an event happened.
        place_mentions = [m for m in doc.mentions if m.kind == "place" and _is_place(m.data, actor_index)]
        frames = self.assembler.frames(doc, triggers, actor_spans, place_mentions,
                                       topic=self._headline_subject(doc.title, pub))
        built = build_events(doc, frames, place_mentions,
                             to_actor=lambda a: contract_actor(a, self.actors),
                             part_of=self._part_of, country_place=self._country_place, covers=self._covers)
        fill(doc, built, pub, cues, qty, self._speakers(body, cues, actor_index), same_side=self._same_state)
        doc.events = [b.event for b in built]
        _add_entities(doc, actor_spans, qty, hits)
        return doc

    # -- stages' helpers ---------------------------------------------------------------------

    def _publication(self, doc: Document, published: str | None) -> date | None:
        pub = dates.parse_date_field(published)
        how = "metadata" if pub else None
        if pub is None:
            pub, how = dates.publication_date(doc.text, doc.title)
        if pub is not None:
            doc.published = pub.isoformat()
            doc.published_source = how
        elif published and published.strip().lower() not in ("unknown", "none", "null", ""):
            doc.warnings.append(f"could not read the publication date {published!r}")
        return pub

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Pipeline lives as long as its resources
    def _country_place(self, code: str) -> Place | None:
        """A country as a precision-3 place, for events that name no place more specific."""
        entry_id = f"country:{code}"
        if entry_id not in self.gazetteer:
            return None
        e = self.gazetteer.get(entry_id)
        return Place(id=e.id, name=e.name, name_ar=e.name_ar, geonames_id=e.geonames_id, lat=e.lat,
                     lon=e.lon, country=e.country or code, admin1=None, admin2=None, precision=3,
                     site=None, text=e.name_ar or e.name)

    def _headline_subject(self, title: str | None, on: date | None) -> ActorSpan | None:
        """The first bare actor of the headline, as a subject the body may leave implicit."""
        if not title:
            return None
        for a in find_actors(title, normalize(title), self.actors, on):
            if a.prep is None and a.kind not in ("media", "civilians", "person"):
                return ActorSpan(-1, -1, a.text, a.actor_id, None, a.data)
        return None

    def _nationality(self, text: str, end: int, event_type: str) -> ActorSpan | None:
        found = self.nationalities.after(text, end, event_type) or self.forces.group_after(text, end)
        if found is None:
            return None
        entry, s, e = found
        return ActorSpan(s, e, text[s:e], entry.id, None, entry)

    def _speakers(self, text: str, cues: list[attribution.SourceCue], actors: SpanIndex[ActorSpan]) -> dict[int, str]:
        """The side each source cue speaks for: an actor named in it ("أعلنت وزارة الدفاع
        الروسية") or else a nationality adjective in it ("المتحدث باسم الخارجية الروسية")."""
        out: dict[int, str] = {}
        for c in cues:
            # The speaker's affiliation may follow the cue: "قال المتحدث باسم | وزارة الدفاع
            # الروسية إن ...", up to the complementiser.
            end = c.end
            tail = _COMPLEMENTISER.search(text, c.end, min(len(text), c.end + SPEAKER_TAIL))
            if tail is not None:
                end = tail.start()
            named = next((a.actor_id for a in actors.starting(c.start, end)), None)
            if named is None:
                for w in key(text[c.start:end]).split():
                    code = self.nationalities.country_of(w)
                    state = self.nationalities.state(code) if code else None
                    if state is not None:
                        named = state.id
                        break
            if named is not None:
                out[c.start] = named
        return out

    def _same_state(self, a: str, b: str) -> bool:
        """Two actors of one state: one is part of the other, or both belong to the same state
        (its defence ministry speaks for its army)."""
        if a == b:
            return True
        if a not in self.actors or b not in self.actors:
            return False
        chains = [[self.actors.get(i), *self.actors.ancestors(i)] for i in (a, b)]
        organs = [chain[0].kind in STATE_ORGANS for chain in chains]
        if organs[0] != organs[1]:
            return False  # a state's proxies do not speak through its ministries, nor it for them
        if self._part_of(a, b) or self._part_of(b, a):
            return True
        if not organs[0]:
            return False
        states = [{x.id for x in chain if x.kind == "state"} for chain in chains]
        return bool(states[0] & states[1])

    def _covers(self, whole: str, part: str) -> bool:
        """`whole` stands for `part` as a whole: a state or government for any of its bodies, a
        state's armed forces for their branches; not a force for the units it commands."""
        if whole not in self.actors or not self._part_of(part, whole):
            return False
        entry = self.actors.get(whole)
        if entry.kind in ("state", "government"):
            return True
        parent = self.actors.get(entry.parent) if entry.parent and entry.parent in self.actors else None
        return entry.kind == "state_military" and parent is not None and parent.kind == "state"

    def _part_of(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if a not in self.actors or b not in self.actors:
            return False
        return self.actors.is_part_of(a, b)


def _main_country(hits: list[PlaceHit]) -> str | None:
    """The country most of the text's toponyms lie in (the first named on a tie), or None."""
    counts: dict[str, int] = {}
    for h in hits:
        c = getattr(h.place, "country", None)
        if c:
            counts[c] = counts.get(c, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _is_place(hit: PlaceHit, actors: SpanIndex[ActorSpan]) -> bool:
    """A toponym is no place when it is part of a longer actor name ("ميليشيات إيران") or is
    itself an actor in subject or object position ("انسحبت روسيا"); after a locative preposition
    ("في سوريا") it is a place."""
    for a in actors.meeting(hit.start, hit.end):
        if a.start <= hit.start and hit.end <= a.end:
            if (a.end - a.start) > (hit.end - hit.start):
                return False
            return _place_wins(a, hit)
    return True


def _place_wins(a: ActorSpan, hit: PlaceHit) -> bool:
    """For a name that is both an actor alias and a toponym: is it the place here?"""
    return (a.prep in LOCATIVE_PREPS or a.prep == "الي" or a.kind == "media"
            or hit.phrase_start < hit.start)  # "مدينة الميادين", "مطار حلب": a place word before


def _hits_by_span(hits: list[PlaceHit]) -> dict[tuple[int, int], list[PlaceHit]]:
    """The place hits keyed by their (start, end), computed once per document."""
    out: dict[tuple[int, int], list[PlaceHit]] = {}
    for h in hits:
        out.setdefault((h.start, h.end), []).append(h)
    return out


def _is_place_not_actor(a: ActorSpan, hits_at: dict[tuple[int, int], list[PlaceHit]]) -> bool:
    """An actor alias that is read as a place (see _place_wins) is the place only."""
    return a.prep != "الي" and any(_place_wins(a, h) for h in hits_at.get((a.start, a.end), ()))


class _Phrase(NamedTuple):
    start: int
    end: int


def _site_phrases(hits: list[PlaceHit]) -> SpanIndex[_Phrase]:
    """The spans of the place names that name a site, computed once per document."""
    return SpanIndex([_Phrase(min(h.phrase_start, h.start), max(h.phrase_end, h.end))
                      for h in hits if h.place.site is not None])


def _inside_place_name(a: ActorSpan, site_phrases: SpanIndex[_Phrase]) -> bool:
    """An actor alias inside a longer place name ("دمشق" in "مطار دمشق الدولي") is no actor."""
    return any(s <= a.start and a.end <= e and (e - s) > (a.end - a.start)
               for s, e in site_phrases.meeting(a.start, a.end))


def _inside_longer(t, actors: SpanIndex[ActorSpan]) -> bool:  # type: ignore[no-untyped-def]
    """A trigger word inside a longer actor name ("الحشد" in "الحشد الشعبي") is no trigger, except
    a protest word inside a name for the protesters ("مئات المتظاهرين"): they are the event."""
    protest = any(f.group.event_type == "PROTEST" for f in t.payloads)
    return any(a.start <= t.start and t.end <= a.end and (a.end - a.start) > (t.end - t.start)
               and not (protest and a.kind == "civilians") for a in actors.meeting(t.start, t.end))


def _add_entities(doc: Document, actor_spans, qty, hits) -> None:  # type: ignore[no-untyped-def]
    ents = [Entity(kind="actor", text=a.text, start=a.start, end=a.end, ref=a.actor_id) for a in actor_spans]
    ents += [Entity(kind="quantity", text=q.text, start=q.start, end=q.end, ref=None) for q in qty]
    ents += [Entity(kind="date", text=d.text, start=d.start, end=d.end,
                    ref=d.value_start.isoformat() if d.value_start else None) for d in doc.dates]
    doc.entities.extend(ents)
    doc.entities.sort(key=lambda e: (e.start, e.end))
