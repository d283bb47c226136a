"""Named exceptions of marsad, all under MarsadError; each message says what to do next."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""


class LexiconError(MarsadError):
    """A lexicon data file (actors, triggers) is malformed."""


class InputError(MarsadError):
    """An input could not be read; the message names the input and the reason."""


class EvaluationError(MarsadError):
    """The evaluation could not run: no gold files, an unreadable article or a failing pipeline."""


class BinaryInputError(InputError):
    """The bytes are not text (NUL bytes, control characters, a known binary format)."""


class GazetteerDataError(MarsadError):
    """The packaged gazetteer data is missing or malformed; rebuild it with scripts/build_gazetteer.py."""


class UnknownPlaceError(MarsadError, KeyError):
    """No gazetteer entry has the requested id."""


class ActorDictionaryError(LexiconError):
    """The actor dictionary (lexicon/actors.yaml or a custom one) is malformed; the message names the entry."""


class UnknownActorError(MarsadError, KeyError):
    """No actor dictionary entry has the requested id."""


class AnchorDataError(MarsadError):
    """The anchor-event file (resolve/anchors.yaml) is malformed; the message names the entry to fix."""
