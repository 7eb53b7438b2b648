"""Logto's generated spec with its one server fix-up (as the set's labelling folder saved it): the
server URL ``https://[tenant_id].logto.app/`` (a bracketed host, which ``urllib.parse.urlsplit``
rejects) becomes ``https://{tenant_id}.logto.app/`` with a ``tenant_id`` server variable whose
default is ``your-tenant-id``; nothing else changes (run.py checks the result by sha256_saved).

Usage: python fix_server.py openapi/logto-openapi-source.json openapi.json
"""
import sys

OLD = (
    '      "url": "https://[tenant_id].logto.app/",\n'
    '      "description": "Logto endpoint address."\n'
)
NEW = (
    '      "url": "https://{tenant_id}.logto.app/",\n'
    '      "description": "Logto endpoint address.",\n'
    '      "variables": {\n'
    '        "tenant_id": {\n'
    '          "default": "your-tenant-id"\n'
    '        }\n'
    '      }\n'
)

src, out = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8", newline="") as f:
    text = f.read()
assert text.count(OLD) == 1, "expected the server entry exactly once"
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write(text.replace(OLD, NEW))
