"""From frames to contract events: one event per (type, actor, place), duplicates merged."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from marsad.document import Actor, Document, DocumentPlace, Event, Mention, Place
from marsad.extraction.codes import acled_code, plover_code
from marsad.extraction.events import (
    CONF_FALLBACK_PLACE,
    CONF_INHERITED_RECIPIENT,
    Frame,
    evidence_for,
    in_title,
    is_general_attack,
    place_runs,
)
from marsad.extraction.frames import ActorSpan
from marsad.geo import haversine_km
from marsad.text.normalize import key
from marsad.text.spans import SpanIndex

# Type families that describe one happening: a withdrawal in favour of someone is a handover.
FAMILY = {"HANDOVER": "WITHDRAW", "SHELLING": "AIRSTRIKE"}


def family_of(event_type: str) -> str:
    """The type family an event type is merged within (a handover is a withdrawal)."""
    return FAMILY.get(event_type, event_type)
# Country prior when a document names no country: marsad's home arena.
SENTENCE_PLACE_REACH = 200  # characters from the trigger searched for a place in its sentence
FORM_GROUP_MERGE_SENTENCES = 2  # a new group told over this many sentences is one formation


@dataclass(slots=True)
class Built:
    """A contract event with the frame it was read from (the resolve stage needs the trigger)."""

    event: Event
    frame: Frame


def build_events(doc: Document, frames: Sequence[Frame], places: Sequence[Mention],
                 to_actor: Callable[[ActorSpan], Actor],
                 part_of: Callable[[str, str], bool],
                 country_place: Callable[[str], Place | None],
                 covers: Callable[[str, str], bool] | None = None) -> list[Built]:
    """Assign places to frames, split coordinated places, merge duplicates, inherit recipients.

    `covers(a, b)`: actor `a` stands for `b` as a whole (a state for its forces, a state's armed
    forces for their branches), so that their acts at one place are one event; by default, when
    one is part of the other."""
    text = doc.text
    fallback = _fallback_place(doc, places, country_place)
    indexed = _Places(places)
    built: list[Built] = []
    placed: set[str] = set()  # event families already told with a place of their own
    for f in frames:
        found = _frame_places(text, doc, f, indexed)
        family = family_of(f.type)
        if not found and family in placed and _definite_noun(f):
            continue  # "نفى أن يكون الانسحاب مرتبطاً بـ...": the withdrawal told before, no new one
        if found:
            placed.add(family)
        else:
            if not _opens_contrast(text, f.clause):  # "فيما ...": another scene
                found = _place_of_the_story(built, family, f.sentence, fallback)
        for place in found or [fallback]:
            f2 = Frame(type=f.type, trigger=f.trigger, form=f.form, sentence=f.sentence,
                       clause=f.clause, actor=f.actor, assoc=f.assoc, recipient=f.recipient,
                       place=place, confidence=f.confidence, actor_carried=f.actor_carried)
            if place is None or place is fallback:
                f2.confidence *= CONF_FALLBACK_PLACE
            built.append(Built(_event(doc, f2, to_actor), f2))
    built = _inherit_recipients(built, part_of)
    built = _verb_and_noun_twins(built)
    built = _takeovers(built)
    built = _killings_by_strikes(built)
    built = _force_against_protests(built, text)
    built = _merge(built, part_of, covers or (lambda a, b: part_of(b, a)))
    built = _drop_subsumed(built, part_of)
    built = _actorless_twins(built)
    for i, b in enumerate(built, 1):
        b.event.id = f"e{i}"
    return built


# A definite place noun or a pronoun after a preposition points back to a place named before:
# "انسحبت من المطار" -> the airport the article named; "انسحبت منها" -> the town.
_ANAPHOR = re.compile(
    r"(?:^|\s)(?:من|في|الي|علي|داخل|قرب|محيط|عن|و)?\s*(?:ب|ل|و)?"
    r"(المطار|القاعده|المعبر|الحقل|المستودعات|المدينه|البلده|القريه|الحي|البلدات|المنطقه|حي|حيي|احياء|"
    r"منها|فيها|عليها|اليها|عنها|منه|فيه|عليه|اليه)(?=\s|$)"
)
ANAPHOR_WORDS = 6  # words after the trigger searched for an anaphoric place
SETTLEMENT_KINDS = frozenset({"city", "town", "village", "neighbourhood", "community", "subdistrict",
                              "district", "area"})
_COMPATIBLE: dict[str, frozenset[str]] = {
    "المطار": frozenset({"airport"}),
    "القاعده": frozenset({"base", "airport"}),
    "المعبر": frozenset({"crossing"}),
    "الحقل": frozenset({"field"}),
    "المستودعات": frozenset({"depot"}),
    "المدينه": frozenset({"city", "town"}),
    "البلده": frozenset({"town", "village", "city", "community"}),
    "القريه": frozenset({"village", "town", "community"}),
    "البلدات": SETTLEMENT_KINDS,
    "الحي": frozenset({"neighbourhood", "community"}),
    # "من حي الكرب": a neighbourhood the gazetteer does not know lies in the town just named.
    "حي": SETTLEMENT_KINDS, "حيي": SETTLEMENT_KINDS, "احياء": SETTLEMENT_KINDS,
    "المنطقه": SETTLEMENT_KINDS | frozenset({"region", "governorate", "base", "airport", "mountain", "desert",
                                           "valley"}),
}
_FEMININE = SETTLEMENT_KINDS | frozenset({"region", "base"})  # مدينة، بلدة، قرية، منطقة، قاعدة
_MASCULINE = frozenset({"airport", "crossing", "field", "camp", "hq", "point", "depot", "neighbourhood"})


def _kinds_of(p: Mention) -> set[str]:
    hit = p.data
    kinds = {getattr(getattr(hit, "entry", None), "kind", "")}
    site = getattr(getattr(hit, "place", None), "site", None)
    if site is not None:
        kinds.add(site.kind)
    return kinds


class _Places:
    """The document's place mentions, indexed once for the lookups of every frame."""

    def __init__(self, places: Sequence[Mention]) -> None:
        self.all = SpanIndex(places)
        self._usable: dict[frozenset[str], SpanIndex[Mention]] = {}

    def starting(self, start: int, stop: int) -> list[Mention]:
        return self.all.starting(start, stop)

    def usable(self, kinds: frozenset[str]) -> SpanIndex[Mention]:
        """The places in the text an anaphor for `kinds` may point back to (few distinct kinds)."""
        if kinds not in self._usable:
            self._usable[kinds] = SpanIndex([
                p for p in self.all.items
                if p.start >= 0 and getattr(p.data, "context", None) not in ("rif", "admin") and _kinds_of(p) & kinds])
        return self._usable[kinds]


