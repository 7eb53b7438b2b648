"""Bundle Windmill's spec into one file: source.openapi.yaml + openflow.openapi.yaml -> openapi.yaml.

The repo's backend/windmill-api/openapi.yaml refers to ../../openflow.openapi.yaml (the repo root)
for the flow schemas; a labelled set holds one spec file, so the referenced schemas are copied into
components/schemas (no name clashes, checked) and the external refs point at them.
"""
import sys

import yaml

# args (all optional): the spec as taken, the referenced file, the output
source, openflow, output = (sys.argv[1:] + ["source.openapi.yaml", "openflow.openapi.yaml", "openapi.yaml"][len(sys.argv) - 1 :])[:3]
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
