"""The curls written for sample_site's how-to guides are valid and work against a mock server.

The mock server validates every request against sample_site/openapi.yaml with openapi-core and
answers 400 to anything the spec does not allow; the curls run with the real ``curl`` binary
through ``sh -c``, so quoting and environment placeholders are exercised as a user runs them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from curlcases import HOWTO, SAMPLE_SPEC

from llmsdocs.curl import CurlCall, build_curl, split_command, validate_curl
from llmsdocs.openapi import Operation, Spec
from llmsdocs.rewrite import curlify

FENCE_RE = re.compile(r"^( *)```shell\n(.*?)\n\1```", re.S | re.M)
PAGES = sorted(HOWTO.glob("*.md"))


def page_curls(spec: Spec) -> list[tuple[str, str]]:
    """(page name, command) for every curl curlify writes into the how-to guides."""
    out = []
    for page in PAGES:
        markdown = curlify(page.read_text(encoding="utf-8"), spec).markdown
        for m in FENCE_RE.finditer(markdown):
            body = "\n".join(line[len(m.group(1)) :] for line in m.group(2).split("\n"))
            out.append((page.name, body))
    return out


def op_for(spec: Spec, args: list[str]) -> Operation:
    """The operation a curl's method and URL path call (placeholders fill one segment)."""
    path = urlsplit(args[3]).path
    base = urlsplit(spec.servers[0]).path
    for op in spec.operations:
        template = re.sub(r"\\\{[^}]+\\\}", r"\\$\\{[A-Z_]+\\}", re.escape(base + op.path))
        if op.method == args[2] and re.fullmatch(template, path):
            return op
    raise AssertionError(f"no operation for {args[2]} {path}")


