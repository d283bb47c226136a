"""The resolve stage: fill each event's date, attribution, modality, quantity and casualties."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from marsad.document import Casualties, Document, Quantity
from marsad.extraction.build import Built
from marsad.resolve.attribution import SourceCue, attribute
from marsad.resolve.dates import event_date
from marsad.resolve.modality import modality
from marsad.resolve.quantities import QuantityMention

# Quantity kinds that size the acting force or its equipment, per event type.
FORCE_TYPES = frozenset({"DEPLOY", "WITHDRAW", "HANDOVER", "RECRUIT", "TRAIN", "FORM_GROUP",
                         "AGREEMENT", "ARMS_TRANSFER", "ESTABLISH_BASE", "PROTEST", "ARREST",
                         "ABDUCTION"})
VIOLENT_TYPES = frozenset({"CLASH", "AIRSTRIKE", "SHELLING", "EXPLOSION", "ATTACK", "CAPTURE"})
# The terms of a deal often follow in the next clause ("… لصفقة مع الروس، تقضي بإرسال 800 مقاتل").
TERMS_TYPES = frozenset({"AGREEMENT"})


def fill(doc: Document, built: Sequence[Built], published: date | None,
         cues: Sequence[SourceCue], quantities: Sequence[QuantityMention],
         speaker_of: dict[int, str], same_side: Callable[[str, str], bool] | None = None) -> None:
    """Fill the resolve fields of every built event in place.

    `speaker_of` maps a source cue's start offset to the actor id that speaks in it, so that a
    party reporting its own act is `claimed`; `same_side` tells whether a speaker speaks for
    the acting side (the Russian defence ministry for the Russian forces).
    """
    related = same_side or (lambda a, b: a == b)
    text = doc.text
    for b in built:
        e, f = b.event, b.frame
        cs, ce = f.clause
        e.date = event_date(text, cs, ce, doc.dates, published, trigger=f.trigger.start)
        e.attribution = attribute(text, doc.sentences, list(cues), cs, ce)
        cue = _cue_for(cues, cs, ce)
        source_actor = speaker_of.get(cue.start) if cue is not None else None
        own = (source_actor is not None and e.actor is not None
               and related(e.actor.id, source_actor))
        e.modality = modality(text, cs, ce, f.trigger.start, e.attribution,  # type: ignore[assignment]
                              e.actor.id if e.actor else None, source_actor, speaker_is_actor=own)
        sent = doc.sentences[f.sentence]
        if e.type in FORCE_TYPES:
            q = _quantity(quantities, f.trigger.end, ce, ("force", "equipment"))
            if q is None and e.type in TERMS_TYPES:
                q = _quantity(quantities, ce, sent.end, ("force", "equipment"))
            if q is not None:
                e.quantity = Quantity(value=q.value, unit=q.unit)
        if e.type in VIOLENT_TYPES or e.type == "PROTEST":
            killed = _quantity(quantities, sent.start, sent.end, ("killed",))
            wounded = _quantity(quantities, sent.start, sent.end, ("wounded",))
            if killed or wounded:
                e.casualties = Casualties(killed=int(killed.value) if killed else None,
                                          wounded=int(wounded.value) if wounded else None)


def _cue_for(cues: Sequence[SourceCue], start: int, end: int) -> SourceCue | None:
    for c in cues:
        if c.scope_start <= start and end <= c.scope_end:
            return c
    return None


def _quantity(quantities: Sequence[QuantityMention], start: int, end: int,
              kinds: tuple[str, ...]) -> QuantityMention | None:
    for q in quantities:
        if start <= q.start < end and q.kind in kinds:
            return q
    return None
