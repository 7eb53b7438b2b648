"""Convert a Swagger 2.0 spec to OpenAPI 3.0.3 JSON: Harbor's (api/v2.0/swagger.yaml) and
Casdoor's (swagger/swagger.yml), each taken byte-exact from its repository with
`git show <commit>:<path>` (see each set's SOURCE.md / sources.json). A file without `host`
(Casdoor's, basePath `/`) gets no `servers` entry (OpenAPI 3 then defaults to `/`).

Pure Python + PyYAML, no network. Usage:

    python swagger2_to_openapi3.py swagger.yaml openapi.json          # convert
    python swagger2_to_openapi3.py --check swagger.yaml openapi.json  # compare paths/methods/bodies

What the conversion does (the usual Swagger 2 -> OpenAPI 3 mapping):
- swagger/host/basePath/schemes -> openapi 3.0.3 + servers (https first, then http).
- definitions -> components.schemas; securityDefinitions -> components.securitySchemes
  (type basic -> http/basic); responses -> components.responses.
- global non-body parameters -> components.parameters; global body parameters (none in
  either file) -> components.requestBodies.
- operation `in: body` parameter -> requestBody (application/json; `required` kept,
  `description` kept, schema kept); `in: formData` (Casdoor's file has some, Harbor's none) -> a form body.
- non-body parameters: type/format/items/enum/default/minimum/maximum/pattern/... moved into
  `schema`; collectionFormat -> style/explode.
- responses: schema -> content[<produces>].schema (operation `produces`, else global);
  headers' type/format moved into schema; `type: file` -> string/binary.
- schemas: x-nullable -> nullable; $ref '#/definitions/X' -> '#/components/schemas/X',
  '#/parameters/X' -> '#/components/parameters/X', '#/responses/X' -> '#/components/responses/X'.
- every other key (summary, description, operationId, tags, deprecated, security, x-*)
  is kept as it is. Key order is kept.
"""
import json
import sys

import yaml

PARAM_SCHEMA_KEYS = ['type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum',
                     'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength',
                     'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf']


