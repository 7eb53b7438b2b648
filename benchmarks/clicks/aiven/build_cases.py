#!/usr/bin/env python3
"""Write cases.jsonl for the Aiven set from hand-made labels.

Each label is (page, line, guard, expected, confidence, note). `guard` must be a
substring of the page line; `step` is the stripped line. `expected` is built from
an operationId: method and path are looked up in openapi.json, so they are
always spelled as in the spec.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = json.load(open(os.path.join(HERE, 'openapi.json')))
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
    'su': 'platform__howto__create_new_service_user.md',
    'tok': 'platform__howto__create_authentication_token.md',
    'proj': 'platform__howto__manage-project.md',
    'integ': 'platform__howto__create-service-integration.md',
    'grp': 'platform__howto__manage-groups.md',
    'app': 'platform__howto__manage-application-users.md',
    'dom': 'platform__howto__manage-domains.md',
    'tags': 'platform__howto__tag-resources.md',
    'mail': 'platform__howto__technical-emails.md',
    'vpc': 'platform__howto__manage-project-vpc.md',
    'sup': 'platform__howto__support.md',
    'bg': 'platform__howto__use-billing-groups.md',
    '2fa': 'platform__howto__user-2fa.md',
    'ou': 'platform__howto__manage-org-users.md',
    'perm': 'platform__howto__manage-permissions.md',
    'org': 'platform__howto__manage-organizations.md',
    'card': 'platform__howto__manage-payment-card.md',
    'addr': 'platform__howto__manage-billing-addresses.md',
    'okta': 'platform__howto__saml__add-okta-idp.md',
    'topic': 'products__kafka__howto__create-topic.md',
    'quota': 'products__kafka__howto__manage-quotas.md',
    'acl': 'products__kafka__howto__manage-acls.md',
    'pool': 'products__postgresql__howto__manage-pool.md',
    'db': 'products__postgresql__howto__create-database.md',
}

PERM_ORG = {'operation': 'grant', 'permissions': [{'principal_type': 'user', 'principal_id': '<user_id>', 'permissions': ['organization:projects:read']}]}
PERM_PROJ = {'operation': 'grant', 'permissions': [{'principal_type': 'user_group', 'principal_id': '<group_id>', 'permissions': ['project:services:read']}]}

L = [
    # --- service users, tokens
    ('su', 37, 'select your service', None, 'high', 'Navigation: choosing the service in the list.'),
    ('su', 43, 'Add service user', E('ServiceUserCreate', {'username': '<username>'}), 'high',
     'Final click of the service-user form.'),
    ('tok', 18, 'Generate token', E('AccessTokenCreate', {'description': '<description>', 'max_age_seconds': 3600}), 'high',
     'Second "Generate token" submits the form (description, session duration = max_age_seconds).'),
    ('tok', 20, 'Copy', None, 'high', 'Copying the shown token: no API call.'),
    # --- projects
    ('proj', 21, 'Create project', E('ProjectCreate', {'project': '<name>', 'account_id': '<org_or_unit_account_id>', 'billing_group_id': '<billing_group_id>'},
                                     [A('OrganizationProjectsCreate', {'project_id': '<name>', 'parent_id': '<unit_id>', 'billing_group_id': '<billing_group_id>', 'tags': {}})]), 'medium',
     'Opening click of the project form; the list has no final save step (name, organization/unit, billing group follow). The experimental organization-scoped create is equally valid.'),
    ('proj', 79, 'Save changes', E('ProjectUpdate', {'project_name': '<new_name>'}), 'high',
     'Rename = ProjectUpdate.project_name (OrganizationProjectsUpdate has no name field). Services must be powered off first (line 71, unlabelled).'),
    ('proj', 107, 'find the project to move', None, 'high', 'Navigation inside the move procedure.'),
    ('proj', 126, 'Delete', E('ProjectDelete', {}, [A('OrganizationProjectsDelete', {})]), 'high', 'Delete the project.'),
    # --- service integrations
    ('integ', 60, 'Enable', E('ServiceIntegrationCreate', {'integration_type': 'dashboard', 'source_service': '<grafana>', 'dest_service': '<pg>'}), 'high',
     'Grafana Metrics Dashboard integration = integration_type dashboard.'),
    ('integ', 100, 'Service URI', None, 'high', 'Opening Grafana through the service URI: viewing, then Grafana UI.'),
    # --- groups
    ('grp', 20, 'Admin', None, 'high', 'Navigation.'),
    ('grp', 25, 'Create group', E('UserGroupCreate', {'user_group_name': '<name>', 'description': '<description>'}), 'high', 'Submit the group form.'),
    ('grp', 49, 'Add users', E('UserGroupMembersUpdate', {'operation': 'add_members', 'member_ids': ['<user_id>']}), 'high',
     'Adding users to a group = PATCH members with operation add_members.'),
    ('grp', 75, 'Find the group to remove', E('UserGroupDelete', {}), 'high', 'Action sits on the continuation line ("Remove and confirm").'),
    # --- application users
    ('app', 31, 'Create application user', E('ApplicationUserCreate', {'name': '<name>'}), 'high', 'Submit the application user form.'),
    ('app', 56, "application user's name", None, 'high', 'Navigation to the user page.'),
    ('app', 60, 'Generate token', E('ApplicationUserAccessTokenCreate', {'description': '<description>', 'max_age_seconds': 3600, 'ip_allowlist': ['10.0.0.0/24']}), 'high',
     'Token for an application user with description, session duration and IP allowlist.'),
    ('app', 98, 'To see the date and time', None, 'high', 'Viewing last-used times of tokens.'),
    ('app', 114, 'Find the user and click', E('ApplicationUserDelete', {}), 'high',
     'Delete the application user (the Delete label sits on the next, unindented line).'),
    # --- domains
    ('dom', 32, 'Add domain', E('OrganizationDomainAdd', {'domain_name': 'example.com', 'verification_type': 'dns'}), 'high',
     'Second "Add domain" submits name + DNS TXT verification method.'),
    ('dom', 36, 'Copy the TXT record value', None, 'medium', 'Copying the challenge value (the add-domain response holds it, but copying is not a call).'),
    ('dom', 41, 'Go to the DNS settings', None, 'high', "Another product's UI (DNS host)."),
    ('dom', 52, 'Verify', E('OrganizationDomainVerify', {}), 'high', 'Verify the domain.'),
    ('dom', 65, 'Add domain', E('OrganizationDomainAdd', {'domain_name': 'example.com', 'verification_type': 'http'}), 'high',
     'Add domain with the HTML-file method = verification_type http.'),
    ('dom', 68, 'Upload the HTML file', None, 'high', "Upload to your own website, outside Aiven."),
    ('dom', 80, 'Remove', E('OrganizationDomainsRemove', {}), 'high', 'Remove a domain.'),
    # --- tags, contacts
    ('tags', 63, 'Save changes', E('ProjectServiceTagsUpdate', {'tags': {'<key>': '<value>'}}, [A('ProjectServiceTagsReplace', {'tags': {'<key>': '<value>'}})]), 'medium',
     'Service tags: PATCH adds/updates keys; PUT replaces the set. The console form shows the full tag set, so both fit.'),
    ('mail', 31, 'Save changes', E('ProjectUpdate', {'tech_emails': [{'email': 'ops@example.com'}]},
                                   [A('OrganizationProjectsUpdate', {'tech_emails': [{'email': 'ops@example.com'}]})]), 'high',
     'Project contacts = tech_emails on the project.'),
    ('mail', 52, 'Save', E('ServiceUpdate', {'tech_emails': [{'email': 'ops@example.com'}]}), 'high', 'Service contacts = ServiceUpdate.tech_emails.'),
    ('mail', 68, 'In Slack', None, 'high', "Slack's UI: creating a channel email address."),
    # --- VPC
    ('vpc', 50, 'Create VPC', E('VpcCreate', {'cloud_name': 'aws-eu-west-1', 'network_cidr': '10.0.0.0/24'}), 'high',
     'Page already shows this curl in its API tab (ignored by the scorer).'),
    ('vpc', 122, 'Delete VPC', E('VpcDelete', {}), 'high', 'Delete a project VPC.'),
    # --- support
    ('sup', 29, 'Change tier', None, 'high', 'Hard negative: no support-tier operation in this spec.'),
    ('sup', 45, 'click **Support**', None, 'high', 'Navigation to the Support Center.'),
    ('sup', 85, 'Create ticket', E('ProjectTicketCreate', {}), 'medium',
     'ProjectTicketCreate exists, but in this spec it has no request body schema (no subject/severity fields), and the console opens a separate Support Center. Params left empty.'),
    ('sup', 116, 'Follow all tickets', None, 'high', 'Hard negative: following tickets has no operation (only list/create/invite).'),
    ('sup', 140, 'Zip the sanitized file', None, 'high', 'Local file handling.'),
    # --- billing groups
    ('bg', 35, 'Create billing group', E('OrganizationBillingGroupCreate', {'billing_group_name': '<name>', 'billing_address_id': '<address_id>', 'shipping_address_id': '<address_id>', 'payment_method_id': '<payment_method_id>', 'billing_currency': 'USD', 'vat_id': '<vat_id>', 'billing_emails': [], 'billing_contact_emails': []},
                                          [A('BillingGroupCreate', {'billing_group_name': '<name>', 'account_id': '<org_account_id>', 'billing_address_id': '<address_id>', 'shipping_address_id': '<address_id>', 'card_id': '<card_id>', 'billing_currency': 'USD', 'vat_id': '<vat_id>'})]), 'high',
     'Organization billing group (experimental org-scoped API) or the older /billing-group API.'),
    ('bg', 74, 'Details', None, 'high', 'Navigation inside the delete procedure.'),
    ('bg', 76, 'delete', E('OrganizationBillingGroupDelete', {}, [A('BillingGroupDelete', {})]), 'high', 'Delete billing group.'),
    # --- 2FA
    ('2fa', 27, 'Next', E('TwoFactorAuthConfigure', {'method': 'otp', 'password': '<password>'}), 'high',
     'Toggle + password starts OTP setup (PUT /me/2fa returns the otpauth URI / QR).'),
    ('2fa', 29, 'scan the QR', None, 'high', 'Authenticator app on a phone.'),
    ('2fa', 35, 'Enable', E('TwoFactorAuthConfigureOTP', {'otp': '<code>', 'password': '<password>', 'uri': '<otpauth_uri>'}), 'high', 'Confirm code completes OTP configuration.'),
    # --- org users
    ('ou', 22, 'Invite users', E('OrganizationUserInvite', {'user_email': 'jane@example.com'}), 'high', 'One call per email address.'),
    ('ou', 44, 'resend an invite', None, 'medium',
     'Hard negative: no resend operation. A new OrganizationUserInvite may fail for an existing invite; labelled null as in the Neon set.'),
    # --- permissions
    ('perm', 34, 'click **Admin**', None, 'high', 'Navigation.'),
    ('perm', 46, 'Grant permissions', E('PermissionsUpdate', PERM_ORG), 'high',
     'resource_type organization or organization_unit; PATCH with operation grant. PermissionsSet (PUT) would replace all grants on the resource.'),
    ('perm', 104, 'make super admin', E('OrganizationUserUpdate', {'is_super_admin': True}), 'high', 'is_super_admin on the organization user.'),
    # --- organizations
    ('org', 31, 'Rename', E('OrganizationUpdate', {'name': '<new_name>'}), 'high', 'Final click of the rename dialog.'),
    # --- cards
    ('card', 20, 'Enter the credit card details', None, 'medium',
     'Hard negative: card details are tokenised by Stripe in the browser; the API only accepts an existing stripe_token / payment_method_id (UserCreditCardAdd, AccountAttachPaymentMethod), so no curl adds a card from its number.'),
    ('card', 21, 'Assign payment card', E('OrganizationBillingGroupUpdate', {'payment_method_id': '<payment_method_id>'}, [A('BillingGroupUpdate', {'card_id': '<card_id>'})]), 'medium',
     'Assigning a card to billing groups = payment method on each billing group.'),
    # --- addresses
    ('addr', 27, 'Create address', E('OrganizationAddressCreate', {'address_lines': ['<line>'], 'city': '<city>', 'country_code': 'FI', 'company_name': '<company>', 'zip_code': '<zip>'}), 'high', 'Create address.'),
    ('addr', 54, 'click **Billing**', None, 'high', 'Navigation.'),
    ('addr', 56, 'Delete', E('OrganizationAddressDelete', {}), 'high', 'Delete address.'),
    # --- Okta
    ('okta', 30, 'Add Integration', None, 'high', "Okta's UI."),
    ('okta', 38, 'Save', None, 'high', "Okta's UI (a Save that is not an Aiven action)."),
    ('okta', 78, 'Test API Credentials', None, 'high', "Okta's UI."),
    ('okta', 97, 'Save', None, 'high', "Okta's UI (provisioning settings)."),
    # --- Kafka topics, quotas, ACLs
    ('topic', 103, 'Create topic', E('ServiceKafkaTopicCreate', {'topic_name': '<topic>', 'partitions': 3, 'replication': 3, 'cleanup_policy': 'delete', 'config': {'remote_storage_enable': True}}), 'high',
     'Classic Kafka service: advanced options and tiered storage (config.remote_storage_enable).'),
    ('topic', 134, 'After creation', None, 'high', 'Viewing the topic list.'),
    ('quota', 36, 'Add', E('ServiceKafkaQuotaCreate', {'user': '<user>', 'client-id': '<client_id>', 'consumer_byte_rate': 1048576, 'producer_byte_rate': 1048576, 'request_percentage': 50}), 'high',
     'Page already shows this curl in its API tab.'),
    ('quota', 91, 'Quotas', None, 'high', 'Viewing quotas.'),
    ('quota', 163, 'Delete quota', E('ServiceKafkaQuotaDelete', {'user': '<user>'}), 'high', 'Query parameters user / client-id.'),
    ('acl', 67, 'Submit', E('ServiceKafkaNativeAclAdd', {'permission_type': 'ALLOW', 'principal': 'User:alice', 'operation': 'Read', 'resource_type': 'Topic', 'pattern_type': 'LITERAL', 'resource_name': '<topic>', 'host': '*'}), 'high',
     'Kafka-native ACL entry.'),
    ('acl', 185, 'Submit', E('ServiceKafkaAclAdd', {'permission': 'read', 'topic': '<topic>', 'username': '<user>'},
                             [A('ServiceSchemaRegistryAclAdd', {'permission': 'schema_registry_read', 'resource': 'Subject:<subject>', 'username': '<user>'})]), 'high',
     'Aiven ACL: resource type Topic -> /acl, Schema -> schema-registry ACL.'),
    ('acl', 294, 'Use filters', None, 'high', 'Viewing/filtering ACL lists.'),
    ('acl', 358, 'Delete', E('ServiceKafkaNativeAclDelete', {}, [A('ServiceKafkaAclDelete', {}), A('ServiceSchemaRegistryAclDelete', {})]), 'high',
     'The tab chosen decides the kind of entry; all three delete calls are valid.'),
    # --- PostgreSQL
    ('pool', 42, 'you can check the available connection pools', E('ServicePGBouncerCreate', {'pool_name': '<pool>', 'database': '<db>', 'username': '<user>', 'pool_mode': 'transaction', 'pool_size': 10}, [A('ServicePGBouncerDelete', {})]), 'medium',
     '"check ... and add or remove them" followed by the add-form fields; delete accepted as alternative.'),
    ('pool', 78, 'To view the database connection settings', None, 'high', 'Viewing pool connection info.'),
    ('db', 20, 'Create a database', E('ServiceDatabaseCreate', {'database': '<name>'}), 'high', 'Create database.'),
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
        out.append({'id': 'aiven-%03d' % n, 'page': page, 'line': line, 'step': raw.strip(),
                    'context': context(lines, line - 1), 'expected': exp, 'confidence': conf, 'note': note})
    with open(os.path.join(HERE, 'cases.jsonl'), 'w', encoding='utf-8') as f:
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
    m = sum(1 for c in out if c['expected'])
    print(len(out), 'cases', m, 'mappable', len(out) - m, 'null', len({c['page'] for c in out}), 'pages')


if __name__ == '__main__':
    main()
