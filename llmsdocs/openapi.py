"""Load an OpenAPI 3.0/3.1 description (YAML or JSON) once and index its operations.

``$ref`` pointers are resolved with :mod:`referencing` (the resolver that ``jsonschema`` itself
uses, maintained with it): the same registry serves the index below and the JSON Schema
validation of request bodies in :mod:`llmsdocs.curl`, so a body is checked against exactly the
schema the index read, including recursive schemas that an eager "inline every $ref" library
cannot represent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llmsdocs.errors import SpecError
from llmsdocs.spec_files import bundle, is_split

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
SPEC_URI = "urn:llmsdocs:openapi"
"""Base URI under which the document is registered, so ``#/components/...`` resolves."""


FORM_MEDIA = ("multipart/form-data", "application/x-www-form-urlencoded")
"""Request bodies sent as form fields rather than JSON."""


def media_essence(media: str) -> str:
    """``multipart/form-data; boundary=…`` → ``multipart/form-data``."""
    return media.split(";")[0].strip()

GENERIC_TITLE_WORDS = frozenset(
    """api apis reference rest http https public openapi swagger spec specification service
    services documentation docs v1 v2 v3 the web backend management platform admin server""".split()
)
"""Words of an ``info.title`` that name no product ("API Reference", "Public REST API")."""
_TITLE_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_SCHEME_RE = re.compile(r"^https?://")
_URL_RE = re.compile(r"https?://[^\s)\]>\"']+")


@dataclass(slots=True, frozen=True)
class Parameter:
    """One path, query, header or cookie parameter of an operation."""

    name: str
    """The parameter's name as the server expects it."""
    location: str
    """``path``, ``query``, ``header`` or ``cookie`` (OpenAPI ``in``)."""
    required: bool
    """Path parameters are always required; others when the spec says so."""
    schema: Mapping[str, Any]
    """The parameter's schema with ``$ref`` resolved (empty when the spec gives none)."""
    description: str = ""
    """The spec's description, used to explain placeholders."""


@dataclass(slots=True, frozen=True)
class Operation:
    """One method on one path: what a curl command is built from and matched against."""

    method: str
    """Upper-case HTTP method."""
    path: str
    """Path template exactly as written in the spec, e.g. ``/projects/{project_id}``."""
    operation_id: str
    """The spec's ``operationId``; ``METHOD path`` when the spec has none."""
    summary: str
    """One-line summary (may be empty)."""
    description: str
    """Longer description (may be empty)."""
    tags: tuple[str, ...]
    """Tag names, in spec order."""
    parameters: tuple[Parameter, ...]
    """Path-level and operation-level parameters merged (operation wins)."""
    body_schema: Mapping[str, Any] | None
    """The JSON request body's schema, as written (may hold ``$ref``), or None."""
    body_media_type: str | None
    """Media type of the request body the curl sends (JSON preferred)."""
    body_required: bool
    """Whether the spec requires a request body."""
    security: tuple[tuple[str, ...], ...]
    """Alternatives of security scheme names (each tuple must all be sent); empty = none."""
    deprecated: bool = False
    """Deprecated operations are never proposed by the matcher."""
    body_properties: tuple[str, ...] = ()
    """Property names of the JSON request body; nested ones dotted (``project.settings.x``)."""


