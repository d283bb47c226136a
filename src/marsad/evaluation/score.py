"""Score one predicted document (contract marsad/1) against its gold annotation file."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from marsad.evaluation.compare import (
    DEFAULT_RADIUS_KM,
    actor_strings,
    any_match,
    date_matches,
    location_matches,
    place_strings,
    types_match,
    within_radius,
)
from marsad.evaluation.report import (
    Counts,
    DateMiss,
    DocScore,
    EventMiss,
    FalsePositive,
    Report,
)

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------
# One-to-one matching


def max_matching(adjacency: Sequence[Sequence[int]], order: Sequence[int], n_right: int) -> dict[int, int]:
    """A maximum bipartite matching (Kuhn's augmenting paths), as {left: right}.

    Left vertices are tried in `order`. An augmenting path never unmatches a left vertex
    that is already matched, so every vertex matched early stays matched: trying the
    required gold events first gives the most required hits, and then, among those
    matchings, the most predictions absorbed by optional events. Within `adjacency[u]`
    the earlier right vertices are preferred.
    """
    owner: list[int | None] = [None] * n_right

    def augment(u: int, seen: set[int]) -> bool:
        for v in adjacency[u]:
            if v in seen:
                continue
            seen.add(v)
            w = owner[v]
            if w is None or augment(w, seen):
                owner[v] = u
                return True
        return False

    for u in order:
        augment(u, set())
    return {u: v for v, u in enumerate(owner) if u is not None}


# ---------------------------------------------------------------------------
# Gold and prediction helpers


def _aliases(gold: Mapping[str, Any]) -> dict[str, list[str]]:
    """Gold actor name -> the strings it may be found by (its name and aliases)."""
    out: dict[str, list[str]] = {}
    for actor in gold.get("actors") or []:
        out[actor["name"]] = [actor["name"], *(actor.get("aliases") or [])]
    return out


def _participants(event: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [a for a in (event.get("actor"), *(event.get("assoc_actors") or [])) if a]


def _actor_ok(event: Mapping[str, Any], gold_actor: str | None, aliases: Mapping[str, list[str]]) -> bool:
    """The predicted actor or an associated actor matches the gold actor.

    A gold event whose actor is null (the text names nobody) is matched by any predicted
    actor, or none: type and location decide.
    """
    if gold_actor is None:
        return True
    targets = aliases.get(gold_actor, [gold_actor])
    return any(any_match(actor_strings(a), targets) for a in _participants(event))


def _describe_actor(actor: Mapping[str, Any] | None) -> str | None:
    if not actor:
        return None
    name, text = actor.get("name"), actor.get("text")
    return f"{name} ({text})" if text and text != name else name


def _describe_place(place: Mapping[str, Any] | None) -> str | None:
    if not place:
        return None
    if "country_only" in place:
        return f"country {place['country_only']}"
    name, text = place.get("name"), place.get("text")
    return f"{name} ({text})" if text and text != name else name


def _evidence(event: Mapping[str, Any]) -> str | None:
    ev = event.get("evidence")
    if isinstance(ev, Mapping):
        return ev.get("text")
    return ev if isinstance(ev, str) else None


def _type_rank(pred: Mapping[str, Any], gold_event: Mapping[str, Any]) -> int:
    """0 for the exact type, 1 for an alternative, 2 for the same family."""
    t = pred.get("type")
    if t == gold_event["type"]:
        return 0
    return 1 if t in (gold_event.get("alt_types") or ()) else 2


def _event_graph(
    gold_events: Sequence[Mapping[str, Any]],
    preds: Sequence[Mapping[str, Any]],
    aliases: Mapping[str, list[str]],
    *,
    with_location: bool,
) -> list[list[int]]:
    """For each gold event, the predictions that find it, best candidates first.

    "Best" (exact type, then the right date, then the right modality) only breaks ties
    between matchings of the same size; it never changes how many events are found.
    """
    adjacency: list[list[int]] = []
    for g in gold_events:
        alt = g.get("alt_types") or ()
        cands = [
            j for j, p in enumerate(preds)
            if types_match(str(p.get("type")), g["type"], alt)
            and _actor_ok(p, g.get("actor"), aliases)
            and (not with_location or location_matches(p.get("location"), g.get("location")))
        ]
        gdate = g.get("date")

        def preference(j: int, g: Mapping[str, Any] = g, gdate: str | None = gdate) -> tuple[int, int, int]:
            date_ok = gdate is not None and date_matches(preds[j].get("date"), gdate)
            same_modality = preds[j].get("modality") == g.get("modality")
            return _type_rank(preds[j], g), 0 if date_ok else 1, 0 if same_modality else 1

        adjacency.append(sorted(cands, key=preference))
    return adjacency


def _match_events(
    gold_events: Sequence[Mapping[str, Any]],
    preds: Sequence[Mapping[str, Any]],
    aliases: Mapping[str, list[str]],
    *,
    with_location: bool,
) -> tuple[Counts, dict[int, int], set[int]]:
    """Counts, {required gold index: pred index} and the preds absorbed by optional golds."""
    adjacency = _event_graph(gold_events, preds, aliases, with_location=with_location)
    required = [i for i, g in enumerate(gold_events) if not g.get("optional")]
    optional = [i for i, g in enumerate(gold_events) if g.get("optional")]
    matching = max_matching(adjacency, required + optional, len(preds))
    hits = {i: j for i, j in matching.items() if not gold_events[i].get("optional")}
    absorbed = {j for i, j in matching.items() if gold_events[i].get("optional")}
    counts = Counts(tp=len(hits), fp=len(preds) - len(hits) - len(absorbed), fn=len(required) - len(hits))
    return counts, hits, absorbed


# ---------------------------------------------------------------------------
# Scoring


def score_document(gold: dict[str, Any], pred: dict[str, Any]) -> DocScore:
    """Score one prediction (a contract marsad/1 dict) against one gold file (ANNOTATION.md).

    Where ANNOTATION.md leaves a choice open, this scorer decides:
    - a null gold location accepts any predicted location or none; a null gold actor
      accepts any predicted actor or none;
    - dates and modality are scored over the hits (required gold events matched with
      location), not over predictions absorbed by optional events;
    - actor precision counts distinct participants (by actor id) per document, not
      each appearance in an event.
    """
    doc = str(gold.get("doc") or pred.get("doc_id") or "")
    result = DocScore(doc=doc)
    aliases = _aliases(gold)
    gold_events: list[Mapping[str, Any]] = list(gold.get("events") or [])
    preds: list[Mapping[str, Any]] = [e for e in pred.get("events") or [] if isinstance(e, Mapping)]

    # Events, with locations and without.
    result.events, hits, absorbed = _match_events(gold_events, preds, aliases, with_location=True)
    result.events_type_actor, _, _ = _match_events(gold_events, preds, aliases, with_location=False)
    result.optional_matched = len(absorbed)
    for i, g in enumerate(gold_events):
        if not g.get("optional") and i not in hits:
            result.missed_events.append(EventMiss(
                type=g["type"], actor=g.get("actor"), location=_describe_place(g.get("location")),
                date=g.get("date"), evidence=g.get("evidence"),
            ))
    matched_preds = set(hits.values()) | absorbed
    for j, p in enumerate(preds):
        if j not in matched_preds:
            result.false_positives.append(FalsePositive(
                id=p.get("id"), type=p.get("type"), actor=_describe_actor(p.get("actor")),
                location=_describe_place(p.get("location")), evidence=_evidence(p),
            ))

    # Dates and modality over the hits.
    for i, j in sorted(hits.items()):
        g, p = gold_events[i], preds[j]
        result.modality.total += 1
        result.modality.hits += p.get("modality") == g.get("modality")
        gdate = g.get("date")
        if not gdate:
            continue
        result.dates.total += 1
        if date_matches(p.get("date"), gdate):
            result.dates.hits += 1
        else:
            pdate = p.get("date") or {}
            shown = pdate.get("start")
            if pdate.get("end") and pdate.get("end") != shown:
                shown = f"{shown}..{pdate.get('end')}"
            result.date_errors.append(DateMiss(type=g["type"], gold=gdate, predicted=shown, evidence=_evidence(p)))

    # Places: doc-level places and event locations.
    pred_places = [p for p in pred.get("places") or [] if isinstance(p, Mapping)]
    pred_places += [e["location"] for e in preds if isinstance(e.get("location"), Mapping)]
    for gp in gold.get("places") or []:
        radius = gp.get("radius_km")
        radius_km = float(radius) if isinstance(radius, (int, float)) else DEFAULT_RADIUS_KM
        found = any(
            any_match(place_strings(p), (gp.get("text") or "", gp.get("name") or ""))
            and within_radius(p, float(gp["lat"]), float(gp["lon"]), radius_km)
            for p in pred_places
        )
        result.places.total += 1
        result.places.hits += found
        if not found:
            result.missed_places.append(f"{gp.get('name')} ({gp.get('text')})")

    # Actors: recall over gold actors, precision over distinct predicted participants.
    participants: dict[str, list[str]] = {}
    for e in preds:
        for a in (e.get("actor"), e.get("recipient"), *(e.get("assoc_actors") or [])):
            if isinstance(a, Mapping):
                strings = actor_strings(a)
                if strings:
                    ident = str(a.get("id") or a.get("name") or a.get("text"))
                    participants.setdefault(ident, []).extend(strings)
    mention_strings = [
        ent["text"] for ent in pred.get("entities") or []
        if isinstance(ent, Mapping) and ent.get("kind") == "actor" and isinstance(ent.get("text"), str)
    ]
    seen_strings = mention_strings + [s for strings in participants.values() for s in strings]
    for name, names in aliases.items():
        found = any_match(seen_strings, names)
        result.actor_recall.total += 1
        result.actor_recall.hits += found
        if not found:
            result.missed_actors.append(name)
    all_aliases = [s for names in aliases.values() for s in names]
    for ident, strings in participants.items():
        ok = any_match(strings, all_aliases)
        result.actor_precision.total += 1
        result.actor_precision.hits += ok
        if not ok:
            result.unmatched_participants.append(ident)

    # Publication date (informative).
    if gold.get("published"):
        result.published.total = 1
        result.published.hits = int(pred.get("published") == gold["published"])
    return result


def score(golds: dict[str, dict[str, Any]], preds: dict[str, dict[str, Any]]) -> Report:
    """Score predictions against gold files, both keyed by document id (the gold file's stem).

    A gold document without a prediction is scored against an empty one (everything
    missed); a prediction without gold is left out. Both are listed in `Report.warnings`.
    """
    report = Report()
    for doc in sorted(golds):
        pred = preds.get(doc)
        if pred is None:
            report.warnings.append(f"{doc}: no prediction; scored as an empty document")
            pred = {}
        result = score_document(golds[doc], pred)
        result.doc = doc
        report.docs.append(result)
    for doc in sorted(set(preds) - set(golds)):
        report.warnings.append(f"{doc}: prediction has no gold file; not scored")
    return report
