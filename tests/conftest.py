"""Test settings: property tests run derandomized on CI, so that a run there is reproducible."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
