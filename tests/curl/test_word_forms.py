"""Word forms of the matcher (Snowball stems) and the one-off cost a build can pay before forking."""

from __future__ import annotations

import subprocess
import sys

from curlcases import HOWTO, SAMPLE_SPEC

from llmsdocs.match import _shared_object, forms, lemma, split_identifier, split_words


def test_inflections_meet_on_both_sides() -> None:
    assert lemma("branches") == lemma("branch")
    assert lemma("policies") == lemma("policy")
    assert lemma("created") == lemma("creates") == lemma("Create")
    assert lemma("created") in forms("create add")


def test_a_noun_made_from_a_verb_stays_apart_from_the_verb() -> None:
    # "invite a user" must not read as the invitations resource itself (see match._nominal)
    assert lemma("invitations") == lemma("invitation") == "invitation"
    assert lemma("invitation") != lemma("invite")
    assert lemma("environments") == "environment"


def test_a_name_with_inner_capitals_is_one_word_in_prose_but_identifiers_split() -> None:
    # "choose **SendGrid**" must meet the path segment /providers/sendgrid, not the verb "send"
    assert split_words("Choose SendGrid, then GitHub") == ["choose", "sendgrid", "then", "github"]
    assert split_identifier("createSendGridProvider") == ["create", "send", "grid", "provider"]
    # "remove an OpenAPI import" is not "open" (a UI verb) and an API; IPv4 meets the enum value ipv4
    assert split_words("Remove an OpenAPI import over IPv4") == ["remove", "an", "openapi", "import", "over", "ipv4"]
    assert split_words("GraphQL and PostgreSQL") == ["graphql", "and", "postgresql"]
    # "GitHub OAuth Source" meets /sources/oauth/ (one capital before a word is not an acronym)
    assert split_words("Select GitHub OAuth Source over OData") == ["select", "github", "oauth", "source", "over", "odata"]
    assert split_words("An SSO URL and a SAMLProvider") == ["an", "sso", "url", "and", "a", "saml", "provider"]


def test_who_does_it_is_not_the_doing() -> None:
    # "[Provider] » Edit" had read as the UI verb "provide"; an -er verb stays a verb
    assert lemma("providers") == lemma("provider") != lemma("provide")
    assert lemma("manager") != lemma("manage")
    assert lemma("registered") == lemma("register")


def test_stop_words_are_kept_as_written() -> None:
    assert lemma("settings") == "settings"  # the stem would be the verb "set"


PREPARED = f"""
import sys
from llmsdocs.openapi import load_spec
from llmsdocs.rewrite import curlify, prepare
spec = load_spec({str(SAMPLE_SPEC)!r})
prepare(spec)
index = spec._cache["__match_index__"]
before = set(sys.modules)
result = curlify(open({str(HOWTO / "create-a-flag.md")!r}, encoding="utf-8").read(), spec)
assert any(d.decision == "matched" for d in result.decisions)
assert spec._cache["__match_index__"] is index
print(sorted(m for m in set(sys.modules) - before if m.startswith(("jsonschema", "llmsdocs", "snowball"))))
"""


def test_prepare_leaves_no_import_or_index_for_the_first_call() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PREPARED], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"


def test_verbs_joined_in_a_heading_share_their_object() -> None:
    # "Create and configure an outpost": the bare Create is an outpost's creation
    assert _shared_object("Create and configure an outpost") == "Create an outpost, configure an outpost"
    assert _shared_object("Users and groups") == "Users and groups"  # no verbs: a title, as it is
