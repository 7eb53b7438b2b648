"""The UI-step rule's gate: only unmistakable UI actions are warned about (zero noise), and
without a spec one finding per procedure."""

from __future__ import annotations

import json
import re
from pathlib import Path

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


SHARED = Path(__file__).parents[2].parent / "shared"


def test_gate_keeps_most_real_ui_steps() -> None:
    """Recall on the 132 real UI steps of ../shared/clicks (Clerk, Neon docs): at least 80%
    pass the gate (measured 108/132); the rest are steps without an unambiguous UI verb
    ("update the limit", "enter your proxy URL")."""
    cases = [json.loads(line) for product in ("clerk", "neon")
             for line in (SHARED / "clicks" / product / "cases.jsonl").read_text().splitlines()
             if line.strip()]
    kept = [c for c in cases
            if is_ui_action(c["step"], bool(re.match(r"^\s*(?:[-*+]|\d+[.)])\s", c["step"])))]
    assert len(cases) == 132
    assert len(kept) / len(cases) >= 0.8


def test_no_finding_on_real_docs_without_ui_steps() -> None:
    """Zero noise: the 103 real pages of ../shared/eval (httpx, hatch, click: library docs,
    no dashboard) converted to twins give no UI-step finding — "Click is a Python package",
    "click.command(...)" and "press any key" included."""
    from llmsdocs.convert import convert_page

    rule = StepRule(None)
    found: list[str] = []
    pages = sorted((SHARED / "eval" / "corpus").rglob("*.html"))
    assert len(pages) == 103
    for page in pages:
        rule.check(convert_page(page.read_bytes()).markdown,
                   lambda r, line, message, needle, p=page: found.append(f"{p.name}: {message}"))
    assert found == []


def test_a_procedure_that_curlify_already_followed_with_a_call_is_not_reported() -> None:
    """Twins built with a spec carry "With the API (...):" and a curl block after the list; the
    lint (which runs the detector again on the twin) must see that the fix is there."""
    page = """# Toggle a flag

## Turn a flag on or off

1. Open your project and select **Flags**.
2. Find the flag and click its toggle.

With the API (Toggle a flag in an environment):

```shell
curl -X PATCH "https://api.example.com/v1/flags/f/environments/production" -d '{"enabled": true}'
```

## Roll out gradually

1. Open the flag and select the **Production** tab.
2. Click **Save rollout**.

Then check the result:

```text
rollout: 20%
```
"""
    found: list[int | None] = []
    StepRule(None).check(page, lambda rule, line, message, needle: found.append(line))
    assert found == [16]  # "Roll out gradually": its code block is no curl
