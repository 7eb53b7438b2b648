#!/usr/bin/env python3
"""Write cases.jsonl for the ConfigCat clicks -> curl set.

Each label is (page, guard, occurrence, expected, confidence, note). The line number is the
line of the page that contains `guard` (the `occurrence`-th such line, 1-based); `step` is that
line stripped. Labels were chosen by hand against openapi.yaml (see SOURCE.md).
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
HEAD_RE = re.compile(r'^\s{0,3}#{1,6}\s')
LIST_RE = re.compile(r'^(\s*)(\d+\.|[-*+])\s+')
SKIP_RE = re.compile(r'^\s*(<|:::|```|\||import |---)')


def op(method, path, operation_id, params=None, alternatives=None):
    e = {'method': method, 'path': path, 'operationId': operation_id, 'params': params or {}}
    if alternatives:
        e['alternatives'] = alternatives
    return e


# ---------------------------------------------------------------- operations used
def create_integration(kind, parameters):
    return op('POST', '/v1/products/{productId}/integrations', 'create-integration',
              {'integrationType': kind, 'name': '<name>', 'parameters': parameters,
               'environmentIds': ['<environmentId>'], 'configIds': ['<configId>']})


DELETE_INTEGRATION = op('DELETE', '/v1/integrations/{integrationId}', 'delete-integration')


def value_v2(put_params, post_values=False):
    """v2 value update. PATCH takes a bare JSON Patch array (no body keys); PUT takes the formula."""
    alts = [
        op('PATCH', '/v2/settings/{settingKeyOrId}/value', 'update-setting-value-by-sdkkey-v2'),
        op('PUT', '/v2/environments/{environmentId}/settings/{settingId}/value', 'replace-setting-value-v2', put_params),
        op('PUT', '/v2/settings/{settingKeyOrId}/value', 'replace-setting-value-by-sdkkey-v2', put_params),
    ]
    if post_values:
        alts.append(op('POST', '/v2/configs/{configId}/environments/{environmentId}/values',
                       'post-setting-values-v2', {'updateFormulas': []}))
    return op('PATCH', '/v2/environments/{environmentId}/settings/{settingId}/value', 'update-setting-value-v2',
              {}, alts)


def proxy_update(params):
    return op('PATCH', '/v1/proxy-profiles/{proxyProfileId}', 'update-proxy-profile', params,
              [op('PUT', '/v1/proxy-profiles/{proxyProfileId}', 'replace-proxy-profile', params)])


CREATE_SETTING = op('POST', '/v1/configs/{configId}/settings', 'create-setting',
                    {'key': '<key>', 'name': '<name>', 'settingType': 'boolean'})
RULES = {'defaultValue': {}, 'targetingRules': []}

# ---------------------------------------------------------------- labels
I = 'pages/integrations__'
LABELS = [
    # Datadog
    (I + 'datadog.md', "Have a <a href=\"https://www.datadoghq.com/\"", 1, None, 'high', 'Another product: a Datadog subscription.'),
    (I + 'datadog.md', "Click on Datadog's **Connect** button", 1,
     create_integration('dataDog', {'apikey': '<datadog-api-key>'}), 'high', 'create-integration, integrationType dataDog, parameters.apikey.'),
    (I + 'datadog.md', "Click the **Disconnect** button in the edit dialog.", 1, DELETE_INTEGRATION, 'high', 'Disconnect = delete the integration.'),
    # Slack
    (I + 'slack.md', "Click on Slack's CONNECT button", 1,
     create_integration('slack', {'incoming_webhook.url': '<slack-incoming-webhook-url>'}), 'medium',
     'The dashboard installs the Slack app via OAuth; the API creates the same Slack integration with an incoming webhook URL (spec says so).'),
    (I + 'slack.md', "Click on Slack's DISCONNECT button.", 1, DELETE_INTEGRATION, 'high', 'Disconnect = delete the integration.'),
    (I + 'slack.md', 'Open your Slack App Directory', 1, None, 'high', "Another product's UI: Slack App Directory."),
    (I + 'slack.md', 'click the **Remove app** button', 1, None, 'high', "Another product's UI: removing the app in Slack."),
    # Amplitude
    (I + 'amplitude.md', 'Get an <a href="https://www.docs.developers.amplitude.com', 1, None, 'high', 'Another product: Amplitude API credentials.'),
    (I + 'amplitude.md', "Click on Amplitude's **Connect** button", 1,
     create_integration('amplitude', {'apiKey': '<amplitude-api-key>', 'secretKey': '<amplitude-secret-key>'}), 'high',
     'create-integration, integrationType amplitude.'),
    (I + 'amplitude.md', "Click the **Disconnect** button in the edit dialog.", 1, DELETE_INTEGRATION, 'high', 'Disconnect = delete the integration.'),
    # Mixpanel
    (I + 'mixpanel.md', 'Create a Service account that has at least an Analyst role.', 1, None, 'high', "Another product's UI: Mixpanel service account."),
    (I + 'mixpanel.md', "Click on Mixpanel's CONNECT button", 1,
     create_integration('mixPanel', {'serviceAccountUserName': '<user>', 'serviceAccountSecret': '<secret>', 'projectId': '<project-id>'}),
     'high', 'create-integration, integrationType mixPanel.'),
    (I + 'mixpanel.md', "Click on Mixpanel's DISCONNECT button.", 1, DELETE_INTEGRATION, 'high', 'Disconnect = delete the integration.'),
    # Segment
    (I + 'segment.md', 'Add the <a href="https://segment.com/catalog/integrations/source/configcat/"', 1, None, 'high',
     "Another product's UI: adding the ConfigCat source in Twilio Segment."),
    (I + 'segment.md', "Click on Twilio Segment's CONNECT button", 1,
     create_integration('segment', {'writeKey': '<segment-write-key>'}), 'high', 'create-integration, integrationType segment.'),
    (I + 'segment.md', "Click on Twilio Segment's DISCONNECT button.", 1, DELETE_INTEGRATION, 'high', 'Disconnect = delete the integration.'),
    # Webhooks
    ('pages/advanced__notifications-webhooks.md', 'Go to the <a href="https://app.configcat.com/webhook"', 1, None, 'medium',
     'Navigation; same block as the create step.'),
    ('pages/advanced__notifications-webhooks.md', 'Click the **+ ADD WEBHOOK** button.', 1,
     op('POST', '/v1/configs/{configId}/environments/{environmentId}/webhooks', 'create-webhook',
        {'url': '<url>', 'httpMethod': 'post', 'content': '<body>', 'webHookHeaders': []}), 'high',
     'Config and Environment are path parameters; URL, method, headers and body are the request body.'),
    ('pages/advanced__notifications-webhooks.md', 'Click **SAVE & PUBLISH CHANGES**.', 1,
     value_v2(RULES, post_values=True), 'medium',
     'Saving a changed flag value. The config-wide save also matches post-setting-values-v2.'),
    ('pages/advanced__notifications-webhooks.md', 'You can retrieve the **signing key(s)**', 1,
     op('GET', '/v1/webhooks/{webhookId}/keys', 'get-webhook-signing-keys'), 'medium',
     'Retrieving signing keys has its own read operation.'),
    ('pages/advanced__notifications-webhooks.md', 'For **key rotation** purposes, you can generate a secondary signing key.', 1, None,
     'medium', 'Hard negative: no operation generates a webhook signing key (only get-webhook-signing-keys).'),
    # Proxy profiles
    ('pages/advanced__proxy__overview.md', 'You can set up Proxy profiles under the `Manage organization`', 1, None, 'high', 'Navigation.'),
    ('pages/advanced__proxy__overview.md', 'Click on the `+ ADD PROFILE` button.', 1,
     op('POST', '/v1/organizations/{organizationId}/proxy-profiles', 'create-proxy-profile',
        {'name': '<name>', 'description': '<description>'}), 'high', 'create-proxy-profile.'),
    ('pages/advanced__proxy__overview.md', 'Give the profile a meaningful name and description, then click `CREATE`.', 1,
     op('POST', '/v1/organizations/{organizationId}/proxy-profiles', 'create-proxy-profile',
        {'name': '<name>', 'description': '<description>'}), 'high', 'The save step of the same form.'),
    ('pages/advanced__proxy__overview.md', 'Click on the edit icon in the `SDK Keys` column.', 1,
     op('POST', '/v1/proxy-profiles/{proxyProfileId}/sdk-keys/select', 'select-proxy-profile-sdk-keys',
        {'items': [{'configId': '<configId>', 'environmentId': '<environmentId>'}]},
        [op('PATCH', '/v1/proxy-profiles/{proxyProfileId}', 'update-proxy-profile', {'sdkKeySelectionRules': []})]),
     'medium', 'Manual selection = select-proxy-profile-sdk-keys; selection rules = update-proxy-profile.sdkKeySelectionRules.'),
    ('pages/advanced__proxy__overview.md', 'set the poll interval and click on `SAVE POLL INTERVAL`', 1,
     proxy_update({'connectionPreferences': {'sdkPollInterval': 60}}), 'high', 'connectionPreferences.sdkPollInterval.'),
    ('pages/advanced__proxy__overview.md', "enter your Proxy instance's public URL and click `ADD PROXY URL`", 1,
     proxy_update({'connectionPreferences': {'webhookNotification': {'webhookProxyUrl': '<url>'}}}), 'high',
     'connectionPreferences.webhookNotification.webhookProxyUrl.'),
    # Team management
    ('pages/advanced__team-management__team-management-basics.md', 'Click the `Invite Team Members` button on the sidebar.', 1, None,
     'medium', 'Opens the invite dialog; same block as the send step.'),
    ('pages/advanced__team-management__team-management-basics.md', 'Select a _Permission group_ and click on **SEND INVITATION EMAIL**.', 1,
     op('POST', '/v1/products/{productId}/members/invite', 'invite-member',
        {'emails': ['<email>'], 'permissionGroupId': 0}), 'high', 'invite-member with emails and permissionGroupId.'),
    ('pages/advanced__team-management__team-management-basics.md', 'You can modify their permission group later anytime.', 1,
     op('POST', '/v1/organizations/{organizationId}/members/{userId}', 'add-member-to-group',
        {'permissionGroupIds': [0]}), 'medium', 'Update Member Permissions moves a member between permission groups.'),
    ('pages/advanced__team-management__team-management-basics.md', 'You can manage your team on the <a href="https://app.configcat.com/product/members"', 1,
     None, 'high', 'Navigation to the Team Members page.'),
    ('pages/advanced__team-management__team-management-basics.md', 'Enforce 2FA for your team members', 1, None, 'high',
     'Hard negative: no operation enforces 2FA.'),
    ('pages/advanced__team-management__auto-assign-users.md', 'Select the domain you want to configure, and click `RE-CONFIGURE`', 1, None,
     'high', 'Hard negative: auto-assign settings have no operation.'),
    ('pages/advanced__team-management__domain-verification.md', 'Click `ADD & VERIFY DOMAIN`.', 1, None, 'high',
     'Hard negative: domain verification has no operation.'),
    # Getting started / flags
    ('pages/getting-started.md', 'Click _ADD FEATURE FLAG_ and give it a name.', 1, CREATE_SETTING, 'high', 'create-setting.'),
    ('pages/advanced__predefined-variations.md', 'When creating a new feature flag, you can choose between free-form values and predefined variations.', 1,
     op('POST', '/v1/configs/{configId}/settings', 'create-setting',
        {'key': '<key>', 'name': '<name>', 'settingType': 'string', 'predefinedVariations': []}), 'medium',
     'create-setting with predefinedVariations; the sentence describes a choice in the create form.'),
    ('pages/advanced__predefined-variations.md', 'You can add/remove/modify predefined variations for a feature flag', 1,
     op('PUT', '/v1/settings/{settingId}/predefined-variations', 'update-predefined-variations',
        {'predefinedVariations': []}), 'high', 'update-predefined-variations.'),
    ('pages/targeting__percentage-options.md', 'You can add Percentage Options to a feature flag by clicking the **+%** button', 1,
     value_v2(RULES), 'medium',
     'Percentage options live in the evaluation formula (percentageOptions / targetingRules).'),
    ('pages/targeting__percentage-options.md', 'In the top right corner of the feature flag, open the kebab (3 dots) menu', 1,
     value_v2({'defaultValue': {}, 'targetingRules': [], 'percentageEvaluationAttribute': '<attribute>'}), 'high',
     'percentageEvaluationAttribute is a field of the v2 value operations.'),
    ('pages/targeting__targeting-rule__segment-condition.md', 'You can add a Segment Condition to a feature flag by clicking the **+IF**', 1,
     value_v2(RULES), 'medium', 'Targeting rule with a segmentCondition.'),
    ('pages/targeting__targeting-rule__segment-condition.md', 'You can define your segments on the ConfigCat Dashboard', 1,
     op('POST', '/v1/products/{productId}/segments', 'create-segment',
        {'name': '<name>', 'comparisonAttribute': '<attr>', 'comparator': 'isOneOf', 'comparisonValue': '<value>'}),
     'medium', 'Defining a segment = create-segment; the sentence names the page.'),
    ('pages/targeting__targeting-rule__targeting-rule-overview.md', 'You can add a Targeting Rule to a feature flag by clicking the **+IF**', 1,
     value_v2(RULES), 'medium', 'Adds a targeting rule.'),
    ('pages/targeting__targeting-rule__targeting-rule-overview.md', 'The order of the Targeting Rules can be changed on the Dashboard by dragging', 1,
     value_v2(RULES), 'medium',
     'The spec says the JSON Patch value endpoint supports reordering targeting rules.'),
    ('pages/targeting__targeting-rule__user-condition.md', 'You can add a User Condition to a feature flag by clicking the **+IF**', 1,
     value_v2(RULES), 'medium', 'Targeting rule with a userCondition.'),
    # Config V2 migration
    ('pages/advanced__config-v2-migration-guide.md', 'click on the `Start migration` button on top of a V1 config.', 1, None, 'high',
     'Hard negative: the V1 -> V2 migration has no operation.'),
    ('pages/advanced__config-v2-migration-guide.md', 'Click `Create V2 config` to create a new config with the same settings', 1, None, 'medium',
     'Hard negative: create-config makes an empty config; copying a V1 config into V2 is not an operation.'),
    ('pages/advanced__config-v2-migration-guide.md', 'you can finalize the migration by removing the V1 config.', 1,
     op('DELETE', '/v1/configs/{configId}', 'delete-config'), 'medium', 'Removing the V1 config = delete-config.'),
    # Zombie flags
    ('pages/zombie-flags.md', '**Receive report via email:** Turn on email notifications', 1, None, 'high',
     'Hard negative: Zombie Flags Report preferences have no operation (get-staleflags only reads).'),
    # SAML (Okta) and SCIM
    ('pages/advanced__team-management__saml__identity-providers__okta.md', "- Click on `Create App Integration`.", 1, None, 'high', "Another product's UI: Okta."),
    ('pages/advanced__team-management__saml__identity-providers__okta.md', '- Click `ADD SAML IDENTITY PROVIDER`.', 1, None, 'high',
     'Hard negative: SAML identity providers have no operation.'),
    ('pages/advanced__team-management__scim__overview.md', 'To get the bearer token, go to the **1. Connect your Identity Provider** section', 1, None,
     'high', 'Hard negative: no operation generates a SCIM token.'),
    ('pages/advanced__team-management__scim__overview.md', 'you can turn ON the **Provision future users automatically** toggle', 1, None, 'high',
     'Hard negative: SCIM provisioning settings have no operation.'),
    # LaunchDarkly migration
    ('pages/advanced__migration-from-launchdarkly.md', 'To launch the import tool, open the dropdown menu', 1, None, 'high',
     'Hard negative: the LaunchDarkly import tool has no operation.'),
    ('pages/advanced__migration-from-launchdarkly.md', 'You can obtain it from the [ConfigCat Dashboard]', 1,
     op('GET', '/v1/configs/{configId}/environments/{environmentId}', 'get-sdk-keys'), 'medium',
     'Getting the SDK key (VIEW SDK KEY) = get-sdk-keys.'),
    # Zapier
    ('pages/integrations__zapier.md', 'Navigate to **App Connections** from the side menu.', 1, None, 'high', "Another product's UI: Zapier."),
    ('pages/integrations__zapier.md', 'Get your API credentials for <a href="https://app.configcat.com/my-account/public-api-credentials"', 1, None,
     'high', 'Hard negative: Public API credentials cannot be created through the API.'),
    # News
    ('pages/news.md', 'you can optionally change this setting for existing Slack integrations', 1,
     op('PUT', '/v1/integrations/{integrationId}', 'update-integration',
        {'name': '<name>', 'parameters': {'includeSensitiveData': 'true'}, 'environmentIds': [], 'configIds': []}),
     'medium', 'Slack includeSensitiveData parameter of update-integration.'),
    ('pages/news.md', 'Cloning a feature flag now lets you quickly create a new flag in any config.', 1,
     op('POST', '/v1/configs/{configId}/settings', 'create-setting',
        {'key': '<key>', 'name': '<name>', 'settingType': 'boolean', 'settingIdToInitFrom': 0}), 'medium',
     'create-setting with settingIdToInitFrom copies values and tags.'),
    ('pages/news.md', '- Copy rules for an entire config, or', 1, None, 'low',
     'Hard negative: no copy-rules operation (a read-then-write of values is not the same action).'),
    # FAQ
    ('pages/faq.md', 'Invite the new email to join your ConfigCat organization', 1,
     op('POST', '/v1/products/{productId}/members/invite', 'invite-member', {'emails': ['<email>'], 'permissionGroupId': 0}),
     'medium', 'Invitations go through a product (invite-member).'),
    ('pages/faq.md', 'Proceed with deleting your old account from', 1, None, 'medium',
     'Hard negative: deleting a user account has no operation (delete-organization-member only removes from an org).'),
    ('pages/faq.md', 'Go to the [Plans](https://app.configcat.com/organization/plans) page and click the `Switch Plan`', 1, None, 'high',
     'Hard negative: no subscription operation.'),
    ('pages/faq.md', '_Solution 3:_ Contact your `Organization Admin`', 1, None, 'high', 'Hard negative: no operation disables 2FA for a member.'),
    # Data governance
    ('pages/advanced__data-governance.md', 'Open <a href="https://app.configcat.com/organization/data-governance">', 1, None, 'high',
     'Hard negative: data governance preferences have no operation.'),
]


def context(lines, i):
    heading = ''
    for j in range(i - 1, -1, -1):
        if HEAD_RE.match(lines[j]):
            heading = lines[j].strip().lstrip('#').strip()
            break
    prev = ''
    for j in range(i - 1, -1, -1):
        s = lines[j]
        if HEAD_RE.match(s):
            break
        if not s.strip() or SKIP_RE.match(s):
            continue
        prev = s.strip()
        if not LIST_RE.match(s):
            parts = re.split(r'(?<=[.!?])\s+', prev)
            prev = parts[-1] if parts[-1] else prev
        break
    return {'heading': heading, 'previous_step': prev}


def main():
    out, n = [], 0
    for page, guard, occ, expected, conf, note in LABELS:
        lines = open(os.path.join(HERE, page), encoding='utf-8').read().split('\n')
        hits = [k for k, l in enumerate(lines) if guard in l]
        if len(hits) < occ:
            raise SystemExit(f'guard not found: {page}: {guard!r}')
        i = hits[occ - 1]
        n += 1
        out.append({'id': f'configcat-{n:03d}', 'page': page, 'line': i + 1, 'step': lines[i].strip(),
                    'context': context(lines, i), 'expected': expected, 'confidence': conf, 'note': note})
    with open(os.path.join(HERE, 'cases.jsonl'), 'w', encoding='utf-8') as f:
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
    m = sum(1 for c in out if c['expected'])
    print(f'{len(out)} cases, {m} mappable, {len(out) - m} null, {len({c["page"] for c in out})} pages')


if __name__ == '__main__':
    main()
