"""Matching rules as fixture cases: verb, breadcrumb, procedure, abstention, foreign, overrides.

Each case in fixtures/match.txt is a small page; the expected line is the operationId whose curl
curlify writes for it, or ``none`` when it must write none.
"""

from __future__ import annotations

import pytest

from llmsdocs.openapi import Spec
from llmsdocs.rewrite import curlify

from curlcases import Case, case_params

WRITTEN = {"matched", "pinned"}


@pytest.mark.parametrize("case", case_params("match.txt"))
def test_matching_rule(case: Case, sample_spec: Spec) -> None:
    """The operation written for a procedure, or none (a wrong curl is worse than none)."""
    result = curlify(case.source, sample_spec)
    written = [d.operation_id for d in result.decisions if d.decision in WRITTEN]
    if case.expected == "none":
        assert written == [], [(d.decision, d.operation_id, d.reason) for d in result.decisions]
        assert result.markdown == case.source
    else:
        assert written == [case.expected], [
            (d.decision, d.operation_id, d.reason) for d in result.decisions
        ]
        assert f"With the API ({sample_spec.by_id[case.expected].summary}):" in result.markdown


def test_config_mapping_overrides_matching(sample_spec: Spec) -> None:
    """A configuration mapping (step text or label → operationId) wins over the matcher."""
    page = "## Clean up\n\n1. Click **Archive flag**.\n"
    plain = curlify(page, sample_spec)
    assert [d.decision for d in plain.decisions] != ["matched"]
    pinned = curlify(page, sample_spec, overrides={"Archive flag": "deleteFlag"})
    assert [(d.decision, d.operation_id) for d in pinned.decisions] == [("pinned", "deleteFlag")]
    none = curlify("## New\n\n1. Click **Create flag**.\n", sample_spec, overrides={"Create flag": "none"})
    assert [d.decision for d in none.decisions] == ["pinned-none"]


def test_pin_to_unknown_operation_is_reported_not_written(sample_spec: Spec) -> None:
    """A pin naming an operation the spec lacks is an 'invalid' decision and writes nothing."""
    page = "<!-- llmsdocs: curl deleteOrganization -->\n1. Click **Delete organization**.\n"
    result = curlify(page, sample_spec)
    assert [(d.decision, d.operation_id) for d in result.decisions] == [
        ("invalid", "deleteOrganization")
    ]
    assert result.markdown == page


def test_without_spec_every_action_is_reported(sample_spec: Spec) -> None:
    """With no spec, curlify changes nothing and reports each action as without operation."""
    page = "## Create a flag\n\n1. Click **Create flag**.\n"
    result = curlify(page, None)
    assert result.markdown == page
    assert [d.decision for d in result.decisions] == ["no-operation"]


def test_another_matcher_plugs_in(sample_spec: Spec) -> None:
    """Any object with match(block, context) -> Match replaces the lexical matcher."""
    from collections.abc import Sequence

    from llmsdocs.match import Match, MatchContext
    from llmsdocs.steps import UiStep

    class Always:
        def __init__(self, op_id: str | None) -> None:
            self.op = sample_spec.by_id[op_id] if op_id else None

        def match(self, block: Sequence[UiStep], context: MatchContext) -> Match:
            decision = "matched" if self.op else "unsure"
            return Match(self.op, 0.9 if self.op else 0.1, decision, "test matcher", block[-1])

    page = "## Tidy up\n\n1. Click **Do the thing**.\n"
    written = curlify(page, sample_spec, matcher=Always("listSegments"))
    assert [(d.decision, d.operation_id) for d in written.decisions] == [("matched", "listSegments")]
    assert "/segments" in written.markdown
    silent = curlify(page, sample_spec, matcher=Always(None))
    assert [d.decision for d in silent.decisions] == ["unsure"] and silent.markdown == page


def test_items_that_each_state_a_purpose_over_sub_steps_are_alternatives(sample_spec: Spec) -> None:
    """"4. To change a member's role:" and "5. To remove a member:" each get their own call."""
    page = (
        "## Manage members\n\n1. Go to **Settings › Members**.\n2. Find the member in the list.\n"
        "3. To change a member's role:\n    1. Click **Change role**.\n    2. Select the new role and click **Save**.\n"
        "4. To remove a member from the organization:\n    1. Click **Remove member**.\n    2. Confirm.\n"
    )
    result = curlify(page, sample_spec)
    assert [d.operation_id for d in result.decisions if d.decision in WRITTEN] == ["updateMemberRole", "removeMember"]


def test_a_paragraph_with_its_own_action_does_not_repeat_the_headings(sample_spec: Spec) -> None:
    """Under "## Create a flag", "select **New flag**" creates it; the next paragraph's "Select **Add
    rule**" is its own action on its own object (no such operation), not a second create."""
    page = (
        "## Create a flag\n\nSelect **Flags** in the project navigation, then select **New flag**.\n\n"
        "Select **Add rule**, then choose a condition from the list, such as **Country**.\n"
    )
    result = curlify(page, sample_spec)
    assert [(d.step.line, d.operation_id) for d in result.decisions if d.decision in WRITTEN] == [(3, "createFlag")]
