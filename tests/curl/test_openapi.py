"""Loading and indexing OpenAPI 3.0/3.1 in YAML and JSON; bad specs are one-line SpecErrors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from curlcases import ROOT, SAMPLE_SPEC

from llmsdocs.errors import SpecError
from llmsdocs.openapi import load_spec

CLICKS = ROOT.parent / "shared" / "clicks"


def test_sample_spec_is_indexed_with_refs_resolved() -> None:
    """Operations, path-level $ref parameters, request bodies, security and servers."""
    spec = load_spec(SAMPLE_SPEC)
    assert spec.openapi_version.startswith("3.1")
    assert len(spec.operations) >= 20
    assert spec.servers == ("https://us.api.tidepool.dev/v1",)  # {region} filled from default
    flag_state = spec.by_id["updateFlagState"]
    assert (flag_state.method, flag_state.path) == (
        "PATCH",
        "/projects/{project_id}/flags/{flag_key}/environments/{environment_key}",
    )
    assert [p.name for p in flag_state.parameters] == ["project_id", "flag_key", "environment_key"]
    assert flag_state.body_properties == ("enabled", "rollout_percentage")
    assert spec.by_id["listFlags"].security == (("bearerAuth",), ("apiKeyHeader",))
    assert spec.security_schemes["apiKeyHeader"]["name"] == "X-Tidepool-Key"
    assert spec.product_name() == "Tidepool"


def test_json_and_yaml_give_the_same_index(tmp_path: Path) -> None:
    """A JSON copy of the spec indexes exactly like the YAML original."""
    import yaml

    doc = yaml.safe_load(SAMPLE_SPEC.read_text(encoding="utf-8"))
    copy = tmp_path / "openapi.json"
    copy.write_text(json.dumps(doc), encoding="utf-8")
    a, b = load_spec(SAMPLE_SPEC), load_spec(copy)
    assert [(o.method, o.path, o.body_properties) for o in a.operations] == [
        (o.method, o.path, o.body_properties) for o in b.operations
    ]


def test_real_openapi_30_specs_load() -> None:
    """The Clerk and Neon specs (OpenAPI 3.0.3, hundreds of operations) load and index."""
    clerk = load_spec(CLICKS / "clerk" / "openapi.yaml")
    neon = load_spec(CLICKS / "neon" / "openapi.yaml")
    assert len(clerk.operations) == 249 and len(neon.operations) == 163
    assert "project.settings.allowed_ips" in neon.by_id["updateProject"].body_properties


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("swagger: '2.0'\npaths: {}\n", "only OpenAPI 3.0 and 3.1 are supported (found Swagger 2.0)"),
        ("openapi: 3.0.3\ninfo: {title: x}\n", "the spec has no 'paths'"),
        ("openapi: 3.0.3\npaths: [\n", "invalid YAML at line 3"),
        ("- just\n- a list\n", "not an OpenAPI document (top level is not a mapping)"),
        (
            "openapi: 3.0.3\npaths:\n  /x:\n    post:\n      requestBody:\n"
            "        $ref: '#/components/requestBodies/Missing'\n",
            "unresolvable $ref '#/components/requestBodies/Missing'",
        ),
    ],
)
def test_bad_specs_raise_one_line_errors(tmp_path: Path, content: str, reason: str) -> None:
    """Each bad spec gives ``path: reason`` on one line."""
    bad = tmp_path / "spec.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(bad)
    message = str(err.value)
    assert message.startswith(f"{bad}: {reason}")
    assert "\n" not in message


def test_missing_spec_file(tmp_path: Path) -> None:
    """A spec that does not exist is a SpecError naming it."""
    with pytest.raises(SpecError, match="cannot read spec"):
        load_spec(tmp_path / "nope.yaml")


SPLIT_ROOT = """\
openapi: 3.1.0
info: {title: Acme API}
servers: [{url: 'https://api.acme.dev'}]
paths:
  /tasks:
    $ref: './paths/tasks.yaml#/tasks'
  /tasks/{task}:
    $ref: './paths/tasks.yaml#/task'
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
security: [{bearer: []}]
"""
SPLIT_PATHS = """\
tasks:
  post:
    operationId: createTask
    summary: Create a task
    requestBody:
      required: true
      content:
        application/json:
          schema:
            $ref: '../components/schemas/_index.yaml#/CreateTask'