def _anaphoric_place(text: str, f: Frame, places: _Places) -> Mention | None:
    cs, ce = f.clause
    t = f.trigger
    window = " ".join(key(text[t.end:min(ce, t.end + 120)]).split()[:ANAPHOR_WORDS])
    m = _ANAPHOR.search(window)
    if m is None:
        return None
    word = m.group(1)
    if word in _COMPATIBLE:
        kinds = _COMPATIBLE[word]
    elif word.endswith("ها"):
        kinds = _FEMININE
    else:
        kinds = _MASCULINE
    usable = places.usable(kinds)
    before = usable.last_starting_before(t.start + 1, lambda p: p.end <= t.start)
    if before is not None:
        return before
    after = usable.starting(ce, ce + ANAPHOR_FORWARD + 1)
    return after[0] if after else None


ANAPHOR_FORWARD = 300  # characters: an antecedent named just after ("... من المطار. ... مطار التيفور")


_WITNESS = re.compile(r"(?:^|\s)[وف]?(?:شهد|شهدت|تشهد|يشهد)\s+(?:\S+\s+){1,4}$")


_CONTRAST = re.compile(r"(?:و|ف)?(?:فيما|بينما|في حين|في المقابل)\s")


def _opens_contrast(text: str, clause: tuple[int, int]) -> bool:
    """The clause opens with فيما / بينما / في حين: another scene than the one before it."""
    return _CONTRAST.match(key(text[clause[0]:clause[0] + 20])) is not None