@dataclass(slots=True)
class Spec:
    """An indexed OpenAPI description; build it with :func:`load_spec`."""

    path: str
    """Where the spec was read from (for messages)."""
    document: Mapping[str, Any]
    """The parsed document, untouched."""
    openapi_version: str
    """``3.0.x`` or ``3.1.x``."""
    title: str
    """``info.title``."""
    servers: tuple[str, ...]
    """Server URLs with their variables filled from defaults."""
    operations: tuple[Operation, ...]
    """Every operation, in spec order."""
    security_schemes: Mapping[str, Mapping[str, Any]]
    """``components.securitySchemes`` with ``$ref`` resolved."""
    by_id: dict[str, Operation] = field(default_factory=dict)
    """Operations by operationId."""
    skipped: tuple[str, ...] = ()
    """``METHOD path: reason`` of operations left out because they cannot be resolved (a dangling
    ``$ref``): one broken operation does not take the rest of the API with it."""
    _registry: Any = None
    _cache: dict[str, Any] = field(default_factory=dict)

    def skipped_message(self) -> str | None:
        """One line naming the operations left out (None when every operation loaded)."""
        if not self.skipped:
            return None
        more = len(self.skipped) - 3
        shown = "; ".join(self.skipped[:3]) + (f"; and {more} more" if more > 0 else "")
        return f"{self.path}: {len(self.skipped)} operation(s) left out: {shown}"

    def resolve(self, node: Any) -> Any:
        """Follow ``$ref`` chains of ``node`` (one level of the tree; never recursive)."""
        seen: set[str] = set()
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:  # a ref cycle that never reaches a value
                return {}
            seen.add(ref)
            if ref not in self._cache:
                try:
                    resolved = self._registry.resolver(SPEC_URI).lookup(ref)
                except Exception as exc:  # noqa: BLE001 - referencing raises several unrelated types
                    # the library's message quotes the whole document: name the kind only
                    why = "no such place in the spec" if "Pointer" in type(exc).__name__ else type(exc).__name__
                    raise SpecError(self.path, f"unresolvable $ref {ref!r} ({why})") from None
                self._cache[ref] = resolved.contents
            node = self._cache[ref]
        return node

    @property
    def registry(self) -> Any:
        """The :mod:`referencing` registry holding this document (for JSON Schema validation)."""
        return self._registry

    def product_name(self) -> str:
        """The product's short name, for placeholders and for telling its UI from others'.

        A title word that the servers' site is named for ("Trigger" in ``api.trigger.dev``); else
        the name of that site (``app.typebot.com`` for "Builder API": a title often names one part
        of the product); else a title word that a site linked from the description is named for;
        else the title's first word that is not a generic one ("API Reference" names no product);
        else a site that the description links and names in its text.
        """
        info = self.document.get("info") if isinstance(self.document, Mapping) else None
        info = info if isinstance(info, Mapping) else {}
        words = [w for w in _TITLE_WORD_RE.findall(self.title) if w.lower() not in GENERIC_TITLE_WORDS]
        served = [n for n in (_site_name(u) for u in self.servers) if n]
        about = " ".join(
            str(v) for v in (
                info.get("description"), info.get("termsOfService"),
                (info.get("contact") or {}).get("url") if isinstance(info.get("contact"), Mapping) else None,
            ) if v
        )
        linked = [n for n in (_site_name(u) for u in _URL_RE.findall(about)) if n]
        for sites in (served, linked):
            for w in words:
                if len(w) >= 3 and any(w.lower() in n for n in sites):
                    return str(w)
            if sites is served and served:
                return served[0]
        if words:
            return str(words[0])
        said = {w.lower() for w in _TITLE_WORD_RE.findall(_URL_RE.sub(" ", about))}
        for name in linked:
            if name in said:
                return name
        return "API"


def _site_name(url: str) -> str | None:
    """``https://api.typebot.com/v1`` → ``typebot``, ``https://statsigapi.net`` → ``statsig``: the
    registered name of a public host (not localhost, an address, or a reserved example domain),
    without an "api" that ends it."""
    host = _SCHEME_RE.sub("", url).split("/")[0].split(":")[0].lower()
    parts = [p for p in host.split(".") if p]
    if len(parts) < 2 or parts[-1].isdigit() or "{" in host:
        return None
    name = parts[-2]
    if name == "example" or parts[-1] in {"example", "test", "invalid", "localhost", "local"}:
        return None  # RFC 2606 names stand for "your server"
    if name.endswith("api") and len(name) >= 7:  # a name of four letters or more before it
        name = name[:-3].rstrip("-")  # statsigapi.net: the API's own host for the product statsig.com
    return name


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SpecError(str(path), f"cannot read spec: {reason}") from None


