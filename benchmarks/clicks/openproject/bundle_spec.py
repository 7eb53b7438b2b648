#!/usr/bin/env python3
"""Bundle OpenProject's split APIv3 spec (docs/api/apiv3/openapi-spec.yml) into one JSON file.

A Python/PyYAML port of OpenProject's own assembler, lib/api/open_api.rb (the code that serves
/api/v3/spec.json): every node that is exactly {"$ref": "<relative file>"} reachable from the root
file is replaced by that file's content; inside the loaded file, relative refs are rewritten to
internal refs "#/<dir path>/<name>", where <name> is the key under which the root file registers
that file (e.g. ../components/schemas/x.yml -> #/components/schemas/X_Model). Internal "#/..."
refs are kept. Written because `redocly bundle` (js-yaml) refuses three source files that
Psych and PyYAML accept ("deficient indentation" in multi-line quoted scalars).

usage: bundle_spec.py ROOT_SPEC_YML OUT.json
"""
import json, os, sys
import yaml


def load(p):
    with open(p, encoding='utf-8') as f:
        return yaml.safe_load(f)


def main(root_file, out):
    root_dir = os.path.dirname(os.path.abspath(root_file))
    root = load(root_file)

    def schema_ref(ref, here):
        target = os.path.normpath(os.path.join(here, ref))
        rel_file = './' + os.path.relpath(target, root_dir)
        dirs = os.path.relpath(os.path.dirname(target), root_dir).split(os.sep)
        node = root
        for d in dirs:
            node = node[d]
        name = next((k for k, v in node.items() if isinstance(v, dict) and v.get('$ref') == rel_file), None)
        if name is None:
            raise SystemExit(f'{rel_file} not registered under {".".join(dirs)}')
        return '#/' + '/'.join(dirs + [name])

    def resolve(spec, here):  # inside a loaded file: relative refs -> internal refs
        if isinstance(spec, dict):
            if len(spec) == 1 and '$ref' in spec:
                r = spec['$ref']
                return {'$ref': schema_ref(r, here)} if r.startswith('.') else spec
            return {k: resolve(v, here) for k, v in spec.items()}
        if isinstance(spec, list):
            return [resolve(v, here) for v in spec]
        return spec

    def substitute(spec, here):  # root file: inline referenced files
        if isinstance(spec, dict):
            if len(spec) == 1 and '$ref' in spec:
                p = os.path.normpath(os.path.join(here, spec['$ref']))
                return resolve(load(p), os.path.dirname(p))
            return {k: substitute(v, here) for k, v in spec.items()}
        if isinstance(spec, list):
            return [substitute(v, here) for v in spec]
        return spec

    bundled = substitute(root, root_dir)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(bundled, f, indent=1, ensure_ascii=False, default=str)
        f.write('\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
