"""Mechanical Swagger 2.0 -> OpenAPI 3.0.3 conversion of Woodpecker's API spec.

Usage: python convert_spec.py DOCS_GO openapi.json [swagger.json]
  DOCS_GO = cmd/server/openapi/docs.go from woodpecker-ci/woodpecker (read with git show).

Step 1, render the swaggo template exactly as the server does at run time
(swag.Spec.ReadDoc with the SwaggerInfo values of that file):
  {{ marshal .Schemes }} -> []          (Schemes: []string{})
  {{escape .Description}} -> the Description string, JSON-escaped
  {{.Title}}            -> "Woodpecker CI API"
  {{.Version}}          -> "dev"       (version.String() when no ldflags version is set)
  {{.Host}}             -> ""          (cmd/server/openapi_json_gen.go also deletes "host")
  {{.BasePath}}         -> "/api"
  Title/Description/BasePath are read from the SwaggerInfo block of DOCS_GO itself.

Step 2, convert (nothing added, dropped or renamed beyond what the format change needs):
  swagger "2.0"          -> openapi "3.0.3"
  host/basePath/schemes  -> servers. The host is empty upstream, so SERVER_HOST below is a
                            placeholder; the url is SERVER_HOST + basePath ("/api").
  securityDefinitions    -> components.securitySchemes (Woodpecker has none; it documents
                            the token as an "Authorization" header parameter, kept as is)
  definitions            -> components.schemas, "#/definitions/X" -> "#/components/schemas/X"
  in: body parameter     -> requestBody (description, required, content per consumes media
                            type, default application/json); name kept as x-codegen-request-body-name
  in: formData params    -> requestBody with an object schema of those fields
  path/query/header      -> type/format/items/enum/default/... moved under schema
  responses              -> schema moved under content per produces media type
  consumes/produces removed from operations; paths, methods, operationIds, summaries,
  descriptions, tags, security and x-* are kept as is.
"""
import json
import re
import sys
from typing import Any

SERVER_HOST = "https://woodpecker.example.com"
SCHEMA_KEYS = ("type", "format", "items", "enum", "default", "maximum", "minimum",
               "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
               "maxItems", "minItems", "uniqueItems", "multipleOf")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


def go_string(src: str, field: str) -> str:
    m = re.search(r'\n\s*' + field + r':\s*"((?:[^"\\]|\\.)*)"', src)
    return str(json.loads('"' + m.group(1) + '"')) if m else ""


def render(src: str) -> Any:
    found = re.search(r'const docTemplate = `(.*?)`\n', src, re.DOTALL)
    assert found, "no docTemplate"
    tmpl = found.group(1)
    vals = {
        "{{ marshal .Schemes }}": "[]",
        "{{escape .Description}}": json.dumps(go_string(src, "Description"))[1:-1],
        "{{.Title}}": go_string(src, "Title"),
        "{{.Version}}": "dev",
        "{{.Host}}": go_string(src, "Host"),
        "{{.BasePath}}": go_string(src, "BasePath"),
    }
    for k, v in vals.items():
        assert k in tmpl, k
        tmpl = tmpl.replace(k, v)
    assert "{{" not in tmpl
    doc = json.loads(tmpl)
    if not doc.get("host"):
        doc.pop("host", None)  # as openapi_json_gen.go removeHost()
    return doc


def fix_refs(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: ("#/components/schemas/" + v[len("#/definitions/"):]
                    if k == "$ref" and isinstance(v, str) and v.startswith("#/definitions/")
                    else fix_refs(v)) for k, v in x.items()}
    if isinstance(x, list):
        return [fix_refs(v) for v in x]
    return x


def file_to_binary(s: Any) -> Any:
    if isinstance(s, dict) and s.get("type") == "file":
        s = dict(s, type="string", format="binary")
    return s


def convert_param(p: Any) -> Any:
    q = {k: p[k] for k in ("name", "in", "description", "required") if k in p}
    if p["in"] == "path":
        q["required"] = True
    q["schema"] = {k: p[k] for k in SCHEMA_KEYS if k in p}
    cf = p.get("collectionFormat")
    if cf == "multi":
        q["style"], q["explode"] = "form", True
    elif cf == "csv":
        q["style"], q["explode"] = "form", False
    for k, v in p.items():
        if k.startswith("x-"):
            q[k] = v
    return q


