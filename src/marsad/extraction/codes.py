"""ACLED and PLOVER codes for marsad event types."""

from __future__ import annotations

from marsad.document import AcledCode, PloverCode
from marsad.text.normalize import key

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"
PROTESTS = "Protests"

# State actor kinds: a capture by one of them is "Government regains territory".
STATE_KINDS = frozenset({"state_military", "state_security", "government", "state"})

_ACLED: dict[str, tuple[str, str]] = {
    "WITHDRAW": (STRATEGIC, "Other"),
    "HANDOVER": (STRATEGIC, "Non-violent transfer of territory"),
    "ESTABLISH_BASE": (STRATEGIC, "Headquarters or base established"),
    "DEPLOY": (STRATEGIC, "Other"),
    "TRAIN": (STRATEGIC, "Change to group/activity"),
    "FORM_GROUP": (STRATEGIC, "Change to group/activity"),
    "RECRUIT": (STRATEGIC, "Change to group/activity"),
    "ARMS_TRANSFER": (STRATEGIC, "Other"),
    "AGREEMENT": (STRATEGIC, "Agreement"),
    "CLASH": (BATTLES, "Armed clash"),
    "CAPTURE": (BATTLES, "Non-state actor overtakes territory"),
    "AIRSTRIKE": (REMOTE, "Air/drone strike"),
    "SHELLING": (REMOTE, "Shelling/artillery/missile attack"),
    "EXPLOSION": (REMOTE, "Remote explosive/landmine/IED"),
    "ATTACK": (VAC, "Attack"),
    "ABDUCTION": (VAC, "Abduction/forced disappearance"),
    "ARREST": (STRATEGIC, "Arrests"),
    "PROTEST": (PROTESTS, "Peaceful protest"),
}

# PLOVER event type and mode (PLOVER/POLECAT ontology).
_PLOVER: dict[str, tuple[str, str | None]] = {
    "WITHDRAW": ("RETREAT", "withdraw"),
    "HANDOVER": ("RETREAT", "withdraw"),
    "ESTABLISH_BASE": ("MOBILIZE", "troops"),
    "DEPLOY": ("MOBILIZE", "troops"),
    "TRAIN": ("AID", "military"),
    "FORM_GROUP": ("MOBILIZE", "militia"),
    "RECRUIT": ("MOBILIZE", "militia"),
    "ARMS_TRANSFER": ("AID", "military"),
    "AGREEMENT": ("AGREE", None),
    "CLASH": ("ASSAULT", "firearms"),
    "CAPTURE": ("COERCE", "seize"),
    "AIRSTRIKE": ("ASSAULT", "aerial"),
    "SHELLING": ("ASSAULT", "explosives"),
    "EXPLOSION": ("ASSAULT", "explosives"),
    "ATTACK": ("ASSAULT", "firearms"),
    "ABDUCTION": ("ASSAULT", "abduct"),
    "ARREST": ("COERCE", "arrest"),
    "PROTEST": ("PROTEST", "demo"),
}

SUICIDE_WORDS = ("انتحاري", "انتحارية", "حزام ناسف", "أحزمة ناسفة")
ASSASSINATION_WORDS = ("اغتيال", "اغتال", "اغتالت", "اغتيالات")
PROTEST_FORCE_WORDS = ("فرق", "فرقت", "تفريق", "قمع", "قمعت", "الغاز المسيل", "الرصاص المطاطي", "اعتقلت", "اعتقال",
                       "الرصاص الحي", "فتحت النار", "أطلقت النار", "بالقوة", "الهراوات", "خراطيم المياه",
                       "النار على المتظاهرين", "النار على المحتجين", "النار على المعتصمين",
                       "فض", "فضت", "لفض", "بفض", "فضوا")
PROTEST_KILLED_WORDS = ("مقتل", "قتل", "قتلى", "قتيل", "مصرع", "سقوط")
RIOT_WORDS = ("أحرقوا", "حرق", "أعمال شغب", "شغب", "اقتحم المحتجون", "اقتحم متظاهرون", "اقتحم محتجون",
              "اقتحموا", "رشق", "رشقوا", "حطموا", "تكسير", "أضرموا", "أضرم محتجون", "أضرم متظاهرون",
              "الإطارات المشتعلة", "بالإطارات المشتعلة", "إطارات مشتعلة", "حرق الإطارات", "بالحجارة")
# The word lists, in the folded form they are compared in (hamza and ta-marbuta variants alike).
_FORCE, _KILLED, _RIOT = (tuple(key(w) for w in ws) for ws in (PROTEST_FORCE_WORDS, PROTEST_KILLED_WORDS, RIOT_WORDS))


def acled_code(event_type: str, *, actor_kind: str | None, recipient: bool, evidence: str) -> AcledCode:
    """ACLED event and sub-event type; evidence words refine suicide bombs and protests."""
    etype, sub = _ACLED[event_type]
    if event_type == "WITHDRAW" and recipient:
        sub = "Non-violent transfer of territory"
    elif event_type == "CAPTURE" and actor_kind in STATE_KINDS:
        sub = "Government regains territory"
    elif event_type == "EXPLOSION" and any(w in evidence for w in SUICIDE_WORDS):
        sub = "Suicide bomb"
    elif event_type == "PROTEST":
        words = f" {key(evidence)} "
        force = any(f" {w} " in words for w in _FORCE)
        if force and any(f" {w} " in words for w in _KILLED):
            sub = "Excessive force against protesters"
        elif force:
            sub = "Protest with intervention"
        elif any(f" {w} " in words for w in _RIOT):
            etype, sub = "Riots", "Violent demonstration"
    return AcledCode(event_type=etype, sub_event_type=sub)


def plover_code(event_type: str, *, evidence: str, weapons: bool = False) -> PloverCode:
    """PLOVER event type and mode."""
    ptype, mode = _PLOVER[event_type]
    if event_type == "EXPLOSION" and any(w in evidence for w in SUICIDE_WORDS):
        mode = "suicide-bomb"
    elif event_type == "ATTACK" and any(w in evidence for w in ASSASSINATION_WORDS):
        mode = "assassination"
    elif event_type == "DEPLOY" and weapons:
        mode = "weapons"
    return PloverCode(event_type=ptype, mode=mode)