task:
  parameters:
    - $ref: '#/taskParam'
  patch:
    operationId: updateTask
    summary: Update a task
    requestBody:
      content:
        application/json:
          schema: {$ref: '../components/schemas/_index.yaml#/Task'}
taskParam: {name: task, in: path, required: true, schema: {type: string, format: uuid}}
"""
SPLIT_SCHEMAS = """\
CreateTask:
  type: object
  required: [name, priority]
  properties:
    name: {type: string, minLength: 1}
    priority: {$ref: '#/Priority'}
    parent: {$ref: '#/Task'}
Task:
  type: object
  properties:
    name: {type: string}
    subtasks: {type: array, items: {$ref: '#/Task'}}
Priority: {type: string, enum: [high, low]}
"""


def _split_spec(root: Path) -> Path:
    """A root file whose paths and schemas live in other files, as many projects keep them."""
    (root / "paths").mkdir()
    (root / "components" / "schemas").mkdir(parents=True)
    (root / "paths" / "tasks.yaml").write_text(SPLIT_PATHS, encoding="utf-8")
    (root / "components" / "schemas" / "_index.yaml").write_text(SPLIT_SCHEMAS, encoding="utf-8")
    spec = root / "openapi.yaml"
    spec.write_text(SPLIT_ROOT, encoding="utf-8")
    return spec


def test_a_spec_split_across_files_is_joined(tmp_path: Path) -> None:
    """$refs into other local files (relative to the file that holds them, with their own
    local refs and a recursive schema) index and validate like a single-file spec."""
    from llmsdocs.curl import build_curl, validate_curl

    spec = load_spec(_split_spec(tmp_path))
    create, update = spec.by_id["createTask"], spec.by_id["updateTask"]
    assert (create.method, create.path, update.method, update.path) == (
        "POST", "/tasks", "PATCH", "/tasks/{task}",
    )
    assert [p.name for p in update.parameters] == ["task"]  # '#/taskParam' inside paths/tasks.yaml
    assert create.body_required and create.body_properties[:2] == ("name", "priority")
    call = build_curl(spec, create)
    assert validate_curl(spec, call) == []
    assert '"priority": "high"' in call.command  # the enum behind a ref in the schemas file
    assert validate_curl(spec, build_curl(spec, update)) == []


def test_a_split_spec_with_a_missing_or_remote_file_is_a_one_line_error(tmp_path: Path) -> None:
    root = _split_spec(tmp_path)
    (tmp_path / "components" / "schemas" / "_index.yaml").unlink()
    with pytest.raises(SpecError) as err:
        load_spec(root)
    assert str(err.value).startswith(f"{(tmp_path / 'paths' / 'tasks.yaml').resolve()}: $ref ")
    assert "no such file" in str(err.value) and "\n" not in str(err.value)
    root.write_text(SPLIT_ROOT.replace("./paths/tasks.yaml", "https://example.com/tasks.yaml"))
    with pytest.raises(SpecError, match="points to a remote document"):
        load_spec(root)


DANGLING = """\
openapi: 3.0.0
info: {title: Checkly Public API, version: v1}
servers: [{url: 'https://api.checklyhq.com'}]
paths:
  /v1/checks:
    post:
      operationId: postV1Checks
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/ChecksV1TracerouteRequest'}
      responses: {'200': {description: ok}}
  /v1/alert-channels:
    post:
      operationId: postV1AlertChannels
      summary: Create an alert channel
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [type], properties: {type: {type: string, enum: [EMAIL]}}}
      responses: {'200': {description: ok}}
