"""Request bodies for specs that constrain values: patterns, discriminated unions, deep nesting.

Each spec here is a small OpenAPI document of the shape real specs use (Novu's, for instance,
writes ``pattern: SLUG_IDENTIFIER_REGEX``, JS regex literals and discriminated step unions);
the body built for it must pass the same validator that gates every curl.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from llmsdocs.curl import build_curl, checked_curl, split_command, validate_curl
from llmsdocs.openapi import Spec, load_spec
from llmsdocs.patterns import sample


@pytest.mark.parametrize(
    "pattern",
    [
        r"^[a-z0-9-]{3,40}$",
        r"^org_[A-Za-z0-9]+$",
        r"^(?!-)[a-z0-9-]+(?<!-)$",
        r"^\d{4}-\d{2}-\d{2}$",
        r"^(foo|bar)_[A-Z]{2}$",
        r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$",
        r"^[a-zA-Z][a-zA-Z0-9_]*$",
        r"SLUG_IDENTIFIER_REGEX",
        r"^\+[1-9]\d{1,14}$",
        r"^#[0-9a-fA-F]{6}$",
    ],
)
def test_sample_matches_its_pattern(pattern: str) -> None:
    text = sample(pattern, "workflow-id")
    assert text is not None and re.search(pattern, text), text


def test_sample_prefers_the_readable_word_and_gives_up_on_backreferences() -> None:
    assert sample(r"^[a-z-]+$", "workflow-id") == "workflow-id"
    assert sample(r"(a)\1") is None


def _spec(tmp_path: Path, version: str, schemas: dict[str, Any], body: dict[str, Any]) -> Spec:
    doc = {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {
            "/things": {
                "post": {
                    "operationId": "createThing",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
                    "responses": {"201": {"description": "created"}},
                }
            }
        },
        "components": {"schemas": schemas},
    }
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_spec(path)


STEPS = {
    "EmailStep": {"type": "object", "properties": {"name": {"type": "string"}, "type": {"type": "string"}},
                  "required": ["name", "type"]},
    "SmsStep": {"type": "object", "properties": {"name": {"type": "string"}, "type": {"type": "string"}},
                "required": ["name", "type"]},
}


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_discriminated_union_body_validates(tmp_path: Path, version: str) -> None:
    body = {
        "type": "object",
        "required": ["workflowId", "steps"],
        "properties": {
            "workflowId": {"type": "string", "pattern": "SLUG_IDENTIFIER_REGEX"},
            "key": {"type": "string", "pattern": "/^[A-Za-z][A-Za-z0-9_]*$/"},
            "steps": {
                "type": "array",
                "items": {
                    "oneOf": [{"$ref": "#/components/schemas/EmailStep"}, {"$ref": "#/components/schemas/SmsStep"}],
                    "discriminator": {
                        "propertyName": "type",
                        "mapping": {"email": "#/components/schemas/EmailStep", "sms": "#/components/schemas/SmsStep"},
                    },
                },
            },
        },
    }
    spec = _spec(tmp_path, version, STEPS, body)
    op = spec.by_id["createThing"]
    call = build_curl(spec, op, ["key"])
    assert call.body["steps"][0]["type"] == "email"
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", call.body["key"])
    assert validate_curl(spec, call) == []


def test_discriminator_still_rejects_a_bad_branch_value(tmp_path: Path) -> None:
    body = {
        "type": "object",
        "properties": {
            "step": {
                "oneOf": [{"$ref": "#/components/schemas/EmailStep"}, {"$ref": "#/components/schemas/SmsStep"}],
                "discriminator": {"propertyName": "type"},
            }
        },
        "required": ["step"],
    }
    spec = _spec(tmp_path, "3.1.0", STEPS, body)
    call = build_curl(spec, spec.by_id["createThing"])
    assert call.body["step"]["type"] == "EmailStep"  # unmapped: the schema's own name
    assert validate_curl(spec, call) == []
    bad = call.command.replace('"EmailStep"', '"Nope"')  # names no branch: plain oneOf, both match
    problems = validate_curl(spec, type(call)(call.operation, tuple(split_command(bad)), bad, None, call.env))
    assert problems and all(p.startswith("step:") for p in problems), problems


def test_deeply_nested_booleans_get_values_not_placeholders(tmp_path: Path) -> None:
    leaf = {"type": "object", "properties": {"enabled": {"type": "boolean"}}, "required": ["enabled"]}
    node: dict[str, Any] = leaf
    for name in ("all", "workflow", "preferences", "settings"):
        node = {"type": "object", "properties": {name: node}, "required": [name]}
    spec = _spec(tmp_path, "3.1.0", {}, node)
    call = build_curl(spec, spec.by_id["createThing"])
    assert call.body == {"settings": {"preferences": {"workflow": {"all": {"enabled": True}}}}}
    assert validate_curl(spec, call) == []


def test_a_property_named_with_a_dot_is_one_key(tmp_path: Path) -> None:
    """listmonk's settings body has literal keys such as "bounce.enabled"; a step that names one
    sets that key, not a "bounce" object holding "enabled"."""
    body = {"type": "object", "properties": {"bounce.enabled": {"type": "boolean"}, "app.root_url": {"type": "string"}}}
    spec = _spec(tmp_path, "3.0.3", {}, body)
    call = build_curl(spec, spec.by_id["createThing"], ["bounce.enabled"])
    assert call.body == {"bounce.enabled": True}
    assert validate_curl(spec, call) == []


def _form_spec(tmp_path: Path, media: str) -> Spec:
    schema = {
        "type": "object",
        "required": ["file", "metadata", "public"],
        "properties": {
            "file": {"type": "array", "items": {"type": "string", "format": "binary"}},
            "metadata": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
            "public": {"type": "boolean"},
        },
    }
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "Acme", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {"/functions/deploy": {"post": {
            "operationId": "deployFunction",
            "requestBody": {"required": True, "content": {media: {"schema": schema}}},
            "responses": {"201": {"description": "deployed"}},
        }}},
    }
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_spec(path)


def test_multipart_body_is_sent_as_form_fields_with_a_file_placeholder(tmp_path: Path) -> None:
    spec = _form_spec(tmp_path, "multipart/form-data")
    call = build_curl(spec, spec.by_id["deployFunction"])
    args = list(call.args)
    assert "-d" not in args and "Content-Type: multipart/form-data" not in args  # curl sets it
    assert args[args.index("-F", args.index("-F")) + 1] == "file=@./file"
    assert 'metadata={"name": "example-name"};type=application/json' in args
    assert "public=true" in args
    assert split_command(call.command) == args
    assert validate_curl(spec, call) == []
    bad = call.command.replace("public=true", "public=maybe")
    problems = validate_curl(spec, type(call)(call.operation, tuple(split_command(bad)), bad, None, call.env))
    assert problems and problems[0].startswith("public:"), problems


def test_urlencoded_body_uses_data_urlencode(tmp_path: Path) -> None:
    spec = _form_spec(tmp_path, "application/x-www-form-urlencoded")
    call = build_curl(spec, spec.by_id["deployFunction"])
    assert "--data-urlencode" in call.args and "-F" not in call.args
    assert validate_curl(spec, call) == []


def test_a_body_of_one_of_several_shapes_and_an_object_made_of_parts(tmp_path: Path) -> None:
    """Lago's alert body: one alert or a batch (top-level oneOf), and an alert whose allOf puts a
    base's properties together with a part whose `required` names one of them."""
    schemas = {
        "Base": {"type": "object", "properties": {"thresholds": {"type": "array", "items": {
            "type": "object", "required": ["value"], "properties": {"value": {"type": "string"}}}}}},
        "One": {"type": "object", "required": ["alert"], "properties": {"alert": {"allOf": [
            {"$ref": "#/components/schemas/Base"},
            {"type": "object", "required": ["code", "thresholds"], "properties": {"code": {"type": "string"}}},
        ]}}},
        "Batch": {"type": "object", "required": ["alerts"], "properties": {"alerts": {"type": "array", "items": {}}}},
    }
    body = {"oneOf": [{"$ref": "#/components/schemas/One"}, {"$ref": "#/components/schemas/Batch"}]}
    spec = _spec(tmp_path, "3.1.0", schemas, body)
    call = build_curl(spec, spec.by_id["createThing"])
    assert set(call.body) == {"alert"} and set(call.body["alert"]) == {"code", "thresholds"}
    assert validate_curl(spec, call) == []