def _frame_places(text: str, doc: Document, f: Frame, indexed: _Places) -> list[Mention | None]:
    cs, ce = f.clause
    t = f.trigger

    titled: list[list[Mention]] = []

    def runs_in(clause: tuple[int, int], start: int, stop: int) -> list[list[Mention]]:
        runs = place_runs(text, clause, start, indexed.starting(start, stop), stop)
        # a town in a local official's title ("رئيس بلدية جنين") locates the event only when the
        # sentence names no other place
        titled.extend([p] for r in runs for p in r if in_title(text, p))
        kept = [[p for p in r if not in_title(text, p)] for r in runs]
        return [r for r in kept if r]

    # "شهدت مدينة درعا مظاهرة ...": the place is the subject of شهد, named before the event
    witness = _WITNESS.search(key(text[cs:t.start]))
    if witness is not None:
        runs = runs_in(f.clause, cs, t.start)
        if runs:
            return list(runs[-1])
    # A purpose or demand clause ("احتجاجاً على الحرب على غزة", "تضامناً مع غزة", "للمطالبة
    # بالإفراج عن معتقلين في سجون ...") names what the event is about, not where it happens.
    purpose = _purpose_start(text, t.end, ce)
    runs = runs_in(f.clause, t.end, purpose)
    if runs:
        return list(runs[0])
    anaphor = _anaphoric_place(text, f, indexed)
    if anaphor is not None:
        return [anaphor]
    runs = runs_in(f.clause, cs, t.start)
    if runs:
        return list(runs[-1])
    # A place named earlier in the sentence ("في مدينة حلب، اعتقلت ..."); places in later
    # clauses belong to their own events.
    sent = doc.sentences[f.sentence]
    if not _opens_contrast(text, f.clause):  # "..., فيما أعلن حزب الله": another scene
        runs = runs_in((sent.start, cs), max(sent.start, cs - SENTENCE_PLACE_REACH), cs)
        if runs:
            return list(runs[-1])
    if purpose < ce:
        # "احتجاجاً على غلاء الأسعار في مدينة الحسيمة": a place after a plain locative still is
        # where, when the sentence names no other
        runs = [r for r in runs_in(f.clause, purpose, ce) if _locative_before(text, r[0])]
        if runs:
            return list(runs[0])
    if titled:
        return list(titled[0])
    return []



PURPOSE_WORDS = frozenset(key(w) for w in (
    "للمطالبة", "مطالبة", "مطالبين", "يطالبون", "طالبوا", "للتنديد", "تنديدا", "تنديداً", "منددين",
    "احتجاجا", "احتجاجاً", "رفضا", "رفضاً", "رافضين", "تضامنا", "تضامناً", "دعما", "دعماً", "تأييدا",
    "تأييداً", "استنكارا", "استنكاراً", "نصرة", "للتضامن", "للاحتجاج", "مستنكرين", "متضامنين"))
STRICT_LOCATIVES = frozenset(key(w) for w in ("في", "داخل", "وسط", "أمام", "امام", "قرب"))


def _purpose_start(text: str, start: int, end: int) -> int:
    """Where a purpose clause opens in [start, end), or `end`."""
    for m in re.finditer(r"\S+", text[start:end]):
        w = key(m.group())
        if w in PURPOSE_WORDS or (w[:1] in ("و", "ف") and w[1:] in PURPOSE_WORDS):
            return start + m.start()
    return end


def _locative_before(text: str, p: Mention) -> bool:
    """A plain locative preposition governs the place: "في مدينة X", "بمدينة X", "وسط X"."""
    ps = getattr(p.data, "phrase_start", p.start)
    words = key(text[max(0, ps - 20):ps]).split()
    if text[max(0, ps - 1):ps] == "ب":
        return True
    return bool(words) and words[-1] in STRICT_LOCATIVES


STORY_SENTENCES = 2  # a placeless event continues the place of its kind told this close before