def _read(path: Path) -> Any:
    return _parse(path, _read_text(path))


def _parse(path: Path, text: str) -> Any:
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError(str(path), f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise SpecError(str(path), f"invalid YAML{where}") from None


SERVER_VAR_RE = re.compile(r"\{([^{}]+)\}")
"""A server URL's variable (``{region}``)."""


def _fill_server(server: Mapping[str, Any]) -> str:
    """The server URL with its variables' defaults; a variable without one stays ``{name}`` (the
    curl writer makes it a placeholder). ``[tenant_id]`` in a host (Logto's spec) and
    ``{{host}}`` (Pomerium's, a template tool's double braces) are read as such a variable: as
    written, the first is an invalid IPv6 literal to URL parsers and a glob to curl, and the
    second left ``https://{console.pomerium.app}``."""
    url = str(server.get("url", "")).rstrip("/")
    url = re.sub(r"^(\w+://[^/]*?)\[([A-Za-z_][\w-]*)\]", r"\1{\2}", url)
    url = re.sub(r"\{\{([^{}]+)\}\}", r"{\1}", url)
    variables = server.get("variables") or {}

    def default(m: re.Match[str]) -> str:
        var = variables.get(m.group(1)) or {}
        return str(var.get("default", m.group(0)))

    return SERVER_VAR_RE.sub(default, url)


def _body(spec: Spec, op: Mapping[str, Any]) -> tuple[Any, str | None, bool]:
    body = spec.resolve(op.get("requestBody"))
    if not isinstance(body, Mapping):
        return None, None, False
    content = body.get("content") or {}
    media = None
    for candidate in content:
        if media_essence(candidate) == "application/json" or candidate.endswith("+json"):
            media = candidate
            break
    if media is None:  # a form (file uploads), written with -F / --data-urlencode
        media = next((c for c in content if media_essence(c) in FORM_MEDIA), None)
    if media is None:
        return None, (next(iter(content), None)), bool(body.get("required"))
    schema = (content.get(media) or {}).get("schema")
    return schema, media, bool(body.get("required"))


def _properties(spec: Spec, schema: Any, depth: int = 0, prefix: str = "") -> list[str]:
    """Property names of a body schema; nested object properties as dotted paths (3 levels)."""
    schema = spec.resolve(schema)
    if not isinstance(schema, Mapping) or depth > 3:
        return []
    names: list[str] = []
    props = schema.get("properties") or {}
    for name, sub in props.items():
        names.append(prefix + str(name))
        names.extend(_properties(spec, sub, depth + 1, f"{prefix}{name}."))
    for key in ("allOf", "oneOf", "anyOf"):
        for sub in schema.get(key) or ():
            names.extend(n for n in _properties(spec, sub, depth, prefix) if n not in names)
    return names


def _parameters(spec: Spec, *lists: Any) -> tuple[Parameter, ...]:
    merged: dict[tuple[str, str], Parameter] = {}
    for plist in lists:
        for raw in plist or ():
            p = spec.resolve(raw)
            if not isinstance(p, Mapping) or "name" not in p:
                continue
            loc = str(p.get("in", "query"))
            schema = spec.resolve(p.get("schema")) or {}
            merged[(str(p["name"]), loc)] = Parameter(
                name=str(p["name"]),
                location=loc,
                required=loc == "path" or bool(p.get("required")),
                schema=schema if isinstance(schema, Mapping) else {},
                description=str(p.get("description") or ""),
            )
    return tuple(merged.values())


def _security(raw: Any) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(tuple(req.keys()) for req in raw if isinstance(req, Mapping))


def load_spec(path: str | Path) -> Spec:
    """Read and index an OpenAPI 3.0 or 3.1 description.

    Raises:
        SpecError: one line naming the file, when it cannot be read, is not OpenAPI 3,
            or has a ``$ref`` that resolves to nothing.
    """
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    p = Path(path)
    text = _read_text(p)
    doc = _parse(p, text)
    if not isinstance(doc, Mapping):
        raise SpecError(str(p), "not an OpenAPI document (top level is not a mapping)")
    if is_split(text) and isinstance(doc, dict):
        doc = bundle(doc, p, _read)  # a root file whose $refs point into other local files
    version = str(doc.get("openapi", ""))
    if not version.startswith("3."):
        found = "Swagger 2.0" if "swagger" in doc else f"openapi: {version or 'missing'}"
        raise SpecError(str(p), f"only OpenAPI 3.0 and 3.1 are supported (found {found})")
    if not isinstance(doc.get("paths"), Mapping):
        raise SpecError(str(p), "the spec has no 'paths'")
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, Resource(contents=doc, specification=DRAFT202012)  # type: ignore[call-arg]
    )
    info: Mapping[str, Any] = doc["info"] if isinstance(doc.get("info"), Mapping) else {}
    servers = tuple(_fill_server(s) for s in doc.get("servers") or () if isinstance(s, Mapping))
    spec = Spec(
        path=str(p),
        document=doc,
        openapi_version=version,
        title=str(info.get("title", "")),
        servers=servers or ("/",),  # none given: "/" (OpenAPI 3, Server Object)
        operations=(),
        security_schemes={},
        _registry=registry,
    )
    components: Mapping[str, Any] = (
        doc["components"] if isinstance(doc.get("components"), Mapping) else {}
    )
    spec.security_schemes = {
        name: spec.resolve(s) for name, s in (components.get("securitySchemes") or {}).items()
    }
    global_security = _security(doc.get("security"))
    ops: list[Operation] = []
    skipped: list[str] = []
    first_error: SpecError | None = None
    for tpl, item in doc["paths"].items():
        item = spec.resolve(item)
        if not isinstance(item, Mapping):
            continue
        for method in HTTP_METHODS:
            raw = item.get(method)
            if not isinstance(raw, Mapping):
                continue
            try:
                ops.append(_operation(spec, str(tpl), method, item, raw, global_security))
            except SpecError as exc:
                skipped.append(f"{method.upper()} {tpl}: {exc.reason}")
                first_error = first_error or exc
    if first_error is not None and not ops:
        raise first_error  # nothing resolves: the spec itself is broken
    spec.operations = tuple(ops)
    spec.by_id = {op.operation_id: op for op in ops}
    spec.skipped = tuple(skipped)
    return spec


