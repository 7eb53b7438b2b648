"""Gitea's generated OpenAPI 3 file with its two Go-template placeholders filled (as the set's
labelling folder did with prepare_spec.py): the server becomes https://gitea.example.com (path
/api/v1 kept) and the version 1.27.0+dev; nothing else changes.

Usage: python fill_spec.py templates/swagger/v1_openapi3_json.tmpl openapi.json
"""
import sys

src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
assert text.count("{{") == 2, "expected exactly the two template placeholders"
text = text.replace("{{.SwaggerAppSubUrl}}", "https://gitea.example.com").replace("{{.SwaggerAppVer}}", "1.27.0+dev")
open(out, "w", encoding="utf-8").write(text)