@pytest.fixture(scope="module")
def built_twin_curls(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """sample_site built with mkdocs + the llmsdocs plugin (openapi: openapi.yaml in mkdocs.yml):
    (twin, command) for every curl block curlify put into the generated ``.html.md`` twins."""
    target = tmp_path_factory.mktemp("curl-sample") / "sample_site"
    shutil.copytree(SAMPLE_SPEC.parent, target, ignore=shutil.ignore_patterns("site"))
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=target, check=True,
        capture_output=True, timeout=120, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    out = []
    for twin in sorted((target / "site").rglob("*.html.md")):
        text = twin.read_text(encoding="utf-8")
        for m in FENCE_RE.finditer(text):
            label = text[: m.start()].rstrip().rsplit("\n", 1)[-1].strip()
            if not label.startswith("With the API"):
                continue  # a call the page's authors wrote themselves
            body = "\n".join(line[len(m.group(1)) :] for line in m.group(2).split("\n"))
            out.append((str(twin.relative_to(target / "site")), body))
    return out


def test_every_curl_in_the_built_twins_validates(
    sample_spec: Spec, built_twin_curls: list[tuple[str, str]]
) -> None:
    """The twins of the built sample_site carry the guides' curls, each valid for the spec."""
    pages = {name.split("/")[1] for name, _ in built_twin_curls if name.startswith("how-to/")}
    assert pages == {p.stem for p in PAGES} - {"manage-billing"}
    for name, command in built_twin_curls:
        args = split_command(command)
        call = CurlCall(op_for(sample_spec, args), tuple(args), command, None, ())
        assert validate_curl(sample_spec, call) == [], (name, command)


def test_how_to_guides_get_curls_and_billing_stays_ui(sample_spec: Spec) -> None:
    """Every guide with API equivalents gets curls; the billing guide (no API) gets none."""
    by_page: dict[str, int] = {}
    for name, _ in page_curls(sample_spec):
        by_page[name] = by_page.get(name, 0) + 1
    assert "manage-billing.md" not in by_page
    assert {p.name for p in PAGES} - {"manage-billing.md"} <= set(by_page)


def test_every_written_curl_validates_against_the_spec(sample_spec: Spec) -> None:
    """Each written command parses back (shlex) into a call valid for its operation."""
    for name, command in page_curls(sample_spec):
        args = split_command(command)
        assert args[0] == "curl" and args[1] == "-X", (name, command)
        call = CurlCall(op_for(sample_spec, args), tuple(args), command, None, ())
        assert validate_curl(sample_spec, call) == [], (name, command)


def test_every_operation_builds_a_valid_curl(sample_spec: Spec) -> None:
    """The builder gives a spec-valid call for all operations (bodies pass their JSON Schema)."""
    for op in sample_spec.operations:
        call = build_curl(sample_spec, op)
        assert validate_curl(sample_spec, call) == [], op.operation_id
        assert split_command(call.command) == list(call.args)


def test_invalid_call_is_reported_not_written(sample_spec: Spec) -> None:
    """A body that breaks the schema is caught by validation (and so never written)."""
    op = sample_spec.by_id["createFlag"]
    good = build_curl(sample_spec, op)
    bad_args = list(good.args)
    bad_args[-1] = json.dumps({"key": "Not A Key!", "name": ""})
    bad = CurlCall(op, tuple(bad_args), good.command.rsplit("-d ", 1)[0] + "-d " + repr(bad_args[-1]), None, ())
    problems = validate_curl(sample_spec, bad)
    assert any(p.startswith("key:") for p in problems) and any(p.startswith("name:") for p in problems)


def test_quoting_keeps_placeholders_live_and_literals_literal(sample_spec: Spec) -> None:
    """Env placeholders sit in double quotes; a literal with quotes and $ stays one argument."""
    op = sample_spec.by_id["createProject"]
    call = build_curl(sample_spec, op)
    assert '-H "Authorization: Bearer $TIDEPOOL_API_KEY"' in call.command
    from llmsdocs.curl import _dq

    assert _dq("https://x/projects/${PROJECT_ID}", {"PROJECT_ID"}) == '"https://x/projects/${PROJECT_ID}"'
    tricky = 'it\'s "$HOME" `x` \\ $TIDEPOOL_API_KEY'
    quoted = _dq(tricky, {"TIDEPOOL_API_KEY"})
    assert split_command(quoted) == [tricky]
    out = subprocess.run(
        ["sh", "-c", f"printf %s {quoted}"], capture_output=True, text=True,
        env={"TIDEPOOL_API_KEY": "k1", "HOME": "/h", "PATH": os.environ["PATH"]}, check=True,
    ).stdout
    assert out == 'it\'s "$HOME" `x` \\ k1'


# --- the mock server ------------------------------------------------------------------------
class _Validator:
    def __init__(self, spec_path: Path) -> None:
        from openapi_core import OpenAPI

        self.api = OpenAPI.from_file_path(str(spec_path))
        self.seen: list[tuple[str, str]] = []

    def check(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> list[str]:
        from openapi_core.testing import MockRequest

        parts = urlsplit(raw_path)
        args = {k: v[0] for k, v in parse_qs(parts.query).items()}
        request = MockRequest(
            "https://us.api.tidepool.dev",
            method.lower(),
            parts.path,
            args=args,
            headers=headers,
            data=body or None,
            content_type=headers.get("Content-Type", "application/json"),
        )
        try:
            self.api.validate_request(request)
        except Exception as exc:  # openapi-core raises one of many validation errors
            detail = getattr(exc, "__cause__", None) or exc
            return [f"{type(exc).__name__}: {detail}"]
        self.seen.append((method, parts.path))
        return []


@pytest.fixture(scope="module")
def mock_server() -> Iterator[tuple[str, _Validator]]:
    """A loopback server that answers 200 to spec-valid requests and 400 to the rest."""
    validator = _Validator(SAMPLE_SPEC)

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k: v for k, v in self.headers.items()}
            problems = validator.check(self.command, self.path, headers, body)
            payload = json.dumps({"errors": problems}).encode()
            self.send_response(400 if problems else 200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", validator
    finally:
        server.shutdown()
        server.server_close()


def _run(command: str, base: str) -> subprocess.CompletedProcess[str]:
    local = command.replace("https://us.api.tidepool.dev/v1", base)
    env = {"PATH": os.environ["PATH"], "TIDEPOOL_API_KEY": "tp_test_key"}
    for name in set(re.findall(r"\$\{([A-Z_]+)\}", local)):
        env[name] = "example-" + name.lower().replace("_", "-")
    return subprocess.run(
        ["sh", "-c", local + " --silent --show-error --fail-with-body --max-time 10"],
        capture_output=True, text=True, env=env, timeout=30,
    )


def test_written_curls_work_against_a_spec_checking_server(
    sample_spec: Spec, mock_server: tuple[str, _Validator], built_twin_curls: list[tuple[str, str]]
) -> None:
    """Every curl in the built twins, run with real curl, is accepted by the checking server."""
    base, validator = mock_server
    before = len(validator.seen)
    assert len(built_twin_curls) >= 15
    for name, command in built_twin_curls:
        result = _run(command, base)
        assert result.returncode == 0, (name, command, result.stdout, result.stderr)
    assert len(validator.seen) - before == len(built_twin_curls)


def test_mock_server_rejects_what_the_spec_does_not_allow(
    mock_server: tuple[str, _Validator],
) -> None:
    """The server is a real check: a wrong body, path or missing auth fails."""
    base, _ = mock_server
    bad = [
        f'curl -X POST "{base}/projects" -H "Authorization: Bearer x" -H "Content-Type: application/json" -d \'{{"nom": 1}}\'',
        f'curl -X POST "{base}/nowhere" -H "Authorization: Bearer x"',
        f'curl -X DELETE "{base}/projects/p1"',
    ]
    for command in bad:
        assert _run(command, base).returncode != 0, command


def _named_create_spec(folder: Path, title: str, path: str, op_id: str, **top: Any) -> Spec:
    """A spec of one POST whose body requires a name; ``top`` adds top-level keys (servers, auth)."""
    from llmsdocs.openapi import load_spec

    body = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    post = {"operationId": op_id, "responses": {"201": {"description": "ok"}},
            "requestBody": {"content": {"application/json": {"schema": body}}}}
    doc = {"openapi": "3.1.0", "info": {"title": title, "version": "1"}, **top, "paths": {path: {"post": post}}}
    (folder / "schema.json").write_text(json.dumps(doc), encoding="utf-8")
    return load_spec(folder / "schema.json")


def test_a_relative_server_is_the_readers_own_install(tmp_path: Path) -> None:
    """authentik's schema says `servers: [{url: /api/v3}]`: each install serves its own API, so
    the address is a placeholder like the key, and the command still validates."""
    spec = _named_create_spec(
        tmp_path, "authentik", "/core/groups/", "core_groups_create", openapi="3.0.3",
        servers=[{"url": "/api/v3"}], security=[{"authentik": []}],
        components={"securitySchemes": {"authentik": {"type": "http", "scheme": "bearer"}}},
    )
    call = build_curl(spec, spec.by_id["core_groups_create"])
    assert call.command.startswith('curl -X POST "${AUTHENTIK_URL}/api/v3/core/groups/"')
    assert split_command(call.command)[3] == "${AUTHENTIK_URL}/api/v3/core/groups/"
    assert validate_curl(spec, call) == []
    wrong = CurlCall(call.operation, tuple(a.replace("/core/groups/", "/core/users/") for a in call.args),
                     call.command.replace("/core/groups/", "/core/users/"), call.body, call.env)
    assert any("does not match" in p for p in validate_curl(spec, wrong))


def test_a_spec_without_servers_is_served_at_the_readers_own_root(tmp_path: Path) -> None:
    """Prefect's server schema names no servers: OpenAPI then means "/", the install's own root,
    so the address is a placeholder, not a made-up host that no request would reach."""
    spec = _named_create_spec(tmp_path, "Prefect Server", "/variables/", "create_variable")
    call = build_curl(spec, spec.by_id["create_variable"])
    assert split_command(call.command)[3] == "${PREFECT_URL}/variables/"
    assert "PREFECT_URL" in call.env
    assert validate_curl(spec, call) == []


@pytest.mark.parametrize("url", ["https://[tenant_id].logto.app/", "https://{tenant_id}.logto.app/"])
def test_a_server_variable_without_a_default_is_the_readers_own(tmp_path: Path, url: str) -> None:
    """Logto's spec serves each tenant at `https://[tenant_id].logto.app/` (brackets, not OpenAPI's
    braces: an invalid IPv6 literal to URL parsers, a glob to curl). Either way the tenant is a
    placeholder the reader sets, like a path parameter, and the command validates."""
    spec = _named_create_spec(tmp_path, "Logto API references", "/api/users", "CreateUser",
                              servers=[{"url": url}])
    call = build_curl(spec, spec.by_id["CreateUser"])
    assert call.command.startswith('curl -X POST "https://${TENANT_ID}.logto.app/api/users"')
    assert "TENANT_ID" in call.env
    assert validate_curl(spec, call) == []
    page = "## Users\n\n1. Open **User management**.\n2. Click **Add user**.\n"
    assert "${TENANT_ID}.logto.app/api/users" in curlify(page, spec).markdown


@pytest.mark.parametrize(("url", "written"), [
    ("https://{{host}}", "https://console.pomerium.app/routes"),  # the default, once filled in
    ("https://{{tenant}}.pomerium.app", "https://${TENANT}.pomerium.app/routes"),  # no default
])
def test_a_server_variable_in_double_braces_is_one_variable(tmp_path: Path, url: str, written: str) -> None:
    """Pomerium's spec writes its server as `https://{{host}}` (a template tool's braces) with
    `host` defaulting to `console.pomerium.app`: the call had gone to `https://{${HOST}}`."""
    server = {"url": url, "variables": {"host": {"default": "console.pomerium.app"}}}
    spec = _named_create_spec(tmp_path, "Pomerium API", "/routes", "CreateRoute", servers=[server])
    call = build_curl(spec, spec.by_id["CreateRoute"])
    assert split_command(call.command)[3] == written
    assert validate_curl(spec, call) == []
