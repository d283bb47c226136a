"""Reading the YAML data files that ship with marsad."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser is about ten times faster than the pure-Python one; both are safe loaders.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML `text` with a safe loader (no arbitrary objects)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
