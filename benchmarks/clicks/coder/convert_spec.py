#!/usr/bin/env python3
"""Mechanical Swagger 2.0 -> OpenAPI 3.0.3 conversion of Coder's coderd/apidoc/swagger.json.

Usage: python convert_spec.py swagger.json openapi.json

Nothing is added, dropped or renamed except what the format change requires:
  * swagger: "2.0"            -> openapi: "3.0.3"
  * host/basePath/schemes     -> servers (Coder's swagger has no host and basePath "/";
                                 SERVER_URL below is the placeholder host that Coder's own
                                 generated API reference uses in its curl samples)
  * securityDefinitions       -> components.securitySchemes
  * definitions               -> components.schemas, every "#/definitions/X" ref rewritten
                                 to "#/components/schemas/X"
  * in: body parameter        -> requestBody (description, required, one content entry per
                                 media type in consumes, default application/json); the
                                 parameter's name is kept as x-codegen-request-body-name
  * in: formData parameters   -> requestBody whose schema is an object of those fields
                                 (type: file -> string/binary); if consumes names no form
                                 type and the only field is a file, the schema is the raw
                                 binary string
  * path/query/header params  -> type/format/items/enum/default moved under schema;
                                 collectionFormat csv/multi -> style form, explode false/true
  * responses                 -> schema moved under content, one entry per media type in
                                 produces (default application/json)
  * consumes/produces removed from operations; every path, method, operationId, summary,
    description, tag, security, deprecated flag and x-* extension is kept as is.
"""
import json
import sys

SERVER_URL = "http://coder-server:8080"
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
SCHEMA_KEYS = ("type", "format", "items", "enum", "default", "maximum", "minimum",
               "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
               "maxItems", "minItems", "uniqueItems", "multipleOf")


def fix_refs(x):
    if isinstance(x, dict):
        out = {}
        for k, v in x.items():
            if k == "$ref" and isinstance(v, str) and v.startswith("#/definitions/"):
                out[k] = "#/components/schemas/" + v[len("#/definitions/"):]
            else:
                out[k] = fix_refs(v)
        return out
    if isinstance(x, list):
        return [fix_refs(v) for v in x]
    return x


def file_to_binary(schema):
    if isinstance(schema, dict):
        if schema.get("type") == "file":
            schema = dict(schema)
            schema["type"] = "string"
            schema["format"] = "binary"
        if "items" in schema:
            schema = dict(schema)
            schema["items"] = file_to_binary(schema["items"])
    return schema


def convert_param(p):
    q = {}
    for k in ("name", "in", "description", "required"):
        if k in p:
            q[k] = p[k]
    if p["in"] == "path":
        q["required"] = True
    schema = {k: p[k] for k in SCHEMA_KEYS if k in p}
    cf = p.get("collectionFormat")
    if cf == "multi":
        q["style"], q["explode"] = "form", True
    elif cf == "csv":
        q["style"], q["explode"] = "form", False
    elif cf is not None:
        q["x-collectionFormat"] = cf
    for k, v in p.items():
        if k.startswith("x-"):
            q[k] = v
    q["schema"] = fix_refs(file_to_binary(schema))
    return q


