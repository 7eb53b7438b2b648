"""Write cases.jsonl for the Casdoor clicks -> curl set.

Each row is (page, line, expected, confidence, note). `step` is the stripped text of that
line; `context` (nearest heading above, previous list item or sentence in the same section)
is derived from the page. operationIds are looked up in openapi.json.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = json.load(open(os.path.join(HERE, 'openapi.json'), encoding='utf-8'))


def op(method, path, params=None, alternatives=None):
    o = SPEC['paths'][path][method.lower()]
    e = {'method': method.upper(), 'path': path, 'operationId': o['operationId'],
         'params': params or {}}
    if alternatives:
        e['alternatives'] = alternatives
    return e


def alt(method, path, params=None):
    e = op(method, path, params)
    return e


ID = '<owner>/<name>'
P_APP_PROVIDERS = {'id': 'admin/<application>', 'providers': [{'name': '<provider>', 'canSignUp': True, 'canSignIn': True, 'canUnlink': True, 'rule': 'None'}]}

CASES = [
    # cert/overview
    ('cert__overview.md', 39, None, 'high', 'Renewing an SSL certificate through ACME: the spec has add/update/delete-cert but no renew operation (hard negative).'),
    ('cert__overview.md', 98, None, 'high', 'Navigation to the Certs page; the action is the next item (Add).'),
    ('cert__overview.md', 99, op('POST', '/api/add-cert', {'owner': 'admin', 'name': '<name>', 'displayName': '<display name>', 'scope': 'JWT', 'type': 'x509', 'cryptoAlgorithm': 'RS256', 'bitSize': 4096, 'expireInYears': 20}), 'high', 'Creating a certificate; the fields come from the next item.'),
    ('cert__overview.md', 120, op('POST', '/api/update-application', {'id': 'admin/<application>', 'cert': '<cert name>'}), 'high', 'Selecting the cert on the application and saving = update-application with `cert`.'),
    ('cert__overview.md', 144, None, 'medium', 'Downloading the public key from the cert edit page is viewing; get-cert exists but viewing is labelled null.'),
    ('cert__overview.md', 155, op('POST', '/api/update-provider', {'id': ID, 'cert': '<cert name>'}, [alt('POST', '/api/add-provider', {'category': 'Payment', 'type': 'Alipay', 'cert': '<cert name>'})]), 'high', 'Setting the Cert field of a payment provider; the previous item says "Edit or create", so add-provider is an equal alternative.'),
    # webhooks/overview
    ('webhooks__overview.md', 68, None, 'high', 'Navigation (Settings -> Webhooks); the action is Add Webhook in the same list.'),
    ('webhooks__overview.md', 69, op('POST', '/api/add-webhook', {'owner': 'admin', 'name': '<name>', 'organization': '<org>', 'url': '<url>', 'events': ['signup', 'login'], 'headers': [{'name': 'Authorization', 'value': '<token>'}], 'isEnabled': True}), 'high', 'URL, events and headers are filled in the following items.'),
    ('webhooks__overview.md', 127, None, 'high', 'Creating an endpoint at Beeceptor: another product.'),
    ('webhooks__overview.md', 154, None, 'high', 'Viewing the Webhook Events delivery history (get-webhook-event exists; viewing is null).'),
    ('webhooks__overview.md', 172, None, 'high', 'Replaying a webhook event: no replay operation in this spec (hard negative).'),
    # site/overview
    ('site__overview.md', 40, None, 'high', 'Navigation to Sites. Sites have no operations in this spec.'),
    ('site__overview.md', 41, None, 'high', 'Adding a reverse-proxy site: the spec has no add-site (hard negative).'),
    ('site__overview.md', 45, None, 'high', 'Saving a site: no site operations in the spec (hard negative).'),
    # session/management
    ('session__management.md', 12, None, 'high', 'Viewing the Sessions list.'),
    ('session__management.md', 31, op('POST', '/api/delete-session', {'owner': '<org>', 'name': '<user>', 'application': '<app>'}), 'high', 'The page itself documents delete-session with a sessionId query parameter; the spec lists only the body.'),
    ('session__management.md', 50, op('POST', '/api/delete-session', {'owner': '<org>', 'name': '<user>', 'application': '<app>'}), 'high', 'Deleting the whole session record = delete-session without sessionId.'),
    # user/multi-factor-authentication
    ('user__multi-factor-authentication.md', 22, op('POST', '/api/mfa/setup/initiate', {}), 'medium', '"setup" starts MFA enrolment; the spec lists no parameters for mfa/setup/initiate (mfaType etc. are form fields in the code).'),
    ('user__multi-factor-authentication.md', 26, op('POST', '/api/check-user-password', {}), 'medium', 'The MFA setup page checks the password with check-user-password before enrolment.'),
    ('user__multi-factor-authentication.md', 52, op('POST', '/api/mfa/setup/verify', {}), 'high', 'Entering the TOTP passcode and Next Step = mfa/setup/verify.'),
    ('user__multi-factor-authentication.md', 74, None, 'medium', 'Entering the phone number; the action (Send Code) is the next item.'),
    ('user__multi-factor-authentication.md', 76, op('POST', '/api/send-verification-code', {}), 'high', 'Send Code sends the SMS verification code.'),
    ('user__multi-factor-authentication.md', 78, op('POST', '/api/mfa/setup/verify', {}), 'high', 'Entering the SMS code and Next Step = mfa/setup/verify.'),
    ('user__multi-factor-authentication.md', 114, op('POST', '/api/set-preferred-mfa', {}), 'high', ''),
    ('user__multi-factor-authentication.md', 122, op('POST', '/api/delete-mfa/', {}), 'high', 'Disable deletes all MFA settings = delete-mfa (path has a trailing slash in the spec).'),
    # permission/permission-configuration
    ('permission__permission-configuration.md', 13, None, 'high', 'Navigation to Permissions.'),
    ('permission__permission-configuration.md', 14, op('POST', '/api/add-permission', {'owner': '<org>', 'name': '<name>', 'model': '<model>', 'users': [], 'roles': [], 'resources': [], 'actions': []}, [alt('POST', '/api/update-permission', {'id': ID, 'model': '<model>'})]), 'high', '"Add ... or open an existing one to edit": add-permission and update-permission are equally right.'),
    ('permission__permission-configuration.md', 70, op('POST', '/api/add-permission', {'owner': '<org>', 'name': '<name>', 'model': '<model>'}, [alt('POST', '/api/update-permission', {'id': ID, 'model': '<model>'})]), 'medium', 'Selecting the model "when creating or editing a Permission".'),
    # organization/accountCustomization
    ('organization__accountCustomization.md', 17, op('POST', '/api/update-organization', {'id': 'admin/<org>', 'accountMenu': 'Vertical'}), 'high', 'Account menu is the organization field accountMenu.'),
    ('organization__accountCustomization.md', 37, None, 'high', 'Opening the organization; the action is the next item.'),
    ('organization__accountCustomization.md', 38, op('POST', '/api/update-organization', {'id': 'admin/<org>', 'accountItems': [{'name': 'Email', 'tab': 'Contact'}]}), 'high', 'Account items are saved with the organization (accountItems).'),
    ('organization__accountCustomization.md', 50, None, 'high', 'Navigation to Organizations.'),
    # user/impersonation
    ('user__impersonation.md', 18, op('POST', '/api/impersonation-user', {'username': '<org>/<user>'}), 'high', 'The Impersonation button; username is a form field in the spec.'),
    ('user__impersonation.md', 26, op('POST', '/api/exit-impersonation-user', {}), 'high', ''),
    ('user__impersonation.md', 44, op('POST', '/api/update-organization', {'id': 'admin/<org>', 'masterPassword': '<password>'}), 'high', 'Master Password is the organization field masterPassword.'),
    ('user__impersonation.md', 80, op('POST', '/api/update-organization', {'id': 'admin/<org>', 'masterPassword': ''}), 'high', 'Clearing the master password.'),
    # key/overview
    ('key__overview.md', 34, None, 'high', 'Keys (AccessKey/AccessSecret) have no operations in this spec (hard negative; add-user-keys is a different thing).'),
    ('key__overview.md', 38, None, 'high', 'Deactivating a key: no key operations in this spec (hard negative).'),
    # resources/overview
    ('resources__overview.md', 20, op('POST', '/api/delete-resource', {'owner': '<owner>', 'name': '<name>'}), 'high', ''),
    # provider/overview
    ('provider__overview.md', 53, op('POST', '/api/update-application', P_APP_PROVIDERS), 'high', 'Adding a provider row to the application and saving = update-application with providers.'),
    # provider/oauth/overview
    ('provider__oauth__overview.md', 39, op('POST', '/api/add-provider', {'owner': 'admin', 'name': '<name>', 'category': 'OAuth', 'type': 'GitHub', 'clientId': '<client id>', 'clientSecret': '<client secret>'}), 'high', 'Category, type and credentials are the next items.'),
    ('provider__oauth__overview.md', 57, None, 'medium', 'Opening the application; the action is the next item.'),
    ('provider__oauth__overview.md', 58, op('POST', '/api/update-application', P_APP_PROVIDERS), 'high', 'Provider rules (login, signup, unbind) are fields of the application providers items.'),
    ('provider__oauth__overview.md', 63, op('POST', '/api/update-provider', {'id': ID, 'enableProxy': True}), 'high', 'Enable proxy is the provider field enableProxy.'),
    # provider/email/overview
    ('provider__email__overview.md', 10, op('POST', '/api/add-provider', {'owner': 'admin', 'name': '<name>', 'category': 'Email', 'type': 'Default', 'clientId': '<username>', 'clientSecret': '<password>', 'host': '<smtp host>', 'port': 465, 'title': '<title>', 'content': '<template>'}), 'high', 'Casdoor stores the SMTP username/password in clientId/clientSecret, the templates in title/content.'),
    ('provider__email__overview.md', 31, op('POST', '/api/update-provider', {'id': ID, 'enableProxy': True}), 'high', ''),
    # provider/captcha/overview
    ('provider__captcha__overview.md', 18, op('POST', '/api/add-provider', {'owner': 'admin', 'name': '<name>', 'category': 'Captcha', 'type': 'reCAPTCHA', 'clientId': '<site key>', 'clientSecret': '<secret key>'}), 'high', ''),
    ('provider__captcha__overview.md', 24, op('POST', '/api/update-application', {'id': 'admin/<application>', 'providers': [{'name': '<captcha provider>', 'rule': 'Always'}]}), 'high', 'Provider rule (None/Dynamic/Always/Internet-Only) is the rule of the providers item.'),
    # syncer/GoogleWorkspace
    ('syncer__GoogleWorkspace.md', 18, None, 'high', 'Google Cloud Console.'),
    ('syncer__GoogleWorkspace.md', 30, None, 'high', 'Creating a service-account key in Google Cloud (sounds like an API key action, but another product).'),
    ('syncer__GoogleWorkspace.md', 50, None, 'high', 'Google Workspace Admin Console.'),
    ('syncer__GoogleWorkspace.md', 66, op('POST', '/api/add-syncer', {'owner': 'admin', 'name': '<name>', 'organization': '<org>', 'type': 'Google Workspace', 'user': '<admin email>', 'password': '<service account JSON>'}), 'high', 'Field names for the Google syncer follow the table under the next item.'),
    ('syncer__GoogleWorkspace.md', 112, None, 'high', 'Test Connection: the spec has no test-syncer operation (hard negative).'),
    ('syncer__GoogleWorkspace.md', 113, op('GET', '/api/run-syncer', {}, [alt('POST', '/api/update-syncer', {'id': ID, 'isEnabled': True})]), 'medium', '"Toggle Is enabled and click Sync for an immediate run": run-syncer (the immediate run) and update-syncer (isEnabled) are both in the sentence. run-syncer is a GET with a body in the spec.'),
    # syncer/AzureAD
    ('syncer__AzureAD.md', 21, None, 'high', 'Azure Portal app registration.'),
    ('syncer__AzureAD.md', 28, None, 'high', 'New client secret in Azure (another product).'),
    ('syncer__AzureAD.md', 52, op('POST', '/api/add-syncer', {'owner': 'admin', 'name': '<name>', 'organization': '<org>', 'type': 'Azure AD', 'host': '<tenant id>', 'user': '<client id>', 'password': '<client secret>'}), 'high', ''),
    ('syncer__AzureAD.md', 94, None, 'high', 'Test Connection: no test operation in the spec (hard negative).'),
    ('syncer__AzureAD.md', 96, op('GET', '/api/run-syncer', {}), 'high', 'Sync triggers an immediate run.'),
    # syncer/Okta
    ('syncer__Okta.md', 12, None, 'high', 'Creating an API token in the Okta Admin Console.'),
    ('syncer__Okta.md', 18, op('POST', '/api/add-syncer', {'owner': 'admin', 'name': '<name>', 'organization': '<org>', 'type': 'Okta', 'host': '<okta domain>', 'password': '<api token>'}), 'high', ''),
    # provider/saml/keycloak
    ('provider__saml__keycloak.md', 36, None, 'high', 'Keycloak admin console.'),
    ('provider__saml__keycloak.md', 44, None, 'high', 'Saving the Keycloak client.'),
    ('provider__saml__keycloak.md', 87, op('POST', '/api/add-provider', {'owner': 'admin', 'name': '<name>', 'category': 'SAML', 'type': 'Keycloak', 'metadata': '<idp metadata xml>', 'endpoint': '<sso url>', 'idP': '<cert>', 'issuerUrl': '<issuer>'}), 'high', 'The previous paragraph ("Create a new provider in Casdoor.") is a separate block; this sentence carries the fields.'),
    ('provider__saml__keycloak.md', 91, op('POST', '/api/update-provider', {'id': ID, 'enableSignAuthnRequest': True}), 'medium', '"Sign request" is the provider field enableSignAuthnRequest.'),
    ('provider__saml__keycloak.md', 97, op('POST', '/api/update-application', P_APP_PROVIDERS), 'high', ''),
    ('provider__saml__keycloak.md', 103, None, 'medium', 'Signing in through the login page (an end-user browser flow, not an admin call).'),
    # mcp-auth/setup
    ('mcp-auth__setup.md', 20, op('POST', '/api/add-application', {'owner': 'admin', 'name': '<name>', 'organization': '<org>', 'category': 'Agent', 'type': 'MCP'}), 'medium', 'category/type are not in the spec\'s object.Application schema (older generated file), but add-application is the operation.'),
    ('mcp-auth__setup.md', 36, op('POST', '/api/update-application', {'id': 'admin/<application>', 'redirectUris': ['http://localhost:*', 'http://127.0.0.1:*']}), 'high', ''),
    ('mcp-auth__setup.md', 58, op('POST', '/api/update-application', {'id': 'admin/<application>', 'grantTypes': ['authorization_code', 'refresh_token']}), 'high', ''),
    # how-to-connect/webauthn
    ('how-to-connect__webauthn.md', 30, op('POST', '/api/update-application', {'id': 'admin/<application>', 'enableWebAuthn': True}), 'high', ''),
    ('how-to-connect__webauthn.md', 34, op('GET', '/api/webauthn/signup/begin', {}, [alt('POST', '/api/webauthn/signup/finish', {})]), 'low', 'Registering a credential is a begin/finish ceremony with the browser authenticator; either half is accepted. A judgement call: it could also be seen as a device step.'),
    # products/order
    ('products__order.md', 54, None, 'high', 'Viewing the Orders page.'),
    ('products__order.md', 58, None, 'medium', 'Searching and filtering the order list is viewing (get-orders has filters, but viewing is null).'),
    ('products__order.md', 62, op('POST', '/api/update-order', {'id': '<owner>/<order>', 'products': ['<product>']}), 'medium', 'Editing an order\'s products in the order editor.'),
]


def heading_and_prev(lines, i):
    heading = ''
    for j in range(i - 1, -1, -1):
        if re.match(r'#{1,6}\s', lines[j].strip()):
            heading = re.sub(r'^#+\s*', '', lines[j].strip())
            break
    prev = ''
    for j in range(i - 1, -1, -1):
        s = lines[j].strip()
        if re.match(r'#{1,6}\s', s):
            break
        if not s or s.startswith('![') or s.startswith(':::') or s.startswith('```') or s.startswith('<') or s.startswith('|'):
            continue
        prev = s
        break
    return heading, prev


def main():
    out = []
    for n, (page, line, exp, conf, note) in enumerate(CASES, 1):
        lines = open(os.path.join(HERE, 'pages', page), encoding='utf-8').read().split('\n')
        step = lines[line - 1].strip()
        assert step, (page, line)
        h, p = heading_and_prev(lines, line - 1)
        out.append({'id': f'casdoor-{n:03d}', 'page': f'pages/{page}', 'line': line, 'step': step,
                    'context': {'heading': h, 'previous_step': p}, 'expected': exp,
                    'confidence': conf, 'note': note})
    with open(os.path.join(HERE, 'cases.jsonl'), 'w', encoding='utf-8') as f:
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
    m = sum(1 for c in out if c['expected'])
    print(f'{len(out)} cases, {m} mappable, {len(out) - m} null')


if __name__ == '__main__':
    main()