def test_keywords_beside_a_ref_are_kept(tmp_path: Path) -> None:
    """OpenAPI 3.1 (Lago's coupon): `{"$ref": Base, "required": [...]}` requires Base's fields."""
    schemas = {"CouponBase": {"type": "object", "properties": {
        "name": {"type": "string", "example": "Startup Deal"}, "code": {"type": "string"}, "note": {"type": "string"}}}}
    body = {"type": "object", "required": ["coupon"], "properties": {
        "coupon": {"$ref": "#/components/schemas/CouponBase", "required": ["name", "code"]}}}
    spec = _spec(tmp_path, "3.1.0", schemas, body)
    call = build_curl(spec, spec.by_id["createThing"])
    assert set(call.body["coupon"]) == {"name", "code"}
    assert validate_curl(spec, call) == []


def test_a_list_body_and_a_required_body_without_required_fields(tmp_path: Path) -> None:
    items = {"type": "array", "items": {"type": "object", "required": ["name", "value"],
                                        "properties": {"name": {"type": "string"}, "value": {"type": "string"}}}}
    spec = _spec(tmp_path, "3.1.0", {}, items)  # Supabase's "bulk create secrets"
    call = build_curl(spec, spec.by_id["createThing"])
    assert isinstance(call.body, list) and set(call.body[0]) == {"name", "value"}
    assert validate_curl(spec, call) == []
    loose = {"type": "object", "properties": {"file": {"type": "string"}}}
    spec = _spec(tmp_path, "3.1.0", {}, loose)  # a required body whose fields are all optional
    call = build_curl(spec, spec.by_id["createThing"])
    assert call.body == {"file": call.body["file"]} and validate_curl(spec, call) == []