def fix_refs(node):
    """Rewrite $ref targets and Swagger-2-only schema keywords, recursively."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == '$ref' and isinstance(v, str):
                v = (v.replace('#/definitions/', '#/components/schemas/')
                      .replace('#/parameters/', '#/components/parameters/')
                      .replace('#/responses/', '#/components/responses/'))
                out[k] = v
            elif k == 'x-nullable':
                out['nullable'] = v
            else:
                out[k] = fix_refs(v)
        if out.get('type') == 'file':
            out['type'] = 'string'
            out['format'] = 'binary'
        return out
    if isinstance(node, list):
        return [fix_refs(x) for x in node]
    return node


def items_schema(items):
    items = dict(items)
    items.pop('collectionFormat', None)
    if 'items' in items:
        items['items'] = items_schema(items['items'])
    return fix_refs(items)


def convert_param(p):
    """A non-body Swagger 2 parameter -> OpenAPI 3 parameter."""
    if '$ref' in p:
        return fix_refs(p)
    q = {}
    schema = {}
    for k, v in p.items():
        if k in PARAM_SCHEMA_KEYS:
            schema[k] = items_schema(v) if k == 'items' else v
        elif k == 'collectionFormat' or k == 'allowEmptyValue' and p.get('in') != 'query':
            continue
        elif k == 'x-nullable':
            schema['nullable'] = v
        else:
            q[k] = fix_refs(v)
    cf = p.get('collectionFormat')
    if p.get('type') == 'array' and cf:
        if cf == 'multi':
            q['style'], q['explode'] = 'form', True
        elif cf == 'csv':
            q['style'] = 'form' if p.get('in') in ('query', 'cookie') else 'simple'
            q['explode'] = False
        elif cf == 'ssv':
            q['style'] = 'spaceDelimited'
            q['explode'] = False
        elif cf == 'pipes':
            q['style'] = 'pipeDelimited'
            q['explode'] = False
    if schema.get('type') == 'file':
        schema['type'], schema['format'] = 'string', 'binary'
    q['schema'] = schema
    if q.get('in') == 'path':
        q['required'] = True
    return q


def body_to_request_body(p, consumes):
    rb = {}
    if 'description' in p:
        rb['description'] = p['description']
    rb['content'] = {ct: {'schema': fix_refs(p.get('schema', {}))} for ct in consumes}
    if p.get('required'):
        rb['required'] = True
    for k, v in p.items():
        if k.startswith('x-'):
            rb[k] = v
    return rb


def form_to_request_body(params, consumes):
    ct = 'multipart/form-data' if ('multipart/form-data' in consumes or
                                   any(p.get('type') == 'file' for p in params)) \
        else 'application/x-www-form-urlencoded'
    props, required = {}, []
    for p in params:
        s = convert_param(p)['schema']
        if 'description' in p:
            s['description'] = p['description']
        props[p['name']] = s
        if p.get('required'):
            required.append(p['name'])
    schema = {'type': 'object', 'properties': props}
    if required:
        schema['required'] = required
    return {'content': {ct: {'schema': schema}}, 'required': bool(required)}


def convert_response(r, produces):
    if '$ref' in r:
        return fix_refs(r)
    out = {}
    for k, v in r.items():
        if k == 'schema':
            out['content'] = {ct: {'schema': fix_refs(v)} for ct in produces}
        elif k == 'headers':
            hs = {}
            for hn, h in v.items():
                h2 = {}
                sch = {}
                for hk, hv in h.items():
                    if hk in PARAM_SCHEMA_KEYS:
                        sch[hk] = items_schema(hv) if hk == 'items' else hv
                    elif hk == 'collectionFormat':
                        continue
                    else:
                        h2[hk] = hv
                h2['schema'] = sch
                hs[hn] = h2
            out['headers'] = hs
        elif k == 'examples':
            continue  # Swagger 2 mime-keyed examples; none in either file
        else:
            out[k] = fix_refs(v)
    if 'description' not in out:
        out['description'] = ''
    return out


def convert(sw):
    assert sw.get('swagger') == '2.0', 'not a Swagger 2.0 document'
    g_consumes = sw.get('consumes') or ['application/json']
    g_produces = sw.get('produces') or ['application/json']
    oa = {'openapi': '3.0.3', 'info': sw['info']}
    if 'host' in sw:  # Casdoor's file has no host: leave servers out (Harbor's has one)
        host = sw['host']
        base = sw.get('basePath', '')
        schemes = sw.get('schemes') or ['https']
        schemes = sorted(schemes, key=lambda s: 0 if s == 'https' else 1)
        oa['servers'] = [{'url': f'{s}://{host}{base}'} for s in schemes]
    if 'security' in sw:
        oa['security'] = sw['security']
    for k in ('tags', 'externalDocs'):
        if k in sw:
            oa[k] = sw[k]

    g_params = sw.get('parameters', {})
    body_param_names = {n for n, p in g_params.items() if p.get('in') == 'body'}

    def resolve(p):
        if '$ref' in p and p['$ref'].startswith('#/parameters/'):
            return g_params[p['$ref'].split('/')[-1]]
        return p

    paths = {}
    for path, item in sw['paths'].items():
        new_item = {}
        path_params = item.get('parameters', [])
        for method, op in item.items():
            if method == 'parameters':
                new_item['parameters'] = [convert_param(p) for p in path_params
                                          if resolve(p).get('in') not in ('body', 'formData')]
                continue
            if method.startswith('x-'):
                new_item[method] = op
                continue
            consumes = op.get('consumes') or g_consumes
            produces = op.get('produces') or g_produces
            new_op = {}
            params, body, forms = [], None, []
            for p in op.get('parameters', []):
                rp = resolve(p)
                if rp.get('in') == 'body':
                    if '$ref' in p and p['$ref'].split('/')[-1] in body_param_names:
                        body = {'$ref': '#/components/requestBodies/' + p['$ref'].split('/')[-1]}
                    else:
                        body = body_to_request_body(rp, consumes)
                elif rp.get('in') == 'formData':
                    forms.append(rp)
                else:
                    params.append(convert_param(p))
            for k, v in op.items():
                if k in ('consumes', 'produces'):
                    continue
                if k == 'parameters':
                    if params:
                        new_op['parameters'] = params
                    if body is not None:
                        new_op['requestBody'] = body
                    elif forms:
                        new_op['requestBody'] = form_to_request_body(forms, consumes)
                elif k == 'responses':
                    new_op['responses'] = {code: convert_response(r, produces)
                                           for code, r in v.items()}
                else:
                    new_op[k] = fix_refs(v)
            new_item[method] = new_op
        paths[path] = new_item
    oa['paths'] = paths

    comp = {}
    comp['schemas'] = {n: fix_refs(s) for n, s in sw.get('definitions', {}).items()}
    comp['responses'] = {n: convert_response(r, g_produces)
                         for n, r in sw.get('responses', {}).items()}
    comp['parameters'] = {n: convert_param(p) for n, p in g_params.items()
                          if p.get('in') not in ('body', 'formData')}
    rbs = {n: body_to_request_body(p, g_consumes) for n, p in g_params.items()
           if p.get('in') == 'body'}
    if rbs:
        comp['requestBodies'] = rbs
    ss = {}
    for n, d in sw.get('securityDefinitions', {}).items():
        if d.get('type') == 'basic':
            ss[n] = {'type': 'http', 'scheme': 'basic'}
            if 'description' in d:
                ss[n]['description'] = d['description']
        elif d.get('type') == 'apiKey':
            ss[n] = {k: d[k] for k in ('type', 'name', 'in', 'description') if k in d}
        elif d.get('type') == 'oauth2':
            flow_name = {'implicit': 'implicit', 'password': 'password',
                         'application': 'clientCredentials',
                         'accessCode': 'authorizationCode'}[d['flow']]
            flow = {'scopes': d.get('scopes', {})}
            if 'authorizationUrl' in d:
                flow['authorizationUrl'] = d['authorizationUrl']
            if 'tokenUrl' in d:
                flow['tokenUrl'] = d['tokenUrl']
            ss[n] = {'type': 'oauth2', 'flows': {flow_name: flow}}
    comp['securitySchemes'] = ss
    oa['components'] = comp
    for k, v in sw.items():
        if k.startswith('x-'):
            oa[k] = v
    return oa


def check(sw, oa):
    """Paths, methods, operationIds, parameters and request bodies must match the original."""
    problems = []
    g_params = sw.get('parameters', {})

    def res_sw(p):
        return g_params[p['$ref'].split('/')[-1]] if '$ref' in p else p

    def res_oa(p):
        return oa['components']['parameters'][p['$ref'].split('/')[-1]] if '$ref' in p else p

    def deref_sw(s):
        return s

    if list(sw['paths']) != list(oa['paths']):
        problems.append('path lists differ')
    n_ops = n_bodies = n_params = 0
    for path, item in sw['paths'].items():
        oitem = oa['paths'].get(path, {})
        sm = [m for m in item if m != 'parameters' and not m.startswith('x-')]
        om = [m for m in oitem if m != 'parameters' and not m.startswith('x-')]
        if sm != om:
            problems.append(f'{path}: methods {sm} != {om}')
            continue
        for m in sm:
            n_ops += 1
            so, oo = item[m], oitem[m]
            for k in ('operationId', 'summary', 'tags', 'deprecated'):
                if so.get(k) != oo.get(k):
                    problems.append(f'{m.upper()} {path}: {k} differs')
            sps = [res_sw(p) for p in so.get('parameters', [])]
            body = [p for p in sps if p['in'] == 'body']
            nonbody = [(p['in'], p['name'], bool(p.get('required')) or p['in'] == 'path',
                        p.get('type')) for p in sps if p['in'] not in ('body', 'formData')]
            ops_ = [res_oa(p) for p in oo.get('parameters', [])]
            onb = [(p['in'], p['name'], bool(p.get('required')), p['schema'].get('type'))
                   for p in ops_]
            n_params += len(onb)
            if nonbody != onb:
                problems.append(f'{m.upper()} {path}: parameters differ {nonbody} != {onb}')
            rb = oo.get('requestBody')
            if body:
                n_bodies += 1
                b = body[0]
                if not rb:
                    problems.append(f'{m.upper()} {path}: body lost')
                    continue
                want = json.dumps(fix_refs(b.get('schema', {})), sort_keys=True)
                got = json.dumps(rb['content']['application/json']['schema'], sort_keys=True)
                if want != got:
                    problems.append(f'{m.upper()} {path}: body schema differs')
                if bool(b.get('required')) != bool(rb.get('required')):
                    problems.append(f'{m.upper()} {path}: body required differs')
                # the referenced body schema names must resolve
                ref = rb['content']['application/json']['schema'].get('$ref') \
                    or rb['content']['application/json']['schema'].get('items', {}).get('$ref')
                if ref and ref.split('/')[-1] not in oa['components']['schemas']:
                    problems.append(f'{m.upper()} {path}: body $ref {ref} unresolved')
            elif rb:
                forms = [p['name'] for p in sps if p['in'] == 'formData']
                got = list(next(iter(rb['content'].values()))['schema'].get('properties', {}))
                if forms != got:
                    problems.append(f'{m.upper()} {path}: unexpected body')
                else:
                    n_bodies += 1
            if list(so['responses']) != list(oo['responses']):
                problems.append(f'{m.upper()} {path}: response codes differ')
    if set(sw.get('definitions', {})) != set(oa['components']['schemas']):
        problems.append('schema names differ')
    for n, d in sw.get('definitions', {}).items():
        props_sw = list((d.get('properties') or {}).keys())
        props_oa = list((oa['components']['schemas'][n].get('properties') or {}).keys())
        if props_sw != props_oa:
            problems.append(f'schema {n}: properties differ')
    # every $ref in the result must resolve
    text = json.dumps(oa)
    import re
    for ref in set(re.findall(r'"\$ref": "#/components/(\w+)/([^"]+)"', text)):
        if ref[1] not in oa['components'].get(ref[0], {}):
            problems.append(f'unresolved $ref {ref}')
    if '#/definitions/' in text or '#/parameters/' in text or '#/responses/' in text:
        problems.append('Swagger 2 $ref left')
    return problems, n_ops, n_bodies, n_params


def main(argv):
    do_check = '--check' in argv
    args = [a for a in argv if a != '--check']
    src, dst = args[0], args[1]
    with open(src, encoding='utf-8') as f:
        sw = yaml.safe_load(f)
    if do_check:
        with open(dst, encoding='utf-8') as f:
            oa = json.load(f)
        problems, n_ops, n_bodies, n_params = check(sw, oa)
        print(f'{len(oa["paths"])} paths, {n_ops} operations, {n_bodies} request bodies, '
              f'{n_params} non-body parameters compared; {len(problems)} problems')
        for p in problems:
            print('  ' + p)
        return 1 if problems else 0
    oa = convert(sw)
    with open(dst, 'w', encoding='utf-8') as f:
        json.dump(oa, f, indent=2, ensure_ascii=False)
        f.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
