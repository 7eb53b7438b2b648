#!/usr/bin/env python3
"""Merge Rocket.Chat's split REST API description (RocketChat/Rocket.Chat-Open-API, one
OpenAPI 3.0.0 file per area) into one openapi.yaml.

Mechanical merge, no edits to operations:
- every *.yaml in SRC_DIR except marketplace-apps.yaml (its first line says the marketplace
  endpoints were pulled from the docs; three of its paths repeat miscellaneous.yaml);
- `paths` are concatenated (no path occurs in two files; the script checks);
- components are namespaced per file: `#/components/parameters/UserId` in rooms.yaml becomes
  `#/components/parameters/rooms__UserId` (17 names collide with different content across files);
- YAML scalars keep their types (some examples are YAML dates, so JSON output was not used);
- `tags` are concatenated, first occurrence of a name wins; `servers` is the common value
  (`https://apiexplorer.support.rocket.chat`, identical in all files); `info` is new.

usage: bundle_spec.py SRC_DIR OUT.yaml
"""
import glob, os, sys
import yaml

SKIP = {'marketplace-apps.yaml'}


def main(src, out):
    merged = {'openapi': '3.0.0',
              'info': {'title': 'Rocket.Chat REST API (merged from RocketChat/Rocket.Chat-Open-API)',
                       'version': '1.0.0'},
              'servers': None, 'tags': [], 'paths': {}, 'components': {}}
    seen_tags, op_ids = set(), set()
    for f in sorted(glob.glob(os.path.join(src, '*.yaml'))):
        base = os.path.basename(f)
        if base in SKIP:
            continue
        ns = base[:-5].replace('-', '_') + '__'
        with open(f, encoding='utf-8') as fh:
            d = yaml.safe_load(fh)
        if merged['servers'] is None:
            merged['servers'] = d['servers']
        assert d['servers'] == merged['servers'], base

        def fix(node):
            if isinstance(node, dict):
                out = {}
                for k, v in node.items():
                    if k == '$ref' and isinstance(v, str) and v.startswith('#/components/'):
                        parts = v.split('/')
                        parts[3] = ns + parts[3]
                        v = '/'.join(parts)
                    out[k] = fix(v)
                return out
            if isinstance(node, list):
                return [fix(x) for x in node]
            return node

        for t in d.get('tags') or []:
            if t['name'] not in seen_tags:
                seen_tags.add(t['name'])
                merged['tags'].append(t)
        for p, item in (d.get('paths') or {}).items():
            assert p not in merged['paths'], (p, base)
            for m, op in item.items():
                if isinstance(op, dict) and 'operationId' in op:
                    assert op['operationId'] not in op_ids, op['operationId']
                    op_ids.add(op['operationId'])
            merged['paths'][p] = fix(item)
        for kind, items in (d.get('components') or {}).items():
            for name, val in (items or {}).items():
                merged['components'].setdefault(kind, {})[ns + name] = fix(val)
    with open(out, 'w', encoding='utf-8') as fh:
        yaml.safe_dump(merged, fh, sort_keys=False, allow_unicode=True, width=1000)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
