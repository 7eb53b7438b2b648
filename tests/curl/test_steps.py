"""Step detection on markdown-it-py tokens, MDX-tolerant (fixtures/steps.txt)."""

from __future__ import annotations

import pytest
from curlcases import Case, case_params

from llmsdocs.steps import analyze, detect_steps


@pytest.mark.parametrize("case", case_params("steps.txt"))
def test_detected_steps(case: Case) -> None:
    """Each expected line is ``LINE text | label ; label`` for one detected step."""
    got = [
        f"{s.line} {s.text.split(' ', 1)[1] if s.in_list else s.text} | {' ; '.join(s.labels)}"
        for s in detect_steps(case.source)
    ]
    want = [ln for ln in case.expected.split("\n") if ln]
    assert got == want


def test_step_context_headings_intro_and_block() -> None:
    """A step knows its page title, headings, the block it is in and its introduction."""
    page = "---\ntitle: Flags\n---\n\n## Create one\n\nTo create a flag:\n\n1. Click **New**.\n2. Click **Save**.\n"
    steps = detect_steps(page)
    assert [s.line for s in steps] == [9, 10]
    assert steps[0].headings == ("Flags", "Create one")
    assert steps[0].intro == "To create a flag:"
    assert (steps[0].block_start, steps[0].block_end) == (9, 10)


def test_a_colon_fenced_note_is_not_the_introduction() -> None:
    """A VitePress/Docusaurus ``::: info`` note before a list is beside it, not its purpose; its
    marker lines do not become part of the step text."""
    page = (
        "## Telegram\n\n::: info\nDelete the bot's messages that contain your token:\n:::\n\n"
        "1. Go to **Notifications**.\n2. Click **Save**.\n\nTo create a flag:\n\n"
        "::: tip\nKeys are permanent.\n:::\n"
    )
    steps = detect_steps(page)
    assert [s.text for s in steps] == ["1. Go to **Notifications**.", "2. Click **Save**."]
    assert steps[0].intro == ""


def test_has_curl_when_a_call_follows_the_block() -> None:
    """A block already followed by a curl code block is marked has_curl."""
    page = "1. Click **New project**.\n\n```shell\ncurl -X POST https://x/projects\n```\n"
    assert [s.has_curl for s in detect_steps(page)] == [True]
    assert [s.has_curl for s in detect_steps("1. Click **New project**.\n")] == [False]
    http = "1. Click **New project**.\n\n```http\nPOST https://api.x.dev/projects\n```\n"
    assert [s.has_curl for s in detect_steps(http)] == [True]
    # an SDK snippet that only sets its endpoint URL shows no call an agent can run as is
    sdk = "1. Click **New project**.\n\n```js\nclient.setEndpoint('https://x.dev/v1');\nawait projects.create();\n```\n"
    assert [s.has_curl for s in detect_steps(sdk)] == [False]


def test_pins_apply_to_the_next_block_only() -> None:
    """``<!-- llmsdocs: curl X -->`` and the MDX form pin the block after them."""
    page = (
        "<!-- llmsdocs: curl createFlag -->\n1. Click **New**.\n\n"
        "{/* llmsdocs: curl none */}\n1. Click **Delete**.\n\nThen:\n\n1. Click **Other**.\n"
    )
    assert [s.pin for s in detect_steps(page)] == ["createFlag", "none", None]


def test_hints_come_from_agent_only_blocks() -> None:
    """Agent-only text is kept as hints for the matcher, with its lines."""
    page = 'Intro.\n\n<If is="llm">\n  Use `api/users -X POST`.\n</If>\n'
    hints = analyze(page).hints
    assert [(h.start, h.end) for h in hints] == [(3, 5)]
    assert "api/users" in hints[0].text


def test_a_form_after_the_button_that_opened_it_has_that_purpose() -> None:
    """A committed form right after "click **Add provider**" (pictures and markup between) is
    that button's procedure; without a commit, or after other prose, it is not."""
    form = "Give your provider a name > choose **SendGrid** > click **Save and continue**.\n"
    opened = "## SendGrid\n\nNavigate to **Messaging** > **Providers** > **Add provider**.\n\n![Add](/a.png)\n\n"
    assert [s.intro for s in analyze(opened + form).steps] == ["", "To add provider"]
    other = opened + "The provider list shows every provider.\n\n" + form
    assert [s.intro for s in analyze(other).steps][-1] == ""
    browse = opened + "Click on a provider name to open its **Settings**.\n"
    assert [s.intro for s in analyze(browse).steps] == ["", ""]


def test_a_numbered_list_that_continues_after_a_screenshot_is_one_procedure() -> None:
    """"3." after "1." "2." and a screenshot (or a bullet list of form fields) continues the same
    procedure: one block, so one call after its last step, not one per part. A list that restarts
    at 1, or continues under another heading or after prose, is its own procedure."""
    page = (
        "## Create an outpost\n\n1. Open the Admin interface.\n2. Navigate to **Outposts** and click **Create**.\n\n"
        "![](./outpost-create.png)\n\n- **Name**: define a name.\n- **Type**: select the type.\n\n"
        "3. Click **Create**.\n\nUpon creation, a token is generated.\n\n"
        "1. Open the outpost.\n2. Click **Edit**.\n\nThen read the logs.\n\n3. Click **Delete**.\n"
    )
    blocks = sorted({(s.block_start, s.block_end) for s in detect_steps(page)})
    assert blocks == [(3, 11), (15, 16), (20, 20)]


def test_an_mdx_code_block_wrapper_is_content_not_code() -> None:
    """Docusaurus renders ````` ````mdx-code-block ````` as MDX (Ory wraps its tabbed pages in one):
    its steps are steps, its own code fences stay code, and a three-backtick wrapper (which
    could hold no inserted call) and an ordinary fence stay code."""
    page = (
        "# OAuth2 clients\n\n````mdx-code-block\nimport Tabs from '@theme/Tabs';\n\n<Tabs>\n"
        '<TabItem value="console" label="Ory Console">\n\n'
        "1. Go to **OAuth2** → **OAuth2 Clients**.\n2. Click **Delete Client**.\n\n"
        "```shell\nory delete oauth2-client <id>\n```\n\n</TabItem>\n</Tabs>\n````\n"
    )
    assert [s.line for s in detect_steps(page)] == [9, 10]
    assert detect_steps(page.replace("````", "```")) == []
    assert detect_steps(page.replace("mdx-code-block", "markdown")) == []
