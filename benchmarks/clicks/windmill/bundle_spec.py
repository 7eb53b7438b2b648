"""Bundle Windmill's spec into one file.

Usage: python bundle_spec.py backend/windmill-api/openapi.yaml openflow.openapi.yaml openapi.yaml

The repo's backend/windmill-api/openapi.yaml refers to ../../openflow.openapi.yaml (the repo root)
for the flow schemas; a labelled set holds one spec file, so the referenced schemas are copied into
components/schemas (each replacing the spec's one-line `$ref` stub of the same name, checked) and
the external refs point at them.
"""
import sys

import yaml

source, openflow, output = sys.argv[1:4]
src = open(source).read()
flow = yaml.safe_load(open(openflow))
EXT = "../../openflow.openapi.yaml#/components/schemas/"
spec = yaml.safe_load(src)
schemas = spec["components"]["schemas"]
for name, body in flow["components"]["schemas"].items():
    if name in schemas:  # the spec inlines each flow schema as `Name: {$ref: <openflow>#/.../Name}`
        assert schemas[name] == {"$ref": EXT + name}, name
    schemas[name] = body
spec = yaml.safe_load(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True).replace(EXT, "#/components/schemas/"))
text = yaml.safe_dump(spec, sort_keys=False, allow_unicode=True)
assert "openflow.openapi.yaml" not in text
open(output, "w").write(text)
