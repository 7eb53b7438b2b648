#!/usr/bin/env python3
"""Write cases.jsonl for the Tyk set from hand-made labels.

Each label is (page, line, guard, expected, confidence, note). `guard` must be a
substring of the page line; `step` is the stripped line. `expected` is built from
an operationId: method and path are looked up in openapi.yaml, so they are
always spelled as in the spec.
"""
import json
import os
import re

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = yaml.safe_load(open(os.path.join(HERE, 'openapi.yaml'), encoding='utf-8'))
OPS = {}
for _p, _pi in SPEC['paths'].items():
    for _m, _o in _pi.items():
        if isinstance(_o, dict) and 'operationId' in _o:
            OPS[_o['operationId']] = (_m.upper(), _p)


def E(op, params=None, alts=()):
    m, p = OPS[op]
    e = {'method': m, 'path': p, 'operationId': op, 'params': params or {}}
    if alts:
        e['alternatives'] = [dict(a) for a in alts]
    return e


def A(op, params=None):
    m, p = OPS[op]
    return {'method': m, 'path': p, 'operationId': op, 'params': params or {}}


PG = {
    'cfa': 'getting-started__configure-first-api.md',
    'sec': 'getting-started__secure-api.md',
    'ug': 'platform-management__user-groups.md',
    'du': 'platform-management__dashboard-users.md',
    'ev': 'api-management__gateway-events.md',
    'cert': 'api-management__certificates.md',
    'quota': 'api-management__request-quotas.md',
    'thr': 'api-management__request-throttling.md',
    'oas': 'api-management__gateway-config-managing-oas.md',
    'ver': 'api-management__api-versioning.md',
    'opa': 'platform-management__open-policy-agent.md',
    'audit': 'api-management__enable-audit-logs-dashboard.md',
    'tpl': 'platform-management__api-templates.md',
    'mcp': 'ai-management__mcp-gateway__managing-proxies.md',
    'str': 'api-management__event-driven-apis.md',
    'own': 'platform-management__api-ownership.md',
    'oauth': 'api-management__authentication__oauth-2.md',
    'cloud': 'tyk-cloud__teams-users.md',
    'prod': 'portal__api-products.md',
    'tib': 'tyk-identity-broker__dashboard-sso.md',
    'okta': 'tyk-identity-broker__sso-okta.md',
}

OAS_DEF = {'openapi': '3.0.3', 'info': {'title': '<name>', 'version': '1.0.0'}, 'paths': {},
           'x-tyk-api-gateway': {'info': {'name': '<name>', 'state': {'active': True}},
                                 'upstream': {'url': 'http://httpbin.org'},
                                 'server': {'listenPath': {'value': '/<name>/', 'strip': True}}}}
CLASSIC_DEF = {'api_definition': {'name': '<name>', 'proxy': {'target_url': 'http://httpbin.org', 'listen_path': '/<name>/'}}}
KEY = {'alias': '<alias>', 'expires': 0, 'access_rights': {'<api_id>': {'api_id': '<api_id>', 'versions': ['Default']}}}
POLICY = {'name': '<name>', 'access_rights': {'<api_id>': {'api_id': '<api_id>', 'versions': ['Default']}},
          'rate': 1000, 'per': 60, 'quota_max': 10, 'quota_renewal_rate': 3600, 'key_expires_in': 3600, 'active': True}
USER = {'first_name': '<first>', 'last_name': '<last>', 'email_address': 'jane@example.com', 'active': True,
        'user_permissions': {'IsAdmin': 'admin'}}

