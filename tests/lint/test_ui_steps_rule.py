"""The UI-step rule's gate: only unmistakable UI actions are warned about (zero noise), and
without a spec one finding per procedure."""

from __future__ import annotations

import pytest

from llmsdocs.lint.uisteps import StepRule, is_ui_action

ACTIONS = [
    ("1. Go to **Settings > Billing**.", True),
    ("2. Click **Change plan**.", True),
    ("1. Open your project and select **Flags** in the sidebar.", True),
    ("Open **Flags > Insights** to see how many evaluations returned `true`.", False),
    ("Click **Save** to keep the change.", False),
]
NOT_ACTIONS = [
    ("- `PATCH` requests change only the fields they contain.", True),
    ("- **state**: on or off;", True),
    ("- **Default**: select the variation served to everyone else.", True),
    ("1. `create` waits up to `start_wait` seconds for the first configuration.", True),
    ("- `curl`, and one of Python 3.9+, Node.js 18+ or Go 1.21+.", True),
    ("> If the environment requires approval, the toggle opens a change request.", False),
    ("Environments that require confirmation ask for a comment on every change.", False),
]


@pytest.mark.parametrize(("text", "in_list"), ACTIONS)
def test_ui_actions_pass_the_gate(text: str, in_list: bool) -> None:
    assert is_ui_action(text, in_list)


@pytest.mark.parametrize(("text", "in_list"), NOT_ACTIONS)
def test_prose_and_reference_items_do_not(text: str, in_list: bool) -> None:
    assert not is_ui_action(text, in_list)


def test_without_a_spec_one_finding_per_procedure_and_curl_silences_it() -> None:
    page = """# Billing

## Change plan

1. Go to **Settings > Billing**.
2. Click **Change plan**.
3. Click **Upgrade**.

## Create a key

1. Go to **Settings > API keys**.
2. Click **Create key**.

```bash
curl -X POST https://api.example.com/v1/keys
```
"""
    found: list[tuple[str, int | None, str]] = []
    StepRule(None).check(page, lambda rule, line, message, needle: found.append(
        (rule, line, message)))
    assert [(rule, line) for rule, line, _ in found] == [("ui-step-without-api", 5)]
    assert "(+2 more step(s))" in found[0][2]