def test_a_spec_example_that_fails_its_own_schema_is_built_again(tmp_path: Path) -> None:
    """Linode's `created: 2018-01-01T00:01:01` (no zone, not RFC 3339) and Cal.com's webhook
    example naming a trigger its enum no longer has: the call is written with schema values."""
    body = {"type": "object", "required": ["label", "created", "triggers"], "properties": {
        "label": {"type": "string", "example": "my-volume"},
        "created": {"type": "string", "format": "date-time", "example": "2018-01-01T00:01:01"},
        "triggers": {"type": "array", "example": ["BOOKING_CREATED", "BOOKING_CONFIRMED"],
                     "items": {"type": "string", "enum": ["BOOKING_CREATED", "BOOKING_PAID"]}},
        "card": {"type": "string", "example": 4111111111111111}}}
    spec = _spec(tmp_path, "3.0.3", {}, body)
    op = spec.by_id["createThing"]
    raw = build_curl(spec, op, ["card"])
    assert len(validate_curl(spec, raw)) == 3  # what every earlier version refused to write
    call, problems = checked_curl(spec, op, ["card"])
    assert problems == [] and validate_curl(spec, call) == []
    assert call.body["label"] == "my-volume"  # a good example is kept
    assert call.body["created"] == "2026-01-01T00:00:00Z"
    assert call.body["triggers"] == ["BOOKING_CREATED"]
    assert isinstance(call.body["card"], str)


def test_an_optional_value_that_stays_ambiguous_is_left_out(tmp_path: Path) -> None:
    """Cal.com's `bookingWindow`: a oneOf whose branches both accept any value built for it."""
    window = {"type": "object", "properties": {"type": {"type": "string"}, "value": {"type": "integer"}}}
    body = {"type": "object", "required": ["title"], "properties": {
        "title": {"type": "string"}, "bookingWindow": {"oneOf": [window, window]}}}
    spec = _spec(tmp_path, "3.0.3", {}, body)
    call, problems = checked_curl(spec, spec.by_id["createThing"], ["bookingWindow"])
    assert problems == [] and call.body == {"title": "example-title"}
    body["required"] = ["title", "bookingWindow"]  # required: nothing to leave out, so no call
    spec = _spec(tmp_path, "3.0.3", {}, body)
    _, problems = checked_curl(spec, spec.by_id["createThing"])
    assert problems and problems[0].startswith("bookingWindow:")


def test_a_required_field_the_schema_does_not_describe(tmp_path: Path) -> None:
    """Qovery's git repository requires `owner` and `name` without declaring them: they are sent;
    Linode's bucket requires an undeclared `cluster` and forbids other fields: no call."""
    repo = {"type": "object", "required": ["url", "owner", "name"],
            "properties": {"url": {"type": "string", "example": "https://github.com/acme/app"}}}
    spec = _spec(tmp_path, "3.0.3", {}, {"type": "object", "required": ["repo"], "properties": {"repo": repo}})
    call, problems = checked_curl(spec, spec.by_id["createThing"])
    assert problems == [] and set(call.body["repo"]) == {"url", "owner", "name"}
    closed = {"type": "object", "additionalProperties": False, "required": ["label", "cluster"],
              "properties": {"label": {"type": "string"}}}
    spec = _spec(tmp_path, "3.0.3", {}, closed)
    call, problems = checked_curl(spec, spec.by_id["createThing"])
    assert problems == ["body: 'cluster' is a required property"]


def test_a_body_that_is_one_json_value(tmp_path: Path) -> None:
    """Meilisearch's `PUT …/settings/prefix-search` takes a bare string: `-d '"indexingTime"'`."""
    spec = _spec(tmp_path, "3.1.0", {}, {"type": "string", "enum": ["indexingTime", "disabled"]})
    call, problems = checked_curl(spec, spec.by_id["createThing"])
    assert problems == [] and call.body == "indexingTime"
    assert split_command(call.command)[-1] == '"indexingTime"'


def test_shared_fields_beside_a_one_of_of_kinds(tmp_path: Path) -> None:
    """Svix's sink: `uid` and `status` for every sink, then `oneOf` the kinds, each with a `type`
    and its own required fields; the body has the shared fields and one whole kind."""
    kinds = {"Http": {"type": "object", "required": ["type", "url"], "properties": {
        "type": {"type": "string", "enum": ["http"]}, "url": {"type": "string", "format": "uri"}}},
        "Sqs": {"type": "object", "required": ["type", "queueUrl"], "properties": {
            "type": {"type": "string", "enum": ["sqs"]}, "queueUrl": {"type": "string"}}}}
    body = {"type": "object", "properties": {"uid": {"type": "string", "example": "unique-identifier"}},
            "required": ["uid"],
            "oneOf": [{"$ref": "#/components/schemas/Http"}, {"$ref": "#/components/schemas/Sqs"}]}
    spec = _spec(tmp_path, "3.0.3", kinds, body)
    call, problems = checked_curl(spec, spec.by_id["createThing"])
    assert problems == []
    assert call.body == {"uid": "unique-identifier", "type": "http", "url": "https://example.com"}