L = [
    # --- getting started: first API, first key
    ('cfa', 34, 'Add New API', E('createApiOAS', OAS_DEF, [A('postApis', CLASSIC_DEF)]), 'medium',
     'Opening click of the API designer; name, style and target URL follow. Style OpenAPI -> Tyk OAS API, Classic -> POST /api/apis, so both are accepted.'),
    ('cfa', 84, 'Save your API configuration', E('createApiOAS', OAS_DEF, [A('postApis', CLASSIC_DEF)]), 'high',
     'Saving the new API (OpenAPI or Classic style).'),
    ('cfa', 115, 'Click **CREATE**', E('addKey', KEY), 'high', 'Create the key with access rights to the API, alias, expiry, tags, metadata.'),
    ('cfa', 151, 'Activity Overview', None, 'high', 'Viewing the analytics dashboard.'),
    ('cfa', 160, 'Activity Logs', None, 'high', 'Viewing request logs.'),
    ('sec', 33, 'Create Key', E('addKey', {'alias': 'httpbin', 'apply_policies': ['<policy_id>']}), 'high',
     'Key with the HTTPBIN policy (apply_policies) and alias.'),
    ('sec', 129, 'update the `httpbin rate limit` key', E('updateKeyDetail', {'rate': 100, 'per': 10}), 'high',
     'Change the key rate limit: PUT the session object with the new rate.'),
    ('sec', 133, 'delete the `httpbin rate limit` API key', E('deleteKey', {}), 'high', 'Delete the key.'),
    ('sec', 175, 'Activity Overview', None, 'high', 'Viewing analytics.'),
    ('sec', 187, 'Activity Logs', None, 'high', 'Viewing logs (same list as the line above).'),
    # --- users and user groups
    ('ug', 53, 'Save', E('createUserGroup', {'name': '<name>', 'description': '<description>', 'user_permissions': {'apis': 'write'}}), 'high',
     'Save creates the user group with name, description and permissions.'),
    ('du', 46, 'Click "Save"', E('addUser', USER), 'high', 'Create the Dashboard user (names, email, password, permissions).'),
    ('du', 115, 'select **Edit** for your Username', None, 'high', 'Navigation to your own user record.'),
    ('du', 126, 'Reset Password', E('setUserPassword', {'current_password': '<current>', 'new_password': '<new>'}), 'high',
     'Change your password = POST /api/users/{userId}/actions/reset with current and new password.'),
    ('opa', 287, '`Add User`', E('addUser', USER), 'high', 'Create a user with API write access and the custom permission (user_permissions).'),
    ('audit', 91, 'Audit Logs', None, 'medium', 'Viewing the audit log list (GET /api/audit-logs exists, but looking at a page is labelled null).'),
    ('audit', 125, 'Save the user', E('updateUser', {'user_permissions': {'audit_logs': 'read'}}), 'high',
     'Grant the audit_logs read permission on the user.'),
    # --- webhooks
    ('ev', 314, 'Click **Save**', E('createWebhook', {'name': '<name>', 'method': 'POST', 'target_path': 'https://example.com/hook', 'header_map': {'X-Tyk': 'true'}}), 'high',
     'Save the global webhook definition (method, target, headers).'),
    ('ev', 510, 'Save API', E('updateApiOAS', OAS_DEF), 'high',
     'Event handler with a global webhook lives in the Tyk OAS API definition (x-tyk-api-gateway.server.eventHandlers): PUT the API.'),
    ('ev', 632, 'Remember to click **Save**', E('putApi', CLASSIC_DEF), 'high',
     'Tyk Classic API: the webhook is registered in the API definition (event_handlers); PUT /api/apis/{apiId}.'),
    # --- certificates
    ('cert', 241, 'to view details of the certificate', None, 'high', 'Viewing a certificate (GET exists, but viewing is null).'),
    ('cert', 251, 'select **Upload**', E('createCertificates', {'file': '@cert.pem'}), 'high', 'Upload a PEM file to the certificate store (multipart field file).'),
    # --- policies, keys (rate limit / quota tutorials)
    ('quota', 145, 'Create Policy', E('postPolicies', POLICY), 'high', 'Create the policy with access right, quota and key expiry.'),
    ('quota', 156, 'Obtain your Dashboard API key', None, 'high', 'Reading your own API credential from the profile page.'),
    ('quota', 186, 'Create Key', E('addKey', {'alias': 'Request Quota Key', 'apply_policies': ['<policy_id>'], 'expires': 3600}), 'high',
     'Key that applies the policy, with alias and expiry.'),
    ('thr', 192, 'Click the **Update** button', E('putPolicies', {'throttle_interval': 1, 'throttle_retry_limit': 3}), 'high',
     'Update the existing policy with the throttle settings.'),
    # --- Tyk OAS APIs: create, import, update, export
    ('oas', 79, 'Click **Save API** to create', E('createApiOAS', OAS_DEF), 'high', 'Create the Tyk OAS API from the designer.'),
    ('oas', 183, 'Import API', E('createApiOAS', OAS_DEF), 'high',
     'Import type "Tyk API" = a full Tyk OAS API definition (with x-tyk-api-gateway), which is what POST /api/apis/oas takes.'),
    ('oas', 197, 'Edit profile', None, 'high', 'Reading your Dashboard API credential (navigation).'),
    ('oas', 369, 'Import API', E('importOAS', {'upstreamURL': 'http://httpbin.org', 'listenPath': '/my-api/'}), 'high',
     'Import type "openAPI" = a plain OpenAPI description without the Tyk extension: POST /api/apis/oas/import (listen path, upstream and middleware options are query parameters).'),
    ('oas', 658, 'complete the update', E('patchApiOAS', {'upstreamURL': 'http://httpbin.org', 'listenPath': '/my-api/'}), 'high',
     '"Update OAS" with a new OpenAPI description = PATCH /api/apis/oas/{apiId} (same query options as import).'),
    ('oas', 803, 'select **Export**', E('downloadApiOASPublic', {'mode': 'public'}), 'medium',
     'Export the API definition; mode=public exports only the OpenAPI description. It is a GET, but the step is an action (download), not viewing.'),
    # --- versioning
    ('ver', 309, 'Click **Save API**', E('updateApiOAS', OAS_DEF), 'high',
     'Versioning metadata sits in x-tyk-api-gateway.info.versioning of the base API: PUT the API.'),
    ('ver', 336, 'Create Version', E('createApiOAS', {'base_api_id': '<base_api_id>', 'new_version_name': 'v2', 'set_default': False}), 'medium',
     'A child version is created with POST /api/apis/oas and the base_api_id / new_version_name / set_default query parameters.'),
    ('ver', 345, 'You can reach the API Designer', None, 'high', 'Navigation.'),
    ('ver', 349, 'switch between versions', None, 'high', 'Navigation between versions in the designer.'),
    ('ver', 380, 'Make Base API', E('convertToBaseAPI', {}), 'high', 'Promote a child version: PATCH /api/apis/oas/{current-base-apiId}/rebase/{next-base-apiId}.'),
    # --- OPA
    ('opa', 147, 'OPA Rules menu', E('updateOrgOPARules', {'open_policy': {'rules': '<rego>', 'enabled': True}}), 'medium',
     'The sentence mixes navigation and the action ("make any changes and select whether ... enabled or disabled"): PUT /api/org/opa.'),
    ('opa', 293, 'navigate to Dashboard Management -> OPA Rules', None, 'high', 'Navigation (the edit follows in the next paragraph).'),
    ('opa', 295, 'Edit the rules', E('updateOrgOPARules', {'open_policy': {'rules': '<rego>'}}), 'high', 'Edit and save the organisation OPA rules.'),
    # --- API templates (assets)
    ('tpl', 95, 'SAVE TEMPLATE', E('addAsset', {'name': '<name>', 'description': '<description>', 'kind': 'oas-template', 'data': {}}), 'high',
     'API templates are assets of kind oas-template: POST /api/assets.'),
    ('tpl', 132, 'CREATE API FROM TEMPLATE', E('createApiOAS', {'templateID': '<template_id>'}), 'medium',
     'Opens the designer prefilled from the template; the API is created with POST /api/apis/oas and the templateID query parameter.'),
    ('tpl', 194, 'VIEW RAW TEMPLATE', None, 'medium', 'Viewing the raw JSON (the save follows on the next line).'),
    ('tpl', 197, 'SAVE TEMPLATE', E('updateAsset', {'name': '<name>', 'description': '<description>', 'kind': 'oas-template', 'data': {}}), 'high',
     'Save the edited template: PUT /api/assets/{assetID}.'),
    ('tpl', 200, 'This screen can be accessed', None, 'high', 'Navigation to the template details screen.'),
    ('tpl', 203, 'DELETE TEMPLATE', E('deleteAsset', {}), 'high', 'Delete the template.'),
    # --- MCP proxies
    ('mcp', 61, 'Click **Continue**', None, 'high', 'Wizard step; the proxy is saved with Finish.'),
    ('mcp', 81, 'Click **Finish**', E('addMCPAPI', OAS_DEF), 'high', 'Create the MCP proxy definition (Tyk OAS document with MCP configuration).'),
    ('mcp', 99, 'Save MCP Proxy', E('updateMCPAPI', OAS_DEF), 'high', 'Update name, upstream URL, gateways of the MCP proxy.'),
    ('mcp', 145, 'View MCP Proxy Definition', None, 'medium', 'Opening the raw definition editor (viewing); the save is a later paragraph.'),
    ('mcp', 186, 'Delete MCP Proxy', E('deleteMCPAPI', {}), 'high', 'Delete the MCP proxy.'),
    # --- Streams
    ('str', 671, '**Save** the API', E('createStreamsApi', OAS_DEF), 'high', 'Save the new Streams API (x-tyk-streaming): POST /api/apis/streams.'),
    ('str', 959, 'Save the API product settings', None, 'high',
     'Hard negative: API products belong to the Enterprise Developer Portal, which has its own API (not in this spec).'),
    ('str', 968, 'click on "Subscribe"', None, 'high', "Developer Portal UI of an API consumer (another product's API)."),
    # --- API ownership
    ('own', 76, 'assign owner(s) to an API', E('updateApiAccessRights', {'userIds': ['<user_id>'], 'userGroupIds': ['<group_id>']}), 'high',
     'API owners = PUT /api/apis/{apiID}/access with userIds / userGroupIds.'),
    ('own', 82, 'Core Settings', E('updateApiAccessRights', {'userIds': ['<user_id>'], 'userGroupIds': ['<group_id>']}, [A('putApi', {'user_owners': ['<user_id>'], 'user_group_owners': ['<group_id>']})]), 'medium',
     'Tyk Classic API owners: the access endpoint, or user_owners / user_group_owners in the Classic definition.'),
    # --- OAuth clients
    ('oauth', 110, 'Create', E('createNewClientApp', {'redirect_uri': 'https://example.com/cb', 'policy_id': '<policy_id>', 'meta_data': {}}), 'high',
     'Register the client app (redirect URI, policy, metadata).'),
    ('oauth', 387, 'Save API', E('updateApiOAS', OAS_DEF), 'high', 'Enable Tyk OAuth 2.0 on the API: PUT the Tyk OAS API definition.'),
    # --- other products: Tyk Cloud console, Developer Portal, Identity Broker, Okta
    ('cloud', 35, 'Click **Save**', None, 'high', 'Hard negative: Tyk Cloud teams are managed in the Tyk Cloud console, not the Dashboard API.'),
    ('cloud', 43, 'Click **Create**', None, 'high', 'Hard negative: creating a Tyk Cloud team (user groups in the Dashboard are a different thing).'),
    ('cloud', 52, 'Delete Team', None, 'high', 'Hard negative: Tyk Cloud team deletion.'),
    ('cloud', 76, 'Invite User', None, 'medium', 'Hard negative: inviting a Tyk Cloud user; POST /api/users creates a Dashboard user, which the page itself says is a different thing.'),
    ('cloud', 93, 'Delete User', None, 'medium', 'Hard negative: deleting a Tyk Cloud user, not a Dashboard user.'),
    ('prod', 90, 'Add new API Product', None, 'high', 'Hard negative: Developer Portal API products (portal API, not the Dashboard API; policies are not the same object here).'),
    ('prod', 97, 'Save Changes', None, 'high', 'Hard negative: saving a portal API product.'),
    ('prod', 122, 'Save Changes', None, 'high', 'Hard negative: portal product DCR settings.'),
    ('tib', 273, 'Create Profile', None, 'high', 'Hard negative: Identity Broker profiles have no operation in the Dashboard API spec.'),
    ('tib', 282, 'Create Profile', None, 'high', 'Hard negative: creating a TIB profile.'),
    ('okta', 24, 'Create App Integration', None, 'high', "Okta's UI."),
    ('okta', 32, 'Click **Save**', None, 'high', "Okta's UI."),
    ('okta', 266, 'SAML 2.0', None, 'high', "Okta's UI."),
]

