#!/usr/bin/env python3
"""Write cases.jsonl for the Rocket.Chat set from hand-made labels.

Each label is (page, line, guard, expected, confidence, note). `guard` must be a
substring of the page line; `step` is the stripped line. `expected` is built from
an operationId: method and path are looked up in openapi.yaml (the merged spec),
so they are always spelled as in the spec.
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


def A(op, params=None):
    m, p = OPS[op]
    return {'method': m, 'path': p, 'operationId': op, 'params': params or {}}


def E(op, params=None, alts=()):
    e = A(op, params)
    if alts:
        e['alternatives'] = [dict(a) for a in alts]
    return e


def SET(setting_id, value, more=()):
    """A workspace setting: POST /api/v1/settings/{_id}, or the bulk POST /api/v1/settings."""
    items = [{'_id': setting_id, 'value': value}] + [{'_id': k, 'value': v} for k, v in more]
    single = A('post-api-v1-settings-_id', {'value': value})
    bulk = A('post-api-v1-settings', {'settings': items})
    if more:  # several settings in one step: the bulk call is the closer fit
        return E('post-api-v1-settings', bulk['params'], [single])
    return E('post-api-v1-settings-_id', single['params'], [bulk])


PG = {
    'usr': 'use-rocket.chat__workspace-administration__users__README.md',
    'room': 'use-rocket.chat__workspace-administration__rooms.md',
    'stat': 'use-rocket.chat__workspace-administration__user-status.md',
    'emo': 'use-rocket.chat__workspace-administration__emoji.md',
    'snd': 'use-rocket.chat__workspace-administration__sounds.md',
    'inbox': 'use-rocket.chat__workspace-administration__email-inboxes.md',
    'inv': 'use-rocket.chat__workspace-administration__invites.md',
    'mail': 'use-rocket.chat__workspace-administration__mailer.md',
    'tpl': 'use-rocket.chat__workspace-administration__third-party-login.md',
    'int': 'use-rocket.chat__workspace-administration__integrations__README.md',
    'dep': 'use-rocket.chat__omnichannel__departments.md',
    'bh': 'use-rocket.chat__omnichannel__business-hours.md',
    'trg': 'use-rocket.chat__omnichannel__livechat-triggers.md',
    'cf': 'use-rocket.chat__omnichannel__custom-fields.md',
    'sla': 'use-rocket.chat__omnichannel__sla-policies.md',
    'pri': 'use-rocket.chat__omnichannel__priorities.md',
    'tag': 'use-rocket.chat__omnichannel__tags.md',
    'unit': 'use-rocket.chat__omnichannel__units.md',
    'agt': 'use-rocket.chat__omnichannel__agents.md',
    'mgr': 'use-rocket.chat__omnichannel__managers.md',
    'mon': 'use-rocket.chat__omnichannel__monitors.md',
    'can': 'use-rocket.chat__omnichannel__canned-responses__canned-responses-omnichannel-managers-guide.md',
    'wh': 'use-rocket.chat__omnichannel__webhooks.md',
    'chan': 'use-rocket.chat__user-guides__rooms__channels__create-a-new-channel.md',
    'tch': 'use-rocket.chat__user-guides__rooms__teams__manage-team-channels.md',
}

INBOX = {'name': '<name>', 'email': 'support@example.com', 'active': True, 'department': '<department_id>',
         'smtp': {'server': 'smtp.example.com', 'port': 587, 'username': '<user>', 'password': '<password>', 'secure': False},
         'imap': {'server': 'imap.example.com', 'port': 993, 'username': '<user>', 'password': '<password>', 'secure': True}}

L = [
    # --- Administration > Users
    ('usr', 11, 'To access this menu, go to', None, 'high', 'Navigation to the Users page.'),
    ('usr', 20, 'Hit **Send**', E('post-api-v1-sendInvitationEmail', {'emails': ['jane@example.com']}), 'high',
     'Invite users by email = sendInvitationEmail.'),
    ('usr', 33, 'Hit **Save.**', E('post-api-v1-users.create', {'name': '<name>', 'email': 'jane@example.com', 'password': '<password>', 'username': '<username>'}), 'high',
     'Saving the New user form = users.create.'),
    # --- Administration > Rooms
    ('room', 15, 'Navigate to **Administration**', None, 'high', 'Navigation.'),
    ('room', 17, 'It displays all the rooms', None, 'high', 'Viewing the rooms table (rooms.adminRooms exists, viewing is null).'),
    ('room', 26, 'Click **Save.**', E('post-api-v1-rooms.saveRoomSettings', {'rid': '<room_id>', 'readOnly': True, 'featured': True, 'roomType': 'p'}), 'high',
     'Saving the admin room edit panel (read-only, private, featured) = rooms.saveRoomSettings.'),
    ('room', 35, 'Yes, delete it!', E('get-api-v1-rooms.delete', {'roomId': '<room_id>'}), 'high',
     'Confirm room deletion = POST rooms.delete (the operationId says get-, the method is POST).'),
    # --- User Status
    ('stat', 18, 'Navigate to **Administration**', None, 'high', 'Navigation.'),
    ('stat', 28, 'Toggle the **Service status** to on.', None, 'medium',
     'Hard negative: the Presence service switch has no REST operation (users.presence only reads presence; method.call is a generic escape hatch).'),
    ('stat', 50, 'Hit **Save.**', E('post-api-v1-custom-user-status.create', {'name': '<name>', 'statusType': 'busy'}), 'high',
     'New custom status with name and presence = custom-user-status.create.'),
    ('stat', 68, 'Click **Delete** to delete the status.', E('post-api-v1-custom-user-status.delete', {'customUserStatusId': '<status_id>'}), 'high',
     'Delete a custom status. The previous item (edit and Save) is custom-user-status.update; it is not a separate case.'),
    # --- Emoji
    ('emo', 18, 'Hit **Save**', E('post-api-v1-emoji-custom.create', {'emoji': '@emoji.png', 'name': '<name>', 'aliases': '<alias>'}), 'high',
     'Add emoji form (name, alias, image) = emoji-custom.create (multipart).'),
    ('emo', 22, 'To use an emoji', None, 'medium',
     'Typing :emoji_name: in the message box is using an emoji while composing, not an admin action.'),
    # --- Sounds
    ('snd', 13, 'Click **Save**. After it is saved', E('post-api-v1-custom-sounds.create', {'sound': '@sound.mp3', 'name': '<name>'}), 'high',
     'Add a sound (name + mp3) = custom-sounds.create (multipart).'),
    ('snd', 17, 'After adding a sound', None, 'medium',
     'Cross-reference to the per-user sound preference; not a step here (users.setPreferences would be the user-side call).'),
    # --- Email inboxes
    ('inbox', 32, 'Hit **Save**', E('post-api-v1-email-inbox', INBOX), 'high', 'New email inbox (name, email, department, SMTP, IMAP) = POST /email-inbox.'),
    ('inbox', 62, 'Admin Center > Active Users', None, 'high', 'Microsoft 365 admin center, another product.'),
    ('inbox', 63, 'Azure Active Directory', None, 'high', 'Azure AD security defaults, another product.'),
    ('inbox', 80, 'Click **Save**.', E('post-api-v1-email-inbox', dict(INBOX, description='<description>', senderInfo='<sender>')), 'high',
     'Office365 inbox form saved = POST /email-inbox.'),
    # --- Invites
    ('inv', 7, 'Navigate to **Administration**', None, 'high', 'Navigation.'),
    ('inv', 18, 'Hit **Yes** to confirm the deletion.', E('delete-api-v1-removeInvite-_id'), 'high', 'Delete an invite record = DELETE /removeInvite/{_id}.'),
    # --- Mailer
    ('mail', 7, 'To access this menu, navigate to', None, 'high', 'Navigation.'),
    ('mail', 12, 'write a subject and a body', E('post-api-v1-mailer', {'from': 'admin@example.com', 'subject': '<subject>', 'body': '<p>Hi [name] [unsubscribe]</p>', 'dryrun': False}), 'medium',
     'The Mailer form (From, Dry Run, subject, body); the page never names the send button. The API has no `query` field, the UI has.'),
    # --- Third-party login (OAuth apps)
    ('tpl', 13, 'Go to the **My Integrations** tab.', None, 'high', 'Zapier developer platform, another product.'),
    ('tpl', 14, 'On the **Create Integration** page', None, 'high', 'Creating an integration in Zapier, another product (hard negative next to integrations.create).'),
    ('tpl', 31, 'Click **Save**.', E('post-api-v1-oauth-apps.create', {'name': 'Zapier login', 'active': True, 'redirectUri': 'https://zapier.com/dashboard/auth/oauth/return/App201062CLIAPI/'}), 'high',
     'New third-party login application = oauth-apps.create.'),
    ('tpl', 39, 'Copy the **Client ID**', None, 'high', 'Copying credentials into Zapier.'),
    ('tpl', 46, 'Grant the access', None, 'high', 'OAuth consent pop-up; /oauth/authorize is not in the REST spec.'),
    # --- Integrations (webhooks)
    ('int', 42, 'Save the integration.', E('post-api-v1-integrations-create', {'type': 'webhook-incoming', 'name': '<name>', 'enabled': True, 'channel': '#general', 'username': 'rocket.cat', 'alias': '<alias>', 'avatar': '<url>', 'emoji': ':ghost:', 'scriptEnabled': True, 'script': '<script>'}), 'high',
     'New incoming webhook = integrations.create type webhook-incoming.'),
    ('int', 43, 'Use the generated **Webhook URL**', None, 'medium',
     'Posting to the generated /hooks/<id>/<token> URL; that endpoint is not in the spec.'),
    ('int', 163, 'Save your integration.', E('post-api-v1-integrations-create', {'type': 'webhook-outgoing', 'event': 'sendMessage', 'name': '<name>', 'enabled': True, 'channel': '#general', 'triggerWords': ['!deploy'], 'urls': ['https://example.com/hook'], 'username': 'rocket.cat', 'token': '<token>', 'scriptEnabled': True, 'script': '<script>'}), 'high',
     'New outgoing webhook = integrations.create type webhook-outgoing.'),
    ('int', 326, 'Generate a webhook on a third-party platform', None, 'high', 'Step in Slack (another product).'),
    ('int', 327, 'Create an outgoing webhook', E('post-api-v1-integrations-create', {'type': 'webhook-outgoing', 'event': 'sendMessage', 'urls': ['<third_party_webhook_url>'], 'channel': '#general', 'username': 'rocket.cat', 'enabled': True}), 'medium',
     'Pattern summary rather than a UI procedure, but the action is integrations.create.'),
    # --- Omnichannel departments
    ('dep', 10, 'To access the **Department** menu', None, 'high', 'Navigation.'),
    ('dep', 36, 'Click **Save**.', E('post-api-v1-livechat-department', {'department': {'enabled': True, 'name': '<name>', 'description': '<description>', 'showOnRegistration': True, 'email': 'support@example.com', 'showOnOfflineForm': True}, 'agents': [{'agentId': '<agent_id>'}]}), 'high',
     'Create department form = POST /livechat/department.'),
    ('dep', 60, 'select **Archive**', E('post-api-v1-livechat-department-archive-_id'), 'high', 'Archive a department.'),
    ('dep', 78, 'Then, select **Delete**.', E('delete-api-v1-livechat-department-_id'), 'high', 'Delete a department.'),
    # --- Business hours
    ('bh', 23, 'Click **Save Changes**.', SET('Livechat_enable_business_hours', True, [('Livechat_business_hour_type', 'Multiple')]), 'medium',
     'Two workspace settings (enabled, type): bulk settings update, or one POST /settings/{_id} per setting.'),
    ('bh', 37, 'Click **Save**.', E('post-api-v1-livechat-business-hours.save', {'name': '<name>', 'active': True, 'type': 'custom', 'timezoneName': 'Europe/Berlin', 'daysOpen': ['Monday'], 'workHours': [{'day': 'Monday', 'start': '08:00', 'finish': '17:00', 'open': True}], 'departmentsToApplyBusinessHour': '<department_id>'}), 'high',
     'New business hour = business-hours.save.'),
    ('bh', 41, 'The Business Hours page shows a list', None, 'high', 'Viewing the list.'),
    # --- Livechat triggers
    ('trg', 5, 'To access this menu, go to', None, 'high', 'Navigation.'),
    ('trg', 81, '**Send Test:**', E('post-api-v1-livechat-triggers-external-service-test', {'webhookUrl': 'https://example.com/trigger', 'timeout': 5000, 'fallbackMessage': '<message>'}), 'high',
     'Send Test of the external-service action = triggers/external-service/test.'),
    ('trg', 94, 'To delete a trigger', E('delete-api-v1-livechat-triggers-_id'), 'high', 'Delete a trigger.'),
    # --- Custom fields
    ('cf', 5, 'To access this menu, go to', None, 'high', 'Navigation.'),
    ('cf', 43, 'To delete an Omnichannel Custom Field', E('post-api-v1-livechat-custom-fields.delete', {'customFieldId': '<field_id>'}), 'high',
     'Delete a custom field. Hard neighbour: livechat/custom.field sets a visitor value, not a definition.'),
    # --- SLA policies
    ('sla', 26, 'Click **Save**.', E('post-api-v1-livechat-sla', {'name': '<name>', 'description': '<description>', 'dueTimeInMinutes': 10}), 'high', 'Create SLA policy.'),
    ('sla', 37, 'click the **Delete** icon across the SLA Policy', E('delete-api-v1-livechat-sla-slaId'), 'high', 'Delete SLA policy.'),
    # --- Priorities
    ('pri', 10, 'select **Priorities.** Click **Save Changes**.', SET('Omnichannel_sorting_mechanism', 'Priority'), 'medium',
     'Queue sorting mechanism setting; setting id and value not given on the page.'),
    ('pri', 12, 'Select a priority to edit it', E('put-api-v1-livechat-priorities-priorityId', {'name': '<name>'}), 'high', 'Rename a priority = PUT /livechat/priorities/{priorityId}.'),
    ('pri', 13, 'Click **Reset**', E('post-livechat-priorities.reset'), 'high', 'Reset priority names = POST priorities.reset.'),
    ('pri', 19, 'Select the **priority** option', E('post-api-v1-livechat-room-rid-priority', {'priorityId': '<priority_id>'}), 'high',
     'Set the priority of a chat = POST /livechat/room/{rid}/priority.'),
    ('pri', 34, 'You can preview the priority', None, 'high', 'Viewing Current Chats.'),
    # --- Tags
    ('tag', 11, 'To access **Tags** settings', None, 'high', 'Navigation.'),
    ('tag', 33, 'Click on the **Delete** icon across the **Tag**', E('post-api-v1-livechat-tags.delete', {'id': '<tag_id>'}), 'high', 'Delete a tag.'),
    # --- Units
    ('unit', 11, 'On the **Units** page', None, 'high', 'Viewing the unit list.'),
    ('unit', 23, 'Click **Save**.', E('post-api-v1-livechat-units', {'unitData': {'name': '<name>', 'visibility': 'public'}, 'unitMonitors': [{'monitorId': '<user_id>', 'username': '<username>'}], 'unitDepartments': [{'departmentId': '<department_id>'}]}), 'high',
     'Create unit = POST /livechat/units.'),
    # --- Agents / managers / monitors
    ('agt', 5, 'To access this menu, go to', None, 'high', 'Navigation.'),
    ('agt', 12, 'Click **Add agent**.', E('post-api-v1-livechat-users-:type', {'username': '<username>'}), 'high', 'POST /livechat/users/agent.'),
    ('agt', 18, 'On the Omnichannel agent menu, a list', None, 'high', 'Viewing agents and their status.'),
    ('agt', 31, 'To remove a user from the agents', E('delete-api-v1-livechat-users-type-_id'), 'high', 'DELETE /livechat/users/agent/{_id}.'),
    ('mgr', 9, 'On the **Managers** screen', None, 'high', 'Viewing managers.'),
    ('mgr', 16, 'Click **Add manager**.', E('post-api-v1-livechat-users-:type', {'username': '<username>'}), 'high', 'POST /livechat/users/manager.'),
    ('mon', 15, 'On the **Monitors** page', None, 'high', 'Viewing monitors.'),
    ('mon', 21, 'click **Add monitor**', E('post-api-v1-livechat-monitors.create', {'username': '<username>'}), 'high', 'Add monitor = monitors.create.'),
    # --- Canned responses
    ('can', 19, 'Click **Save**.', E('post-api-v1-canned-responses', {'shortcut': '<shortcut>', 'text': '<message>', 'scope': 'department', 'tags': ['<tag>'], 'departmentId': '<department_id>'}), 'high',
     'Create canned response = POST /canned-responses.'),
    ('can', 48, '**Search**: Searching the Canned Message', None, 'medium', 'Filtering the list (GET /canned-responses with filters); viewing is null.'),
    # --- Omnichannel webhooks
    ('wh', 5, 'To access **Webhooks** settings', None, 'high', 'Navigation.'),
    ('wh', 22, 'Click Save.', E('post-api-v1-omnichannel-integrations', {'LivechatWebhookUrl': 'https://crm.example.com/hook', 'LivechatSecretToken': '<token>', 'LivechatHttpTimeout': 5000, 'LivechatWebhookOnStart': True, 'LivechatWebhookOnClose': True}), 'high',
     'Omnichannel webhook (URL, secret, events, timeout) = POST /omnichannel/integrations.'),
    # --- Channels and teams (user guide)
    ('chan', 10, 'Then, click **Create**.', E('post-api-v1-channels.create', {'name': '<name>', 'members': ['<username>']}, [A('post-api-v1-groups.create', {'name': '<name>', 'members': ['<username>']})]), 'high',
     'Public channel = channels.create, private = groups.create; the page lets the user choose, so both count.'),
    ('tch', 21, 'To see the list of channels in a Team', None, 'high', 'Viewing team channels (teams.listRooms exists; viewing is null).'),
    ('tch', 43, 'Click **Add**.', E('post-api-v1-teams.addRooms', {'teamId': '<team_id>', 'rooms': ['<room_id>']}), 'high', 'Add existing channels to a team.'),
    ('tch', 55, 'Mark the **Auto-join** checkbox.', E('post-api-v1-teams.updateRoom', {'roomId': '<room_id>', 'isDefault': True}), 'high', 'Auto-join = teams.updateRoom isDefault.'),
    ('tch', 71, 'select **Remove from Team.**', E('post-api-v1-teams.removeRoom', {'teamId': '<team_id>', 'roomId': '<room_id>'}), 'high', 'Remove a channel from the team.'),
    ('tch', 100, 'select **Convert to Team**', E('post-api-v1-channels.convertToTeam', {'channelId': '<room_id>'}, [A('post-api-v1-groups.convertToTeam', {'roomId': '<room_id>'})]), 'high',
     'Public channel = channels.convertToTeam, private = groups.convertToTeam.'),
]

HEAD_RE = re.compile(r'^\s{0,3}#{1,6}\s')
LIST_RE = re.compile(r'^\s*(?:[-*+]|\d+[.)])\s+')
SKIP_RE = re.compile(r'^\s*(<|:::|```|\||import |---|\{%)')


def context(lines, i):
    heading = ''
    for j in range(i - 1, -1, -1):
        if HEAD_RE.match(lines[j]):
            heading = lines[j].strip().lstrip('#').strip()
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
        out.append({'id': 'rocketchat-%03d' % n, 'page': page, 'line': line, 'step': raw.strip(),
                    'context': context(lines, line - 1), 'expected': exp, 'confidence': conf, 'note': note})
    with open(os.path.join(HERE, 'cases.jsonl'), 'w', encoding='utf-8') as f:
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
    m = sum(1 for c in out if c['expected'])
    print(len(out), 'cases', m, 'mappable', len(out) - m, 'null', len({c['page'] for c in out}), 'pages')


if __name__ == '__main__':
    main()