def convert_operation(op, g_consumes, g_produces):
    consumes = op.get("consumes") or g_consumes or ["application/json"]
    produces = op.get("produces") or g_produces or ["application/json"]
    new = {}
    params, body, form = [], None, []
    for p in op.get("parameters", []):
        if p["in"] == "body":
            body = p
        elif p["in"] == "formData":
            form.append(p)
        else:
            params.append(convert_param(p))
    for k, v in op.items():
        if k in ("consumes", "produces"):
            continue
        if k == "parameters":
            if params:
                new["parameters"] = params
            if body is not None:
                rb = {}
                if "description" in body:
                    rb["description"] = body["description"]
                rb["content"] = {m: {"schema": fix_refs(body["schema"])} for m in consumes}
                if body.get("required"):
                    rb["required"] = True
                new["requestBody"] = rb
                new["x-codegen-request-body-name"] = body["name"]
            if form:
                props, req = {}, []
                for p in form:
                    s = {kk: p[kk] for kk in SCHEMA_KEYS if kk in p}
                    if "description" in p:
                        s["description"] = p["description"]
                    props[p["name"]] = file_to_binary(s)
                    if p.get("required"):
                        req.append(p["name"])
                obj = {"type": "object", "properties": props}
                if req:
                    obj["required"] = req
                media = [m for m in consumes if m in FORM_TYPES]
                if media:
                    content = {m: {"schema": obj} for m in media}
                elif len(form) == 1 and form[0].get("type") == "file":
                    bin_schema = {"type": "string", "format": "binary"}
                    if "description" in form[0]:
                        bin_schema["description"] = form[0]["description"]
                    content = {m: {"schema": bin_schema} for m in consumes}
                else:
                    content = {"multipart/form-data": {"schema": obj}}
                rb = {"content": content}
                if req:
                    rb["required"] = True
                new["requestBody"] = rb
            continue
        if k == "responses":
            resps = {}
            for code, r in v.items():
                nr = {kk: vv for kk, vv in r.items() if kk not in ("schema", "headers", "examples")}
                if "description" not in nr:
                    nr["description"] = ""
                if "headers" in r:
                    nr["headers"] = {h: {**({"description": hv["description"]} if "description" in hv else {}),
                                         "schema": {kk: hv[kk] for kk in SCHEMA_KEYS if kk in hv}}
                                     for h, hv in r["headers"].items()}
                if "schema" in r:
                    nr["content"] = {m: {"schema": fix_refs(file_to_binary(r["schema"]))} for m in produces}
                resps[code] = nr
            new["responses"] = resps
            continue
        new[k] = fix_refs(v)
    return new


def convert(sw):
    assert sw.get("swagger") == "2.0", "not a Swagger 2.0 document"
    out = {"openapi": "3.0.3", "info": sw["info"]}
    base = sw.get("basePath", "/")
    if "host" in sw:
        schemes = sw.get("schemes") or ["https"]
        servers = [{"url": f"{s}://{sw['host']}{'' if base == '/' else base}"} for s in schemes]
    else:
        servers = [{"url": SERVER_URL + ("" if base == "/" else base)}]
    out["servers"] = servers
    if "tags" in sw:
        out["tags"] = sw["tags"]
    if "security" in sw:
        out["security"] = sw["security"]
    paths = {}
    for path, item in sw["paths"].items():
        ni = {}
        shared = item.get("parameters", [])
        for method, op in item.items():
            if method == "parameters":
                continue
            if method.startswith("x-"):
                ni[method] = op
                continue
            if shared:
                names = {(p["in"], p["name"]) for p in op.get("parameters", [])}
                op = dict(op)
                op["parameters"] = [p for p in shared if (p["in"], p["name"]) not in names] + op.get("parameters", [])
            ni[method] = convert_operation(op, sw.get("consumes"), sw.get("produces"))
        paths[path] = ni
    out["paths"] = paths
    comps = {}
    if "definitions" in sw:
        comps["schemas"] = {k: fix_refs(v) for k, v in sw["definitions"].items()}
    if "securityDefinitions" in sw:
        ss = {}
        for name, d in sw["securityDefinitions"].items():
            if d["type"] == "apiKey":
                ss[name] = {"type": "apiKey", "name": d["name"], "in": d["in"]}
            elif d["type"] == "basic":
                ss[name] = {"type": "http", "scheme": "basic"}
            elif d["type"] == "oauth2":
                flow = {"implicit": "implicit", "password": "password",
                        "application": "clientCredentials", "accessCode": "authorizationCode"}[d["flow"]]
                f = {"scopes": d.get("scopes", {})}
                if "authorizationUrl" in d:
                    f["authorizationUrl"] = d["authorizationUrl"]
                if "tokenUrl" in d:
                    f["tokenUrl"] = d["tokenUrl"]
                ss[name] = {"type": "oauth2", "flows": {flow: f}}
            if "description" in d:
                ss[name]["description"] = d["description"]
        comps["securitySchemes"] = ss
    out["components"] = comps
    for k, v in sw.items():
        if k.startswith("x-"):
            out[k] = v
    return out


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        sw = json.load(f)
    oa = convert(sw)
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(oa, f, indent=2, ensure_ascii=False)
        f.write("\n")
    n_in = sum(1 for v in sw["paths"].values() for m in v if m != "parameters" and not m.startswith("x-"))
    n_out = sum(1 for v in oa["paths"].values() for m in v if not m.startswith("x-"))
    print(f"{len(oa['paths'])} paths, {n_out} operations (source {n_in}), "
          f"{len(oa['components'].get('schemas', {}))} schemas")


if __name__ == "__main__":
    main()