def _place_of_the_story(built: list[Built], family: str, sentence: int, fallback: Mention | None) -> list[Mention | None]:
    """"وأوضحت أن الانسحاب شمل ... مع انسحاب مجموعات من ميليشيا X": an event told with no place
    right after events of its kind took place somewhere is at that place (the last one named)."""
    for b in reversed(built):
        f = b.frame
        if sentence - f.sentence > STORY_SENTENCES:
            break
        if family_of(f.type) == family and f.place is not None and f.place is not fallback \
                and f.place.start >= 0:
            return [f.place]
    return []


def _definite_noun(f: Frame) -> bool:
    """A verbal-noun trigger with the article ("الانسحاب", "بالغارات")."""
    if f.form.pos != "noun":
        return False
    k = key(f.trigger.text)
    return k.startswith("ال") or k[1:].startswith("ال") or k[2:].startswith("ال")


def _fallback_place(doc: Document, places: Sequence[Mention],
                    country_place: Callable[[str], Place | None]) -> Mention | None:
    """The document's main country, as a precision-3 place, for events that name no place.
    A document that names no place at all gives none: its events' locations stay null."""
    counts = Counter(getattr(getattr(p.data, "place", None), "country", None) for p in places)
    counts.pop(None, None)
    if not counts:
        return None
    code = counts.most_common(1)[0][0]
    place = country_place(code)
    if place is None:
        return None
    for p in places:
        hit = p.data
        if getattr(hit, "place", None) is not None and hit.place.id == place.id:
            return p
    if not any(dp.id == place.id for dp in doc.places):
        doc.places.append(DocumentPlace(**place.model_dump(), mentions=[]))
    return Mention("place", -1, -1, place.text, place.id, _Fallback(place))


@dataclass(slots=True)
class _Fallback:
    place: Place
    context: str | None = "fallback"


def _event(doc: Document, f: Frame, to_actor: Callable[[ActorSpan], Actor]) -> Event:
    evidence = evidence_for(doc.text, f.clause)
    actor = to_actor(f.actor) if f.actor is not None else None
    location = f.place.data.place if f.place is not None else None
    return Event(
        id="",
        type=f.type,  # type: ignore[arg-type]
        acled=acled_code(f.type, actor_kind=actor.kind if actor else None,
                         recipient=f.recipient is not None, evidence=evidence.text),
        plover=plover_code(f.type, evidence=evidence.text),
        actor=actor,
        assoc_actors=[to_actor(a) for a in f.assoc],
        recipient=to_actor(f.recipient) if f.recipient is not None else None,
        location=location,
        confidence=round(min(0.99, max(0.05, f.confidence)), 3),
        evidence=evidence,
    )


def _key(b: Built) -> tuple[str, str | None, str | None]:
    e = b.event
    return (family_of(e.type), e.actor.id if e.actor else None,
            e.location.id if e.location else None)


def _merge(built: list[Built], part_of: Callable[[str, str], bool],
           covers: Callable[[str, str], bool]) -> list[Built]:
    """One event per (type family, actor, place): the same event told twice is kept once."""
    out: list[Built] = []
    index: dict[tuple[str, str | None, str | None], Built] = {}
    for b in built:
        k = _key(b)
        first = index.get(k) or _part_of_twin(b, out, covers)
        if first is None:
            index[k] = b
            out.append(b)
            continue
        _absorb(first, b)
    # A formation told over consecutive sentences ("شكّلت إيران ميليشيا" ... "أطلقت الميليشيات
    # الإيرانية على التشكيل الجديد اسم"): keep the most specific actor.
    kept: list[Built] = []
    groups: list[Built] = []  # the FORM_GROUP events of kept, the only ones a twin is looked for in
    for b in out:
        e = b.event
        twin = next((k for k in groups if e.type == "FORM_GROUP"
                     and abs(k.frame.sentence - b.frame.sentence) <= FORM_GROUP_MERGE_SENTENCES
                     and k.event.actor and e.actor
                     and (part_of(e.actor.id, k.event.actor.id) or part_of(k.event.actor.id, e.actor.id))), None)
        if twin is None:
            kept.append(b)
            if e.type == "FORM_GROUP":
                groups.append(b)
            continue
        if part_of(e.actor.id, twin.event.actor.id):  # type: ignore[union-attr]
            twin.event.actor = e.actor
        if twin.event.location and e.location and twin.event.location.precision > e.location.precision:
            twin.event.location = e.location
    return kept