HEAD_RE = re.compile(r'^\s{0,3}#{1,6}\s')
LIST_RE = re.compile(r'^\s*(?:[-*+]|\d+[.)])\s+')
SKIP_RE = re.compile(r'^\s*(<|:::|```|\||import |---)')


def context(lines, i):
    heading = ''
    for j in range(i - 1, -1, -1):
        if HEAD_RE.match(lines[j]):
            heading = re.sub(r'\s*\{#.*\}\s*$', '', lines[j].strip().lstrip('#').strip())
            break
    if not heading:  # page without a heading above the step: use the front-matter title
        for l in lines[:10]:
            if l.startswith('title:'):
                heading = l[len('title:'):].strip().strip('"')
                break
    prev = ''
    is_item = bool(LIST_RE.match(lines[i]))
    for j in range(i - 1, -1, -1):
        s = lines[j]
        if HEAD_RE.match(s):
            break
        if not s.strip() or SKIP_RE.match(s):
            continue
        if is_item:
            if LIST_RE.match(s):
                prev = s.strip()
                break
            continue
        # paragraph: last sentence of the previous paragraph/list item
        prev = s.strip()
        break
    return {'heading': heading, 'previous_step': prev}


def main():
    out = []
    for n, (pg, line, guard, exp, conf, note) in enumerate(L, 1):
        page = 'pages/' + PG[pg]
        lines = open(os.path.join(HERE, page), encoding='utf-8').read().split('\n')
        raw = lines[line - 1]
        assert guard in raw, (pg, line, guard, raw)
        out.append({'id': 'tyk-%03d' % n, 'page': page, 'line': line, 'step': raw.strip(),
                    'context': context(lines, line - 1), 'expected': exp, 'confidence': conf, 'note': note})
    with open(os.path.join(HERE, 'cases.jsonl'), 'w', encoding='utf-8') as f:
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
    m = sum(1 for c in out if c['expected'])
    print(len(out), 'cases', m, 'mappable', len(out) - m, 'null', len({c['page'] for c in out}), 'pages')


if __name__ == '__main__':
    main()
