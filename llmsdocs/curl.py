"""Build the curl command for one operation, and check it against the spec before anyone sees it.

A command is written only if it passes :func:`validate_curl`: the method and path exist in the
spec, every required path/query/header parameter is given, and the JSON body validates against
the operation's request-body schema (``jsonschema``, with ``$ref`` resolved through the spec's
``referencing`` registry). Placeholders are environment variables inside double quotes
(``"$ACME_API_KEY"``, ``"${PROJECT_ID}"``) so that they expand; literal values are quoted with
:func:`shlex.quote`. ``shlex.split`` of the command, with its ``\\``-newline continuations
joined, gives exactly :attr:`CurlCall.args`.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from llmsdocs.errors import SpecError
from llmsdocs.openapi import FORM_MEDIA, SERVER_VAR_RE, Operation, Spec, media_essence

PLACEHOLDER_RE = re.compile(r"\$\{?([A-Z][A-Z0-9_]*)\}?")
# Patterns used once or more per command, compiled once.
_CAMEL_RE = re.compile(r"([a-z0-9])([A-Z])")
_NOT_ALNUM_RE = re.compile(r"[^A-Za-z0-9]+")
_DQ_SPECIAL_RE = re.compile(r'[$`\\"]')
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_HTTP_RE = re.compile(r"^https?://")
_HOST_VAR_RE = re.compile(r"^\$\{[A-Z0-9_]+\}")


@dataclass(slots=True, frozen=True)
class CurlCall:
    """A curl command for one operation."""

    operation: Operation
    """The operation it calls."""
    args: tuple[str, ...]
    """argv as the shell passes it to curl (placeholders still unexpanded)."""
    command: str
    """The command as written in the page (multi-line, ``\\`` continuations)."""
    body: Any
    """The JSON body sent, or None."""
    env: tuple[str, ...]
    """Environment variables the command expects (auth first, then parameters)."""


def env_name(text: str) -> str:
    """``project_id`` → ``PROJECT_ID``; ``apiKeyID`` → ``API_KEY_ID``."""
    text = _CAMEL_RE.sub(r"\1_\2", text)
    return _NOT_ALNUM_RE.sub("_", text).strip("_").upper() or "VALUE"


def _dq(text: str, live: frozenset[str] | set[str] | None = None) -> str:
    """Quote one shell word, keeping the ``$NAME``/``${NAME}`` placeholders in ``live`` live.

    Plain words become ``"…"`` (readable, and placeholders expand). When a literal part holds a
    character that double quotes treat specially (``$ ` \\ "``), the word is written as adjacent
    pieces instead, ``'literal'"$NAME"'literal'``, which POSIX shells and :func:`shlex.split`
    read the same way.
    """
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for m in PLACEHOLDER_RE.finditer(text):
        if live is not None and m.group(1) not in live:
            continue
        pieces.append((text[pos : m.start()], False))
        pieces.append((m.group(0), True))
        pos = m.end()
    pieces.append((text[pos:], False))
    if not any(_DQ_SPECIAL_RE.search(seg) for seg, is_var in pieces if not is_var):
        return '"' + "".join(seg for seg, _ in pieces) + '"'
    return "".join(f'"{seg}"' if is_var else shlex.quote(seg) for seg, is_var in pieces if seg)


def _auth(spec: Spec, op: Operation) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """(curl options, query pairs, env names) for the operation's first security alternative."""
    product = env_name(spec.product_name())
    options: list[tuple[str, str]] = []
    query: list[tuple[str, str]] = []
    env: list[str] = []
    if not op.security:
        return options, query, env
    for name in op.security[0]:
        scheme = spec.security_schemes.get(name) or {}
        kind = str(scheme.get("type", "")).lower()
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            env += [f"{product}_USERNAME", f"{product}_PASSWORD"]
            options.append(("-u", f"${product}_USERNAME:${product}_PASSWORD"))
        elif kind == "http":
            env.append(f"{product}_API_KEY")
            options.append(("-H", f"Authorization: Bearer ${product}_API_KEY"))
        elif kind == "apikey":
            var = f"{product}_API_KEY"
            env.append(var)
            where = str(scheme.get("in", "header"))
            key = str(scheme.get("name", "api_key"))
            if where == "query":
                query.append((key, f"${var}"))
            elif where == "cookie":
                options.append(("-b", f"{key}=${var}"))
            else:
                options.append(("-H", f"{key}: ${var}"))
        elif kind in {"oauth2", "openidconnect"}:
            env.append(f"{product}_ACCESS_TOKEN")
            options.append(("-H", f"Authorization: Bearer ${product}_ACCESS_TOKEN"))
    return options, query, env


# ---- example values that satisfy a schema ----------------------------------------------------
_FORMATS = {
    "email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "uri-reference": "https://example.com",
    "hostname": "example.com",
    "date-time": "2026-01-01T00:00:00Z",
    "date": "2026-01-01",
    "time": "00:00:00Z",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
}


_JS_REGEX_RE = re.compile(r"^/(.+)/[dgimsuy]*$", re.DOTALL)


def js_pattern(pattern: Any) -> Any:
    """A pattern written as a JavaScript regex literal (``/^[a-z]+$/``, as specs generated from
    JS code often do) without its slashes, which would otherwise be matched as characters."""
    if isinstance(pattern, str):
        m = _JS_REGEX_RE.match(pattern)
        if m:
            return m.group(1)
    return pattern


def _string_value(schema: Mapping[str, Any], name: str) -> str:
    fmt = str(schema.get("format", ""))
    if fmt in _FORMATS:
        return _FORMATS[fmt]
    min_len = int(schema.get("minLength", 0) or 0)
    max_len = int(schema.get("maxLength", 0) or 0)
    base = _SLUG_RE.sub("-", name.lower()).strip("-") or "example"
    candidates = [f"example-{base}", base, "example", "example_1", "a", "1", "A", "a1"]
    pattern = js_pattern(schema.get("pattern"))
    for cand in candidates:
        if min_len and len(cand) < min_len:
            cand = cand + "x" * (min_len - len(cand))
        if max_len and len(cand) > max_len:
            cand = cand[:max_len]
        if pattern is None:
            return cand
        try:
            if re.search(str(pattern), cand):
                return cand
        except re.error:
            return cand
    from llmsdocs.patterns import sample

    return sample(str(pattern), base) or candidates[0]


MAX_DEPTH = 24
"""Schema nesting followed when building a body (a guard against recursive schemas)."""


def discriminated(spec: Spec, schema: Mapping[str, Any], value: str | None = None) -> tuple[str, str, Any] | None:
    """(property, value, branch) chosen by a ``oneOf``/``anyOf`` discriminator, or None.

    With ``value`` (from a body being validated) the branch that value names; without, the
    first mapped one. An unmapped value names a branch by its schema name (OpenAPI's rule).
    """
    disc = schema.get("discriminator")
    options = schema.get("oneOf") or schema.get("anyOf")
    if not isinstance(disc, Mapping) or not isinstance(options, list) or not options:
        return None
    prop = disc.get("propertyName")
    if not isinstance(prop, str):
        return None
    mapping = {str(k): v for k, v in (disc.get("mapping") or {}).items() if isinstance(v, str)}
    if not mapping:
        for option in options:
            ref = option.get("$ref") if isinstance(option, Mapping) else None
            if isinstance(ref, str):
                mapping[ref.rsplit("/", 1)[-1]] = ref
    if not mapping:
        return None
    key = value if value is not None else next(iter(mapping))
    if key not in mapping:
        return None
    return prop, key, {"$ref": mapping[key]}


def _ref_siblings(schema: Any) -> Any:
    """``{"$ref": …, "required": [...]}`` (OpenAPI 3.1 lets keywords sit beside a ``$ref``) as the
    ``allOf`` it means, so that the siblings are not lost when the reference is followed."""
    if isinstance(schema, Mapping) and "$ref" in schema and len(schema) > 1:
        rest = {k: v for k, v in schema.items() if k not in {"$ref", "description", "summary"}}
        if rest:
            return {"allOf": [{"$ref": schema["$ref"]}, rest]}
    return schema


def _chosen_shape(spec: Spec, schema: Mapping[str, Any]) -> tuple[Any, dict[str, Any]] | None:
    """The shape a ``oneOf``/``anyOf`` value takes, with the properties that name it: OpenAPI's
    discriminator branch (and its value), else the first option that is not null."""
    picked = discriminated(spec, schema)
    if picked is not None:
        prop, value, branch = picked
        return branch, {prop: value}
    for key in ("oneOf", "anyOf"):
        options = [o for o in schema.get(key) or () if (spec.resolve(o) or {}).get("type") != "null"]
        if options:
            return options[0], {}
    return None


def example_value(
    spec: Spec, schema: Any, name: str = "value", depth: int = 0, plain: bool = False
) -> Any:
    """A value of the right type that the schema accepts (example, default, enum, else typed).

    ``plain`` leaves out the spec's own examples, for where one of them fails its schema.
    """
    schema = spec.resolve(_ref_siblings(schema))
    if not isinstance(schema, Mapping) or depth > MAX_DEPTH:
        return f"<{name}>"
    if not plain:
        if schema.get("example") is not None:
            return schema["example"]
        examples = schema.get("examples")
        if isinstance(examples, list) and examples:
            return examples[0]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    if "const" in schema:
        return schema["const"]
    enum = [v for v in schema.get("enum") or () if v is not None]
    if enum:
        return enum[0]
    chosen = _chosen_shape(spec, schema)
    if chosen is not None:
        branch, naming = chosen
        out = example_value(spec, branch, name, depth + 1, plain)
        return {**out, **naming} if isinstance(out, dict) else out
    parts = [spec.resolve(sub) or {} for sub in schema.get("allOf") or ()]
    if any(isinstance(p, Mapping) and (p.get("type") == "object" or "properties" in p) for p in parts):
        # an object put together from parts: one part's required may name another's property
        return object_value(spec, schema, (), depth + 1, plain=plain)
    if schema.get("allOf"):
        merged: dict[str, Any] = {}
        for sub in schema["allOf"]:
            val = example_value(spec, sub, name, depth + 1, plain)
            if isinstance(val, dict):
                merged.update(val)
            else:
                return val
        return merged
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if kind is None and "properties" in schema:
        kind = "object"
    if kind == "object":
        return object_value(spec, schema, (), depth + 1, plain=plain)
    if kind == "array":
        count = int(schema.get("minItems", 0) or 0)
        return [example_value(spec, schema.get("items", {}), name, depth + 1, plain)] * max(count, 1)
    if kind == "integer":
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        low = low if isinstance(low, (int, float)) and not isinstance(low, bool) else 0
        return int(low) + (1 if "exclusiveMinimum" in schema else 0) or 1
    if kind == "number":
        low = schema.get("minimum", 0)
        return low if isinstance(low, (int, float)) and not isinstance(low, bool) and low else 1
    if kind == "boolean":
        return True
    return _string_value(schema, name)


def _object_shape(spec: Spec, schema: Mapping[str, Any]) -> tuple[dict[str, Any], list[str], bool]:
    """(properties, required names, closed to others) of an object schema and its ``allOf`` parts."""
    props: dict[str, Any] = {}
    required: list[str] = []
    closed = False
    for part in [schema, *[spec.resolve(s) for s in schema.get("allOf") or ()]]:
        if isinstance(part, Mapping):
            props.update(part.get("properties") or {})
            required += [r for r in part.get("required") or () if r not in required]
            closed = closed or part.get("additionalProperties") is False
    return props, required, closed


def object_value(
    spec: Spec, schema: Any, mentioned: Sequence[str], depth: int = 0, off: bool = False,
    plain: bool = False,
) -> dict[str, Any]:
    """Required properties, plus the ones the step mentions, plus enough for ``minProperties``.

    ``mentioned`` holds property paths (``project.settings.allowed_ips``); a mentioned boolean is
    set to true, or false when the step turns something off (``off``). A required property the
    schema does not describe gets a string, unless the schema forbids other properties.
    """
    schema = spec.resolve(_ref_siblings(schema))
    if not isinstance(schema, Mapping):
        return {}
    if not schema.get("properties") and not schema.get("allOf"):
        chosen = _chosen_shape(spec, schema)  # a body of several shapes ("one alert or a batch")
        if chosen is not None:
            branch, naming = chosen
            return {**object_value(spec, branch, mentioned, depth + 1, off, plain), **naming}
    props, required, closed = _object_shape(spec, schema)
    direct = [m for m in mentioned if "." not in m or m in props]  # listmonk's "bounce.enabled" key
    nested: dict[str, list[str]] = {}
    for m in mentioned:
        if "." in m and m not in props:
            first, rest = m.split(".", 1)
            nested.setdefault(first, []).append(rest)
    wanted = [r for r in required if r in props or not props or not closed]
    wanted += [m for m in [*direct, *nested] if m in props and m not in wanted]
    min_props = int(schema.get("minProperties", 0) or 0)
    for name, sub in props.items():
        if len(wanted) >= min_props:
            break
        if name not in wanted and not (spec.resolve(sub) or {}).get("readOnly"):
            wanted.append(name)
    out: dict[str, Any] = {}
    for name in wanted:
        sub = spec.resolve(_ref_siblings(props.get(name, {}))) or {}
        if name in nested and isinstance(sub, Mapping) and (
            sub.get("type") == "object" or "properties" in sub or "allOf" in sub
        ):
            out[name] = object_value(spec, sub, nested[name], depth + 1, off, plain)
        elif name in direct and isinstance(sub, Mapping) and sub.get("type") == "boolean":
            out[name] = not off
        else:
            out[name] = example_value(spec, sub, name, depth + 1, plain)
    chosen = _chosen_shape(spec, schema)  # shared fields beside a oneOf of kinds (Svix's sinks)
    if chosen is not None:
        branch, naming = chosen
        out.update({**object_value(spec, branch, mentioned, depth + 1, off, plain), **naming})
    return out


def request_body(
    spec: Spec, op: Operation, mentioned: Sequence[str] = (), off: bool = False, plain: bool = False
) -> Any:
    """The body to send for ``op`` (see :func:`object_value`), or None when it sends none."""
    if op.body_schema is None or not (op.body_required or mentioned or op.method != "DELETE"):
        return None
    whole = spec.resolve(_ref_siblings(op.body_schema)) or {}
    kind = whole.get("type") if isinstance(whole, Mapping) else None
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind == "array":
        body: Any = example_value(spec, whole, "items", plain=plain)  # a bulk call takes a list
    elif kind in {"string", "integer", "number", "boolean"} and not _is_form(op.body_media_type or ""):
        body = example_value(spec, whole, "value", plain=plain)  # a setting sent as one JSON value
    else:
        body = object_value(spec, op.body_schema, mentioned, off=off, plain=plain)
        if not body and op.body_required and op.body_properties:
            # a required body with no required field ("upload a profile image": `file`)
            body = object_value(spec, op.body_schema, [op.body_properties[0]], off=off, plain=plain)
    return body if body or op.body_required else None


def _server_placeholders(url: str) -> tuple[str, list[str]]:
    """The server URL with each variable the spec gives no default (``https://{tenant_id}.logto.app``)
    as the reader's own value, a placeholder like a path parameter (``${TENANT_ID}``), and
    the placeholders' names."""
    names = [env_name(name) for name in dict.fromkeys(SERVER_VAR_RE.findall(url))]
    return SERVER_VAR_RE.sub(lambda m: "${" + env_name(m.group(1)) + "}", url), names


def build_curl(
    spec: Spec, op: Operation, mentioned: Sequence[str] = (), off: bool = False, body: Any = None
) -> CurlCall:
    """The curl command for ``op``: server, auth placeholder, parameters, JSON body.

    ``mentioned`` are body property paths the step names (their values are included); ``off``
    says the step turns a named switch off. ``body``, when given, is sent instead of the one
    built from the schema.
    """
    base = spec.servers[0] if spec.servers else "/"
    base, env = _server_placeholders(base)
    if not _HTTP_RE.match(base):
        # a relative server ("/api/v3", or "/" when the spec names none): the API is served
        # by each install (self-hosted), so its address is the reader's own, like their key
        host = f"{env_name(spec.product_name())}_URL"
        env.append(host)
        base = "${" + host + "}" + ("/" + base.lstrip("/") if base.strip("/") else "")
    auth_opts, auth_query, auth_env = _auth(spec, op)
    env += auth_env
    path = op.path
    for p in op.parameters:
        if p.location == "path":
            var = env_name(p.name)
            path = path.replace("{" + p.name + "}", "${" + var + "}")
            env.append(var)
    query: list[tuple[str, str]] = []
    headers: list[tuple[str, str]] = []
    for p in op.parameters:
        if not p.required or p.location in {"path", "cookie"}:
            continue
        var = env_name(p.name)
        env.append(var)
        if p.location == "query":
            query.append((p.name, "${" + var + "}"))
        elif p.location == "header":
            headers.append(("-H", f"{p.name}: ${{{var}}}"))
    query += auth_query
    url = base + path
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query)
    live = set(env)
    args: list[str] = ["curl", "-X", op.method, url]
    lines = [f"curl -X {op.method} {_dq(url, live)}"]
    for flag, value in auth_opts + headers:
        args += [flag, value]
        lines.append(f"{flag} {_dq(value, live)}")
    if body is None:
        body = request_body(spec, op, mentioned, off)
    if body is not None:
        media = op.body_media_type or "application/json"
        if _is_form(media):
            for flag, value in _form_fields(spec, op.body_schema, body, media):
                args += [flag, value]
                lines.append(f"{flag} {shlex.quote(value)}")
        else:
            data = json.dumps(body, ensure_ascii=False)
            args += ["-H", f"Content-Type: {media}", "-d", data]
            lines.append(f"-H {_dq('Content-Type: ' + media, live)}")
            lines.append(f"-d {shlex.quote(data)}")
    command = " \\\n  ".join(lines)
    return CurlCall(op, tuple(args), command, body, tuple(dict.fromkeys(env)))


def checked_curl(
    spec: Spec, op: Operation, mentioned: Sequence[str] = (), off: bool = False
) -> tuple[CurlCall, list[str]]:
    """The command for ``op`` and the problems that keep it from being written (none: valid).

    A spec's own example can fail its own schema (a date without its zone, an enum value since
    removed, a number where a string is declared): the top-level values it spoils are built
    again from the schema alone, and an optional one that still fails is left out.

    Raises:
        SpecError: the operation's schema is no JSON Schema (``maxLength: ten``) or refers to a
            place the validator cannot resolve: neither a body nor its check can be made from it,
            and that is the spec's error, not the page's.
    """
    try:
        return _checked_curl(spec, op, mentioned, off)
    except Exception as exc:
        if type(exc).__module__.split(".")[0] == "referencing":  # some of its errors are KeyErrors
            raise SpecError(spec.path, "unresolvable $ref in its schema") from None
        if not isinstance(exc, (TypeError, AttributeError, KeyError, ValueError, re.error)):
            raise
        why = f"{type(exc).__name__}: {exc}"[:120]
        raise SpecError(spec.path, f"{op.operation_id}'s request-body schema is not valid JSON Schema ({why})") from None


def _checked_curl(
    spec: Spec, op: Operation, mentioned: Sequence[str], off: bool
) -> tuple[CurlCall, list[str]]:
    """:func:`checked_curl` without its guard."""
    call = build_curl(spec, op, mentioned, off)
    problems = validate_curl(spec, call)
    if not problems or call.body is None or "-d" not in call.args:
        return call, problems
    spoiled = _spoiled(spec, op, call.body)
    if spoiled is None:
        body = request_body(spec, op, mentioned, off, plain=True)
    else:
        props, required, _ = _object_shape(spec, spec.resolve(_ref_siblings(op.body_schema)) or {})
        body = {**call.body, **{k: example_value(spec, props.get(k, {}), k, plain=True) for k in spoiled}}
        still = _spoiled(spec, op, body)
        if still and not still & set(required):  # a value the step named is worth less than the call
            body = {k: v for k, v in body.items() if k not in still}
    retry = build_curl(spec, op, mentioned, off, body=body)
    again = validate_curl(spec, retry)
    return (retry, again) if not again else (call, problems)


def _spoiled(spec: Spec, op: Operation, body: Any) -> set[str] | None:
    """Top-level keys of ``body`` its schema rejects (empty: valid), or None when the body as a
    whole is wrong (a missing required property, not an object)."""
    if not isinstance(body, dict):
        return None
    keys: set[str] = set()
    for err in _validator(spec, op).iter_errors(body):
        path = list(err.absolute_path)
        if not path or path[0] not in body:
            return None
        keys.add(str(path[0]))
    return keys


def _is_form(media: str) -> bool:
    return media_essence(media) in FORM_MEDIA


def _is_file(spec: Spec, schema: Any) -> bool:
    schema = spec.resolve(schema)
    return isinstance(schema, Mapping) and (
        schema.get("format") == "binary" or schema.get("contentMediaType") is not None
    )


def _form_fields(spec: Spec, schema: Any, body: Mapping[str, Any], media: str) -> list[tuple[str, str]]:
    """curl form arguments for a body: ``-F name=@./name`` for a file (a path the reader
    replaces), ``-F 'name={json};type=application/json'`` for an object, ``-F name=value``
    otherwise; ``--data-urlencode`` for an urlencoded form."""
    props = (spec.resolve(schema) or {}).get("properties") or {}
    multipart = media_essence(media) == "multipart/form-data"
    out: list[tuple[str, str]] = []
    for name, value in body.items():
        sub = spec.resolve(props.get(name, {})) or {}
        items = spec.resolve(sub.get("items", {})) if sub.get("type") == "array" else None
        if multipart and (_is_file(spec, sub) or (items is not None and _is_file(spec, items))):
            out.append(("-F", f"{name}=@./{name}"))
        elif isinstance(value, (dict, list)):
            text = json.dumps(value, ensure_ascii=False)
            out.append(("-F", f"{name}={text};type=application/json") if multipart else ("--data-urlencode", f"{name}={text}"))
        else:
            text = json.dumps(value) if isinstance(value, bool) else str(value)
            out.append(("-F" if multipart else "--data-urlencode", f"{name}={text}"))
    return out


def _form_body(spec: Spec, op: Operation, args: list[str]) -> dict[str, Any]:
    """The body a form command sends, as the JSON value the schema describes (files as names)."""
    props = (spec.resolve(op.body_schema) or {}).get("properties") or {}
    body: dict[str, Any] = {}
    for i, flag in enumerate(args[:-1]):
        if flag not in ("-F", "--form", "--data-urlencode"):
            continue
        name, _, raw = args[i + 1].partition("=")
        sub = spec.resolve(props.get(name, {})) or {}
        kind = sub.get("type")
        if raw.startswith("@"):
            value: Any = raw[1:]
            body[name] = [value] if kind == "array" else value
            continue
        text = raw.removesuffix(";type=application/json")
        if kind in ("object", "array", "integer", "number", "boolean") or text != raw:
            try:
                body[name] = json.loads(text)
            except json.JSONDecodeError:
                body[name] = text
        else:
            body[name] = text
    return body


def split_command(command: str) -> list[str]:
    """argv of a written command (joins ``\\``-newline continuations first, as a shell does)."""
    return shlex.split(command.replace("\\\n", ""))


def _validator(spec: Spec, op: Operation) -> Any:
    """The body validator of ``op``, built once per spec and operation (a site repeats calls)."""
    key = f"__validator__{op.method} {op.path}"
    cached = spec._cache.get(key)
    if cached is None:
        cached = spec._cache[key] = _new_validator(spec, op)
    return cached


def _new_validator(spec: Spec, op: Operation) -> Any:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4, DRAFT202012

    from llmsdocs.openapi import SPEC_URI

    key = "__validator_registry__"
    v31 = spec.openapi_version.startswith("3.1")
    registry = spec._cache.get(key)
    if registry is None:
        draft = DRAFT202012 if v31 else DRAFT4
        registry = Registry().with_resource(
            SPEC_URI, Resource(contents=spec.document, specification=draft)  # type: ignore[call-arg]
        )
        spec._cache[key] = registry
    cls = spec._cache.get("__validator_class__")
    if cls is None:
        base = jsonschema.Draft202012Validator if v31 else jsonschema.Draft4Validator
        cls = spec._cache["__validator_class__"] = _with_discriminator(base, spec)
    schema: Mapping[str, Any] = op.body_schema or {}
    if isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#"):
        schema = {"$ref": SPEC_URI + schema["$ref"]}
    else:
        schema = _rebase(schema, SPEC_URI)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def _with_discriminator(cls: Any, spec: Spec) -> Any:
    """``cls`` whose oneOf/anyOf follow an OpenAPI discriminator: a body is checked against the
    branch its discriminator value names (branches that share their fields would otherwise all
    match, and JSON Schema's oneOf rejects that); and whose ``pattern`` reads a JS regex literal
    as the regex it writes (see :func:`js_pattern`); and whose ``required`` skips a boolean
    (Swagger 2.0's mark on a property, which real OpenAPI 3 specs still carry: NocoDB's)."""
    import jsonschema.validators

    from llmsdocs.openapi import SPEC_URI

    def keyword(kind: str) -> Any:
        plain = cls.VALIDATORS[kind]

        def check(validator: Any, options: Any, instance: Any, schema: Mapping[str, Any]) -> Any:
            disc = schema.get("discriminator")
            if isinstance(disc, Mapping) and isinstance(instance, dict):
                value = instance.get(disc.get("propertyName"))
                picked = discriminated(spec, schema, value) if isinstance(value, str) else None
                if picked is not None:
                    ref = picked[2]["$ref"]
                    yield from validator.descend(instance, {"$ref": SPEC_URI + ref if ref.startswith("#") else ref})
                    return
            yield from plain(validator, options, instance, schema)

        return check

    plain_pattern = cls.VALIDATORS["pattern"]

    def pattern(validator: Any, value: Any, instance: Any, schema: Mapping[str, Any]) -> Any:
        yield from plain_pattern(validator, js_pattern(value), instance, schema)

    plain_required = cls.VALIDATORS["required"]

    def required(validator: Any, value: Any, instance: Any, schema: Mapping[str, Any]) -> Any:
        if isinstance(value, list):  # Swagger 2.0's `required: true` on a property says nothing here
            yield from plain_required(validator, value, instance, schema)

    return jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        cls, {"oneOf": keyword("oneOf"), "anyOf": keyword("anyOf"), "pattern": pattern, "required": required}
    )


def _rebase(node: Any, uri: str) -> Any:
    """Point local ``$ref``s of an inline schema at the spec document."""
    if isinstance(node, Mapping):
        return {
            k: (uri + v if k == "$ref" and isinstance(v, str) and v.startswith("#") else _rebase(v, uri))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rebase(v, uri) for v in node]
    return node


def validate_curl(spec: Spec, call: CurlCall) -> list[str]:
    """Problems that make the command not match the spec (empty list = valid)."""
    problems: list[str] = []
    args = split_command(call.command)
    if args != list(call.args):
        problems.append("shell quoting does not give the intended arguments")
    op = call.operation
    method = args[args.index("-X") + 1] if "-X" in args else "GET"
    target = spec.by_id.get(op.operation_id)
    if target is None or target.method != method:
        problems.append(f"{method} is not the method of {op.operation_id}")
    at = args.index("-X") + 2 if "-X" in args else 1
    url = args[at] if at < len(args) else ""
    url = _HOST_VAR_RE.sub("https://host", url)  # a self-hosted API's own address
    if not url.startswith(("http://", "https://")):
        problems.append(f"no URL where the command's URL should be: {url!r}")
    parts = urlsplit(url)
    base_paths = {urlsplit(_server_placeholders(s)[0]).path.rstrip("/") for s in spec.servers}
    path = parts.path
    for bp in sorted(base_paths, key=len, reverse=True):
        if bp and path.startswith(bp + "/"):
            path = path[len(bp) :]
            break
    segs, tsegs = path.strip("/").split("/"), op.path.strip("/").split("/")
    if len(segs) != len(tsegs) or any(
        not t.startswith("{") and s != t or t.startswith("{") and not s for s, t in zip(segs, tsegs)
    ):
        problems.append(f"path {path} does not match {op.path}")
    query_names = {kv.split("=", 1)[0] for kv in parts.query.split("&") if kv}
    headers = {a.split(":", 1)[0].strip().lower() for i, a in enumerate(args) if i and args[i - 1] == "-H"}
    for p in op.parameters:
        if p.required and p.location == "query" and p.name not in query_names:
            problems.append(f"required query parameter {p.name} missing")
        if p.required and p.location == "header" and p.name.lower() not in headers:
            problems.append(f"required header {p.name} missing")
    if op.body_media_type and _is_form(op.body_media_type) and op.body_schema is not None:
        body_args = [a for a in args if a in ("-F", "--form", "--data-urlencode")]
        if not body_args and op.body_required:
            problems.append("required request body missing")
        elif body_args:
            for err in _validator(spec, op).iter_errors(_form_body(spec, op, args)):
                where = "/".join(str(p) for p in err.absolute_path) or "body"
                problems.append(f"{where}: {err.message}")
    elif "-d" in args:
        raw = args[args.index("-d") + 1]
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            problems.append("body is not JSON")
        else:
            if op.body_schema is None:
                problems.append("operation takes no JSON body")
            else:
                for err in _validator(spec, op).iter_errors(body):
                    where = "/".join(str(p) for p in err.absolute_path) or "body"
                    problems.append(f"{where}: {err.message}")
    elif op.body_required:
        problems.append("required request body missing")
    return problems