TAKEOVER_SENTENCES = 1  # a takeover is read with a withdrawal told this many sentences away


def _takeovers(built: list[Built]) -> list[Built]:
    """"تولّى الجيش العراقي السيطرة على القاعدة" after "انسحاب القوات الأمريكية منها": a side
    that takes a place over with no giver named receives it from the side that withdrew from it;
    the withdrawal becomes a handover to it."""
    out: list[Built] = []
    for b in built:
        e, f = b.event, b.frame
        if f.form.group.receive and e.actor is None and e.recipient is not None and e.location is not None:
            giver = next((k for k in built if k is not b and family_of(k.event.type) == "WITHDRAW"
                          and k.event.actor is not None and k.event.actor.id != e.recipient.id
                          and k.event.location is not None
                          and (k.event.location.id == e.location.id or _inside(k.event.location, e.location))
                          and abs(k.frame.sentence - f.sentence) <= TAKEOVER_SENTENCES), None)
            if giver is not None:
                if giver.event.recipient is None:
                    giver.event.recipient = e.recipient
                    giver.event.type = "HANDOVER"
                    giver.event.acled = e.acled
                continue
        out.append(b)
    return out


def _verb_and_noun_twins(built: list[Built]) -> list[Built]:
    """A verb and a verbal noun of one event in one clause are one event: in "ستزوّد سوريا
    بأنظمة أسلحة" the noun أسلحة repeats the transfer that زوّد tells, and the actor it would
    take (سوريا, the verb's object) lies inside the verb's own arguments."""
    out: list[Built] = []
    in_clause: dict[tuple[int, int], list[Built]] = {}  # out by clause: a twin shares the clause
    for b in built:
        f = b.frame
        twin = None
        if f.form.pos == "noun":
            twin = next((k for k in in_clause.get(f.clause, ()) if k.frame.form.pos == "verb"
                         and family_of(k.frame.type) == family_of(f.type)
                         and (k.frame.trigger.end <= f.trigger.start or k.frame.trigger.start == f.trigger.start)
                         and k.frame.place is f.place
                         and _within_verb(k.frame, f)), None)
        if twin is None:
            out.append(b)
            in_clause.setdefault(f.clause, []).append(b)
        elif twin.frame.trigger.start != f.trigger.start:  # the same word read as a noun adds nothing
            _absorb(twin, b)
    return out


# A killing told with its means ("قُتل خمسة مدنيين بغارة", "مقتل جنديين في قصف") is the strike
# itself; the dead are its casualties, not a second attack.
STRIKE_TYPES = frozenset({"AIRSTRIKE", "SHELLING", "EXPLOSION", "CLASH"})
KILLING_WORDS = frozenset(key(w) for w in ("قتل", "مقتل", "قتلى", "استشهد", "استشهاد", "أصيب", "إصابة"))


def _is_killing_or_general(f: Frame) -> bool:
    stem = key(f.trigger.text)
    return any(stem.startswith(w) or stem.endswith(w) for w in KILLING_WORDS) or is_general_attack(f.trigger.text)


def _killings_by_strikes(built: list[Built]) -> list[Built]:
    out: list[Built] = []
    in_clause: dict[tuple[int, int], list[Built]] = {}  # the strike is told in the same clause
    for b in built:
        in_clause.setdefault(b.frame.clause, []).append(b)
    for b in built:
        f = b.frame
        # (a killing word may already read as the strike it names: "قتل ... بغارة" -> AIRSTRIKE)
        if (f.type == "ATTACK" or f.type in STRIKE_TYPES) and _is_killing_or_general(f):
            strike = next((k for k in in_clause[f.clause] if k is not b
                           and k.frame.type in STRIKE_TYPES and k.frame.place is f.place
                           and k.frame.trigger.start != f.trigger.start
                           and not (f.type in STRIKE_TYPES and _is_killing_or_general(k.frame))
                           # a strike by another side is another event ("غارة إسرائيلية ... فيما
                           # أعلن حزب الله استهداف تجمع لجنود")
                           and (b.event.actor is None or k.event.actor is None
                                or k.event.actor.id == b.event.actor.id)), None)
            if strike is not None:
                if strike.event.actor is None and b.event.actor is not None:
                    strike.event.actor = b.event.actor
                continue
        out.append(b)
    return out


