"""The typed Document that every pipeline stage takes and gives back, in the shape of contract marsad/1."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "marsad/1"

EventType = Literal[
    "WITHDRAW", "HANDOVER", "ESTABLISH_BASE", "DEPLOY", "TRAIN", "FORM_GROUP", "RECRUIT",
    "ARMS_TRANSFER", "AGREEMENT", "CLASH", "CAPTURE", "AIRSTRIKE", "SHELLING", "EXPLOSION",
    "ATTACK", "ABDUCTION", "ARREST", "PROTEST",
]
ActorKind = Literal[
    "state_military", "state_security", "government", "militia", "rebel_group", "jihadist_group",
    "mercenary", "company", "political_party", "media", "person", "civilians", "state",
    "coalition", "other",
]
Modality = Literal["asserted", "reported", "claimed", "denied", "planned", "assessment"]
SourceKind = Literal["official", "media", "social_media", "activists", "witness", "unknown"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
SiteKind = Literal["base", "airport", "depot", "hq", "camp", "checkpoint", "point", "port", "crossing", "other"]
EntityKind = Literal["actor", "place", "site", "person", "quantity", "date"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Source(_Model):
    path: str | None = None
    url: str | None = None
    outlet: str | None = None


class Offsets(_Model):
    start: int
    end: int


class Entity(_Model):
    kind: EntityKind
    text: str
    start: int
    end: int
    ref: str | None = None


class Actor(_Model):
    id: str
    name: str
    name_ar: str | None = None
    kind: ActorKind
    country: str | None = None
    wikidata: str | None = None
    text: str


class Site(_Model):
    kind: SiteKind
    name: str | None = None
    text: str


class Place(_Model):
    id: str
    name: str
    name_ar: str | None = None
    geonames_id: int | None = None
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    precision: Literal[1, 2, 3]
    site: Site | None = None
    text: str


class DocumentPlace(Place):
    mentions: list[Offsets] = Field(default_factory=list)


class EventDate(_Model):
    start: str | None = None
    end: str | None = None
    precision: DatePrecision = "unknown"
    text: str | None = None


class Quantity(_Model):
    value: float
    unit: str


class Casualties(_Model):
    killed: int | None = None
    wounded: int | None = None


class Attribution(_Model):
    source_kind: SourceKind = "unknown"
    source_name: str | None = None
    medium: str | None = None
    text: str | None = None


class Evidence(_Model):
    text: str
    start: int
    end: int


class AcledCode(_Model):
    event_type: str
    sub_event_type: str


class PloverCode(_Model):
    event_type: str
    mode: str | None = None


class Event(_Model):
    id: str
    type: EventType
    acled: AcledCode
    plover: PloverCode
    actor: Actor | None = None
    assoc_actors: list[Actor] = Field(default_factory=list)
    recipient: Actor | None = None
    location: Place | None = None
    date: EventDate = Field(default_factory=EventDate)
    quantity: Quantity | None = None
    casualties: Casualties | None = None
    attribution: Attribution = Field(default_factory=Attribution)
    modality: Modality = "asserted"
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: Evidence


# ---------------------------------------------------------------------------
# Internal annotations: what the stages write onto the Document before events
# are assembled. They are not part of the contract and are not serialised.


@dataclass(slots=True)
class Sentence:
    """A sentence of the document text, with its clause boundaries (offsets into the text)."""

    start: int
    end: int
    clauses: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """A dictionary hit in the text: an actor, a trigger, a place, a quantity or a date."""

    kind: str
    start: int
    end: int
    text: str
    ref: str | None = None
    data: Any = None


@dataclass(slots=True)
class DateMention:
    """A date expression resolved to a range. `start`/`end` are offsets; `value_*` are ISO dates."""

    start: int
    end: int
    text: str
    value_start: date | None
    value_end: date | None
    precision: DatePrecision
    anchor: str | None = None  # id of the anchor event when the date hangs on one


class Document(_Model):
    """One article: its text, metadata, annotations and events (contract marsad/1)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, arbitrary_types_allowed=True)

    schema_: Literal["marsad/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    doc_id: str = ""
    source: Source = Field(default_factory=Source)
    title: str | None = None
    published: str | None = None
    language: str = "ar"
    text: str = ""
    entities: list[Entity] = Field(default_factory=list)
    places: list[DocumentPlace] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    # Internal annotations, excluded from the contract output.
    sentences: list[Sentence] = Field(default_factory=list, exclude=True)
    mentions: list[Mention] = Field(default_factory=list, exclude=True)
    dates: list[DateMention] = Field(default_factory=list, exclude=True)
    published_source: str | None = Field(default=None, exclude=True)

    def mentions_of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def to_contract(self) -> dict[str, Any]:
        """The contract JSON object for this document."""
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_contract(), ensure_ascii=False, indent=indent)


def text_doc_id(text: str) -> str:
    """A stable id for a document without one: a hash of its cleaned text."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