EXPRESS_PARAM_RE = re.compile(r"(?<=/):([A-Za-z_][\w.-]*)(?=/|$)")
"""A path segment written Express-style (``/:id``): a parameter, as ``{id}`` is."""
PATH_VAR_RE = re.compile(r"\{([^{}/]+)\}")


def _operation(
    spec: Spec, tpl: str, method: str, item: Mapping[str, Any], raw: Mapping[str, Any],
    global_security: tuple[tuple[str, ...], ...],
) -> Operation:
    schema, media, body_required = _body(spec, raw)
    security = _security(raw["security"]) if "security" in raw else global_security
    tpl = EXPRESS_PARAM_RE.sub(r"{\1}", tpl)  # Rocket.Chat's /abac/attributes/:_id
    parameters = _parameters(spec, item.get("parameters"), raw.get("parameters"))
    declared = {p.name for p in parameters if p.location == "path"}
    # a templated segment the spec forgot to declare is still the reader's to fill in
    parameters += tuple(
        Parameter(name, "path", True, {"type": "string"}) for name in PATH_VAR_RE.findall(tpl) if name not in declared
    )
    return Operation(
        method=method.upper(),
        path=tpl,
        operation_id=str(raw.get("operationId") or f"{method.upper()} {tpl}"),
        summary=str(raw.get("summary") or ""),
        description=str(raw.get("description") or ""),
        tags=tuple(str(t) for t in raw.get("tags") or ()),
        parameters=parameters,
        body_schema=schema,
        body_media_type=media,
        body_required=body_required,
        security=security,
        deprecated=bool(raw.get("deprecated")),
        body_properties=tuple(_properties(spec, schema)) if schema else (),
    )