SHOOTING_WORDS = tuple(key(w) for w in ("رصاص", "النار", "نار", "نيران", "الغاز", "قنابل"))
PROTECTED_KINDS = frozenset({"state_security", "state_military"})


def _force_against_protests(built: list[Built], doc_text: str) -> list[Built]:
    """Shooting at protesters ("فرقت الشرطة المحتجين بالرصاص الحي", "مقتل متظاهر برصاص الأمن
    خلال احتجاجات") is the protest met with force (ACLED's intervention or excessive force), one
    event: the shooting adds no attack of its own, and the shooters are the protest's other party."""
    protests: dict[int, list[Built]] = {}
    for b in built:
        if b.event.type == "PROTEST":
            protests.setdefault(b.frame.sentence, []).append(b)
    if not protests:
        return built
    out: list[Built] = []
    for b in built:
        f, e = b.frame, b.event
        twins = protests.get(f.sentence, [])
        shot = key(doc_text[f.trigger.start:min(f.clause[1], f.trigger.end + 40)])
        if (e.type == "ATTACK" and twins and any(w in shot for w in SHOOTING_WORDS)
                and (e.actor is None or e.actor.kind in PROTECTED_KINDS)):
            p = twins[0]
            if p.event.recipient is None and e.actor is not None:
                p.event.recipient = e.actor
            p.event.acled = acled_code("PROTEST", actor_kind=None, recipient=True,
                                       evidence=p.event.evidence.text + " " + e.evidence.text + " الرصاص الحي")
            continue
        out.append(b)
    return out


def _within_verb(verb: Frame, noun: Frame) -> bool:
    """The noun's actor is none, the verb's own actor, or a phrase between the verb and the noun."""
    a = noun.actor
    if a is None or noun.actor_carried:
        return True
    if verb.actor is not None and a.actor_id == verb.actor.actor_id:
        return True
    return verb.trigger.end <= a.start and a.end <= noun.trigger.start


# How far from a wide area's centre a precise place may lie and still be inside that area.
AREA_REACH_KM = {2: 60.0, 3: 300.0}


ACTORLESS_TWIN_SENTENCES = 1  # an event with no actor is its named twin told this close


def _actorless_twins(built: list[Built]) -> list[Built]:
    """"خرج العشرات في مظاهرة في القامشلي ... وردد المتظاهرون هتافات": the same event at the
    same place, once with its actor and once without, close together, is one event."""
    out: list[Built] = []
    for b in built:
        e = b.event
        if e.actor is None and e.location is not None:
            twin = next((k for k in built if k is not b and k.event.actor is not None
                         and family_of(k.event.type) == family_of(e.type)
                         and k.event.location is not None and k.event.location.id == e.location.id
                         and abs(k.frame.sentence - b.frame.sentence) <= ACTORLESS_TWIN_SENTENCES), None)
            if twin is not None:
                _absorb(twin, b)
                continue
        out.append(b)
    return out


def _drop_subsumed(built: list[Built], part_of: Callable[[str, str], bool]) -> list[Built]:
    """Drop an event located only at a wide area when the same side's same event is also told
    at a precise place inside it: the lead's "withdrew from positions in north-east Syria" and the
    body's "withdrew from Qamishli airport" are one withdrawal, best placed at the airport.
    A country-wide statement over several precise events ("evacuated many positions in Syria",
    then Aleppo, Raqqa, Manbij...) sums them up and stays an event of its own; over a single
    one it is that event told twice."""
    out: list[Built] = []
    by_family: dict[str, list[Built]] = {}  # _same_side needs the same family (which _absorb keeps)
    for b in built:
        by_family.setdefault(family_of(b.event.type), []).append(b)
    for b in built:
        wide = b.event.location
        if wide is None or wide.precision == 1 or b.event.actor is None:
            out.append(b)
            continue
        fam, actor = family_of(b.event.type), b.event.actor.id
        # Places listed together for one trigger are distinct places, never one inside another.
        inner = [k for k in by_family[fam] if k is not b and k.frame.trigger is not b.frame.trigger
                 and _same_side(k, fam, actor, part_of)
                 and k.event.location is not None and k.event.location.precision < wide.precision
                 and _inside(k.event.location, wide)]
        country_wide = wide.id.startswith("country:")
        if not inner or (country_wide and len({k.event.location.id for k in inner}) > 1):  # type: ignore[union-attr]
            out.append(b)
        else:
            _absorb(inner[0], b)
    return out