components: {schemas: {}}
"""


def test_one_dangling_ref_leaves_out_one_operation(tmp_path: Path) -> None:
    """Checkly's committed spec points two operations at schemas it does not define: those two
    are left out, with a short reason (not the whole document the resolver quotes), and every
    other operation still gives calls; the CLI says so in one warning line on stderr."""
    from click.testing import CliRunner

    from llmsdocs.cli import main

    spec_file = tmp_path / "openapi.yaml"
    spec_file.write_text(DANGLING, encoding="utf-8")
    spec = load_spec(spec_file)
    assert [o.operation_id for o in spec.operations] == ["postV1AlertChannels"]
    assert spec.skipped == (
        "POST /v1/checks: unresolvable $ref '#/components/schemas/ChecksV1TracerouteRequest' (no such place in the spec)",
    )
    page = tmp_path / "alerts.md"
    page.write_text("## Alert channels\n\n1. Go to **Alert channels**.\n2. Click **Create alert channel**.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["curlify", str(page), "--openapi", str(spec_file)])
    assert result.exit_code == 0
    assert 'curl -X POST "https://api.checklyhq.com/v1/alert-channels"' in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {spec_file}: 1 operation(s) left out: {spec.skipped[0]}"]


MALFORMED = """
openapi: 3.0.3
info: {title: Bases API, version: '2'}
servers: [{url: 'https://app.nocodb.com'}]
paths:
  /api/v2/meta/duplicate/{baseId}:
    parameters: [{name: baseId, in: path, required: true, schema: {type: string}}]
    post:
      operationId: base-duplicate
      summary: Duplicate Base
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                options:
                  type: object
                  properties: {excludeData: {type: boolean, required: false}}
                base: {type: object, required: false}
      responses: {'200': {description: ok}}
  /api/v2/meta/bases/{baseId}:
    parameters: [{name: baseId, in: path, required: true, schema: {type: string}}]
    patch:
      operationId: base-update
      summary: Update Base
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [title], properties: {title: {type: string, maxLength: ten}}}
      responses: {'200': {description: ok}}
"""


def test_a_malformed_body_schema_is_the_spec_s_error_not_a_traceback(tmp_path: Path) -> None:
    """NocoDB's real spec marks properties `required: false` as Swagger 2.0 did: JSON Schema
    wants a list there, and the validator crashed with a TypeError. A boolean `required` says
    nothing about the body, so the call is written. A schema the validator cannot apply at all
    (`maxLength: ten`) leaves that one call out with the reason; the page still comes out."""
    from llmsdocs.rewrite import curlify

    spec_file = tmp_path / "openapi.yaml"
    spec_file.write_text(MALFORMED, encoding="utf-8")
    spec = load_spec(spec_file)
    page = ("## Duplicate a base\n\n1. Open the base's menu.\n2. Click **Duplicate Base**.\n\n"
            "## Rename a base\n\n1. Open the base's menu.\n2. Click **Rename Base**.\n")
    result = curlify(page, spec)
    got = [(d.decision, d.operation_id) for d in result.decisions if d.operation_id]
    assert got == [("matched", "base-duplicate"), ("invalid", "base-update")]
    assert 'curl -X POST "https://app.nocodb.com/api/v2/meta/duplicate/${BASE_ID}"' in result.markdown
    assert "/api/v2/meta/bases/" not in result.markdown
    reason = next(d.reason for d in result.decisions if d.decision == "invalid")
    assert reason.startswith("base-update's request-body schema is not valid JSON Schema (ValueError")


UNDECLARED = """
openapi: 3.0.0
info: {title: Rocket.Chat REST API, version: '1'}
servers: [{url: 'https://open.rocket.chat'}]
paths:
  /api/v1/abac/attributes/:_id:
    put:
      summary: Update ABAC attribute definition
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [key], properties: {key: {type: string}}}
      responses: {'200': {description: OK}}
  /api/v1/teams/{teamId}/members:
    post:
      operationId: addTeamMember
      summary: Add a member to a team
      responses: {'200': {description: OK}}
"""


def test_a_path_parameter_the_spec_does_not_declare_is_still_a_placeholder(tmp_path: Path) -> None:
    """Rocket.Chat's real spec writes some paths Express-style (`/abac/attributes/:_id`) and, like
    several others (Mattermost, Lightdash, NocoDB), templates `{teamId}` without declaring it.
    Both are the reader's to fill in: the call had carried `:_id` or `{teamId}` verbatim."""
    from llmsdocs.curl import checked_curl, split_command

    spec_file = tmp_path / "openapi.yaml"
    spec_file.write_text(UNDECLARED, encoding="utf-8")
    spec = load_spec(spec_file)
    attribute = spec.by_id["PUT /api/v1/abac/attributes/{_id}"]
    assert [(p.name, p.location, p.required) for p in attribute.parameters] == [("_id", "path", True)]
    call, problems = checked_curl(spec, attribute)
    assert problems == []
    assert split_command(call.command)[3] == "https://open.rocket.chat/api/v1/abac/attributes/${ID}"
    member, problems = checked_curl(spec, spec.by_id["addTeamMember"])
    assert problems == [] and "/api/v1/teams/${TEAM_ID}/members" in member.command
