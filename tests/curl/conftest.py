"""Fixtures for the curl-instead-of-click tests."""

from __future__ import annotations

import pytest
from curlcases import SAMPLE_SPEC

from llmsdocs.openapi import Spec, load_spec


@pytest.fixture(scope="session")

def sample_spec() -> Spec:
    """The Tidepool spec of sample_site (loaded once)."""
    return load_spec(SAMPLE_SPEC)