def convert_op(op: Any, g_consumes: Any, g_produces: Any) -> Any:
    op = dict(op)
    consumes = op.pop("consumes", None) or g_consumes or ["application/json"]
    produces = op.pop("produces", None) or g_produces or ["application/json"]
    params, form = [], []
    for p in op.pop("parameters", []):
        if p.get("in") == "body":
            rb = {}
            if "description" in p:
                rb["description"] = p["description"]
            if p.get("required"):
                rb["required"] = True
            rb["content"] = {mt: {"schema": p.get("schema", {})} for mt in consumes}
            op["requestBody"] = rb
            op["x-codegen-request-body-name"] = p["name"]
        elif p.get("in") == "formData":
            form.append(p)
        else:
            params.append(convert_param(p))
    if form:
        props, req = {}, []
        for p in form:
            props[p["name"]] = file_to_binary({k: p[k] for k in SCHEMA_KEYS + ("description",) if k in p})
            if p.get("required"):
                req.append(p["name"])
        schema = {"type": "object", "properties": props}
        if req:
            schema["required"] = req
        mts = [m for m in consumes if m in ("multipart/form-data", "application/x-www-form-urlencoded")] or ["multipart/form-data"]
        op["requestBody"] = {"content": {mt: {"schema": schema} for mt in mts}}
    if params:
        op["parameters"] = params
    resps = {}
    for code, r in op.get("responses", {}).items():
        r = dict(r)
        if "description" not in r:
            r["description"] = ""
        if "schema" in r:
            s = file_to_binary(r.pop("schema"))
            r["content"] = {mt: {"schema": s} for mt in produces}
        if "headers" in r:
            r["headers"] = {h: {k: v for k, v in hv.items() if k == "description"} |
                            {"schema": {k: v for k, v in hv.items() if k in SCHEMA_KEYS}}
                            for h, hv in r["headers"].items()}
        resps[code] = r
    op["responses"] = resps
    return op


def convert(doc: Any) -> Any:
    out = {"openapi": "3.0.3", "info": doc["info"]}
    base = doc.get("basePath", "") or ""
    host = doc.get("host") or SERVER_HOST
    if "://" not in host:
        host = (doc.get("schemes") or ["https"])[0] + "://" + host
    out["servers"] = [{"url": host.rstrip("/") + base}]
    if "tags" in doc:
        out["tags"] = doc["tags"]
    g_consumes, g_produces = doc.get("consumes"), doc.get("produces")
    paths = {}
    for path, item in doc.get("paths", {}).items():
        new = {}
        shared = [convert_param(p) for p in item.get("parameters", []) if p.get("in") not in ("body", "formData")]
        if shared:
            new["parameters"] = shared
        for m, op in item.items():
            if m in METHODS:
                new[m] = convert_op(op, g_consumes, g_produces)
            elif m.startswith("x-"):
                new[m] = op
        paths[path] = new
    out["paths"] = paths
    comps = {}
    if "definitions" in doc:
        comps["schemas"] = doc["definitions"]
    if "securityDefinitions" in doc:
        ss = {}
        for name, d in doc["securityDefinitions"].items():
            if d.get("type") == "basic":
                ss[name] = {"type": "http", "scheme": "basic"}
            elif d.get("type") == "apiKey":
                ss[name] = {k: d[k] for k in ("type", "name", "in", "description") if k in d}
            else:
                ss[name] = d
        comps["securitySchemes"] = ss
    if comps:
        out["components"] = comps
    for k in ("security", "externalDocs"):
        if k in doc:
            out[k] = doc[k]
    for k, v in doc.items():
        if k.startswith("x-"):
            out[k] = v
    return fix_refs(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        src = f.read()
    doc2 = render(src)
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            json.dump(doc2, f, indent=2, ensure_ascii=False)
            f.write("\n")
    doc3 = convert(doc2)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(doc3, f, indent=2, ensure_ascii=False)
        f.write("\n")
    n = sum(1 for p in doc3["paths"].values() for m in p if m in METHODS)
    print(f"{len(doc3['paths'])} paths, {n} operations, {len(doc3.get('components', {}).get('schemas', {}))} schemas")