def _same_side(k: Built, fam: str, actor: str, part_of: Callable[[str, str], bool]) -> bool:
    e = k.event
    return (family_of(e.type) == fam and e.actor is not None
            and (e.actor.id == actor or part_of(e.actor.id, actor) or part_of(actor, e.actor.id)))


def _inside(place: Place, area: Place) -> bool:
    if area.country and place.country and area.country != place.country:
        return False
    if area.id.startswith("country:"):
        return area.country is not None and area.country == place.country
    reach = AREA_REACH_KM.get(area.precision)  # a precise place (a town, a site) holds no other
    return reach is not None and haversine_km(place.lat, place.lon, area.lat, area.lon) <= reach


def _part_of_twin(b: Built, kept: list[Built], covers: Callable[[str, str], bool]) -> Built | None:
    """An earlier event of the same family and place whose actor stands for this one's as a whole,
    or the other way round ("روسيا انسحبت" and "القوات الروسية انسحبت" from the same place are one
    withdrawal; the IRGC and the Fatemiyoun it commands arriving at one airport are two)."""
    fam, actor, place = _key(b)
    if actor is None:
        return None
    for k in kept:
        kf, ka, kp = _key(k)
        if kf == fam and kp == place and ka is not None and ka != actor and (covers(actor, ka) or covers(ka, actor)):
            return k
    return None


def _absorb(first: Built, other: Built) -> None:
    a, b = first.event, other.event
    if a.actor is not None and b.actor is not None and a.actor.id != b.actor.id and _more_specific(b, a):
        a.actor = b.actor
    if a.recipient is None and b.recipient is not None and (a.actor is None or b.recipient.id != a.actor.id):
        a.recipient = b.recipient
        if a.type == "WITHDRAW" and b.type == "HANDOVER":
            a.type = "HANDOVER"
            a.acled = b.acled
    for x in b.assoc_actors:
        if all(x.id != y.id for y in a.assoc_actors):
            a.assoc_actors.append(x)
    a.confidence = max(a.confidence, b.confidence)
    if not _names_its_place(first.frame) and _names_its_place(other.frame):
        # Keep the telling that names the place itself ("أخلت مواقع لها في مدينة حلب", with its
        # source) over one that only points at it ("وانسحبت منها"): evidence, date and source
        # are read from the kept frame.
        first.frame, a.evidence = other.frame, b.evidence


def _names_its_place(f: Frame) -> bool:
    return f.place is not None and f.clause[0] <= f.place.start < f.clause[1]


def _more_specific(b: Event, a: Event) -> bool:
    """Prefer an armed force to its state, and an explicit actor to a carried one."""
    rank = {"state": 0, "government": 1}
    return rank.get(b.actor.kind, 2) > rank.get(a.actor.kind, 2)  # type: ignore[union-attr]


def _inherit_recipients(built: list[Built], part_of: Callable[[str, str], bool]) -> list[Built]:
    """A withdrawal "in favour of" a side frames the same actor's later withdrawals in the article."""
    last: dict[str, Actor] = {}
    for b in built:
        e = b.event
        if family_of(e.type) != "WITHDRAW" or e.actor is None:
            continue
        if e.recipient is not None:
            last[e.actor.id] = e.recipient
            continue
        for actor_id, recipient in last.items():
            if actor_id == e.actor.id or part_of(e.actor.id, actor_id) or part_of(actor_id, e.actor.id):
                e.recipient = recipient
                e.confidence = round(e.confidence * CONF_INHERITED_RECIPIENT, 3)
                break
    return built
