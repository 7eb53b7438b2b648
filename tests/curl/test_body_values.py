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

from llmsdocs.curl import build_curl, split_command, validate_curl
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
