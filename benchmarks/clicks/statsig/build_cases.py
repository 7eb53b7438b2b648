#!/usr/bin/env python3
"""Write cases.jsonl for the Statsig clicks -> curl set.

Labels are kept here as (page, line, guard, expected, confidence, note). `guard` is a substring
that must occur in the line; `step` is the stripped line, `context` is derived from the page.
The spec has no operationIds, so every expected operationId is null (as the spec says).
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
V = '/console/v1'


def op(method, path, params=None, alternatives=None):
    e = {'method': method, 'path': V + path, 'operationId': None, 'params': params or {}}
    if alternatives:
        e['alternatives'] = alternatives
    return e


GATE_RULE = {'name': '<rule name>', 'passPercentage': 100, 'conditions': [{'type': 'public'}], 'environments': ['production']}

CASES = [
    # ---------------------------------------------------------------- feature gates
    ('feature-flags__create.md', 19, 'Click **Create** to complete',
     op('POST', '/gates', {'name': '<gate name>', 'description': '<description>'}), 'high',
     'Final click of the gate creation dialog (name and description from the step before).'),
    ('feature-flags__create.md', 31, '+ Add New Rule',
     op('POST', '/gates/{id}/rule', GATE_RULE), 'high',
     'Add Gate Rule; name, criteria (conditions), split % and environments are filled in the next steps.'),
    ('feature-flags__create.md', 58, 'checkGate',
     None, 'high', 'SDK call and the console code-snippet button; nothing to do in the Console API.'),
    ('feature-flags__overrides.md', 17, 'Add Override',
     op('PATCH', '/gates/{id}/overrides', {'passingUserIDs': ['<user id>'], 'failingUserIDs': ['<user id>']},
        [op('POST', '/gates/{id}/overrides', {'passingUserIDs': ['<user id>'], 'failingUserIDs': ['<user id>']})]), 'high',
     'PATCH "Add Gate Overrides" adds IDs; POST replaces the override lists and is accepted too.'),
    ('feature-flags__overrides.md', 61, 'Test Gate',
     None, 'high', 'Testing in the console "Test Gate" window; the Console API has no gate-evaluation endpoint (that is the HTTP API).'),
    ('feature-flags__feature-flags-lifecycle.md', 42, 'Launch or Disable',
     op('PUT', '/gates/{id}/launch', {}, [op('PUT', '/gates/{id}/disable', {})]), 'medium',
     'The menu item covers both Launch and Disable; both operations are equally right.'),
    ('feature-flags__feature-flags-lifecycle.md', 62, 'remove the gate reference',
     None, 'high', 'Code change in the user\'s codebase.'),
    ('feature-flags__feature-flags-lifecycle.md', 71, 'Click on filter icon',
     None, 'high', 'Filtering the gates catalog (viewing).'),
    ('feature-flags__feature-flags-lifecycle.md', 82, '"Archive"',
     op('PUT', '/gates/{id}/archive', {}), 'high', 'Archive Gate.'),
    ('feature-flags__feature-flags-lifecycle.md', 120, 'clone an archived gate',
     None, 'medium', 'Hard negative: the spec has no clone operation for gates (a new gate with copied rules would be two calls).'),
    ('feature-flags__scheduled-rollouts.md', 18, 'Schedule Automated Rollout',
     op('PATCH', '/gates/{id}/rules/{ruleID}', {'pendingAutomatedRollouts': [{'time': 1767225600000, 'passPercent': 50}]}), 'medium',
     'Scheduled rollout phases are the rule\'s pendingAutomatedRollouts (time, passPercent).'),
    ('feature-flags__scheduled-rollouts.md', 57, 'Account Settings',
     None, 'high', 'Hard negative: personal Slack/notification settings are not in the Console API.'),
    ('guides__using-environments.md', 73, 'filter rules by environment',
     None, 'high', 'Filtering the rule list in the UI (viewing).'),
    ('guides__using-environments.md', 75, 'select **Edit Rule**',
     op('PATCH', '/gates/{id}/rules/{ruleID}', {'environments': ['development', 'staging']}), 'high',
     'Update Gate Rules: change environments of one rule.'),
    ('guides__using-environments.md', 95, 'Click **Edit** to add new environments',
     op('POST', '/environments', {'environments': [{'name': 'qa', 'isProduction': False}]}), 'high',
     '"Update Environments" takes the full environment list (adding and reordering).'),
    ('guides__using-environments.md', 115, 'Generate New Key',
     op('POST', '/keys', {'description': '<description>', 'type': 'SERVER', 'environments': ['qa']}), 'high',
     'Create Key with environments.'),
    # ---------------------------------------------------------------- dynamic configs
    ('dynamic-config__create-new.md', 10, 'click **Create**',
     op('POST', '/dynamic_configs', {'name': '<name>', 'description': '<description>'}), 'high', 'Create Dynamic Config.'),
    ('dynamic-config__add-rule.md', 14, 'Add New Rule',
     op('PATCH', '/dynamic_configs/{id}', {'rules': [{'name': '<rule>', 'passPercentage': 100, 'conditions': [{'type': 'os_name'}], 'returnValue': {}}]},
        [op('POST', '/dynamic_configs/{id}', {'rules': [{'name': '<rule>', 'passPercentage': 100, 'conditions': [{'type': 'os_name'}], 'returnValue': {}}]})]), 'medium',
     'Dynamic configs have no add-rule operation; rules are set with a (partial or full) update.'),
    # ---------------------------------------------------------------- segments
    ('segments__create-new.md', 11, 'click **Create**',
     op('POST', '/segments', {'name': '<name>', 'description': '<description>', 'type': 'rule_based'}), 'high',
     'Create Segment; Conditional = rule_based, ID List = id_list.'),
    ('segments__create-new.md', 18, 'For **Conditional Segments**',
     None, 'medium', 'A pointer to another page; no action of its own. It follows the mappable create list; --oracle shows no false rewrite here.'),
    ('segments__add-rule.md', 19, 'Save Changes',
     op('POST', '/segments/{id}/conditional', {'rules': [{'name': '<rule>', 'conditions': [{'type': 'email', 'operator': 'str_contains_any', 'targetValue': ['@example.com']}]}]}), 'high',
     '"Update Segment Rules" (SegmentRulesDto).'),
    ('segments__add-id-list.md', 17, 'Create New Segment',
     op('POST', '/segments', {'name': '<name>', 'type': 'id_list', 'idType': 'userID'}), 'medium',
     'Creating an ID List segment; type and ID type are chosen in the next two items.'),
    ('segments__add-id-list.md', 46, '**Add**: Add IDs',
     op('PATCH', '/segments/{id}/id_list', {'ids': ['<id>']}), 'high', 'Add IDs to Segment.'),
    ('segments__add-id-list.md', 47, '**Remove**',
     op('DELETE', '/segments/{id}/id_list', {}), 'high', 'Remove IDs from Segment (the spec gives this DELETE no body schema).'),
    ('segments__add-id-list.md', 48, '**Replace**',
     op('POST', '/segments/{id}/id_list/reset', {'ids': ['<id>']}), 'high', 'Reset ID List Segment replaces the whole list.'),
    ('segments__add-id-list.md', 63, 'set an attribute on the User object',
     None, 'high', 'SDK-side advice (user object attributes).'),
    # ---------------------------------------------------------------- experiments
    ('experiments__create-new.md', 21, '6. Click **Create**',
     op('POST', '/experiments', {'name': '<name>', 'description': '<description>'}), 'high', 'Create Experiment.'),
    ('experiments__create-new.md', 88, '2. Click **Create**',
     op('POST', '/experiments', {'name': '<name>', 'idType': 'stableID'}), 'high', 'Create Experiment with a non-default idType.'),
    ('experiments__create-new.md', 131, 'Default Confidence Interval',
     op('PATCH', '/experiments/{id}', {'defaultConfidenceInterval': '80'}), 'medium', 'Setting described, not a click.'),
    ('experiments__create-new.md', 160, 'Statsig AI',
     None, 'high', 'Hard negative: the Hypothesis Advisor / Statsig AI project setting is not in the spec.'),
    ('experiments__setup__overrides.md', 30, 'Manage Override',
     op('PATCH', '/experiments/{id}/overrides', {'overrides': [{'type': 'gate', 'id': '<gate>', 'groupID': '<group>'}], 'userIDOverrides': []},
        [op('POST', '/experiments/{id}/overrides', {'overrides': [{'type': 'gate', 'id': '<gate>', 'groupID': '<group>'}], 'userIDOverrides': []})]), 'high',
     'Partially Update (add) or Update (replace) Experiment Overrides.'),
    ('experiments__setup__overrides.md', 44, 'trash can icon',
     op('DELETE', '/experiments/{id}/overrides', {},
        [op('DELETE', '/layers/{id}/overrides', {}), op('POST', '/experiments/{id}/overrides', {'overrides': [], 'userIDOverrides': []})]), 'medium',
     'The block says "Experiment or Layer", so the layer delete is accepted; replacing the lists without the entry also works.'),
    ('experiments__setup__overrides.md', 48, 'Check Group for a User',
     None, 'high', 'Testing in the Diagnostics tab (viewing); no evaluation endpoint in this spec.'),
    ('experiments__implementation__disable-group.md', 29, 'hit **Confirm**',
     op('POST', '/experiments/{id}/disable_groups', {'group_names': ['<group>']}), 'high', 'Disable Experiment Groups.'),
    ('experiments__implementation__disable-group.md', 40, 'reenable a group',
     op('POST', '/experiments/{id}/enable_groups', {'group_names': ['<group>']}), 'high', 'Enable Experiment Groups.'),
    ('guides__abn-tests.md', 37, 'click **Start**',
     op('PUT', '/experiments/{id}/start', {}), 'high', 'Start Experiment.'),
    ('guides__abn-tests.md', 71, 'Diagnostics',
     None, 'high', 'Watching the live exposure log (viewing).'),
    ('guides__abn-tests.md', 80, '**Results** tab',
     None, 'high', 'Reading results in the console (viewing; GET pulse_results exists but viewing is null).'),
    # ---------------------------------------------------------------- holdouts, autotune
    ('experiments__holdouts-introduction.md', 15, 'Click the Create New button',
     op('POST', '/holdouts', {'name': '<name>', 'description': '<description>', 'idType': 'userID'}), 'high', 'Create holdout.'),
    ('experiments__holdouts-introduction.md', 87, 'delete the holdout',
     op('DELETE', '/holdouts/{id}', {}), 'high', 'Delete holdout by id.'),
    ('autotune__setup.md', 14, 'Click the Create button',
     op('POST', '/autotunes', {'name': '<name>', 'description': '<description>', 'variants': [{'name': 'control', 'json': {}}], 'successEvent': '<event>', 'explorationWindow': '24hr', 'attributionWindow': '1hr', 'winnerThreshold': '95%'}), 'medium',
     'Opening click of the Autotune form; required variants, success event and windows come in steps 3-5. The closing paragraph (Click "Create" to finalize) is not a case: it sits right before the Start step and the oracle curl would land in that block.'),
    ('autotune__setup.md', 35, 'click "Start"',
     op('PUT', '/autotunes/{id}/start', {}), 'high', 'Start Autotune Experiment (the code-snippet part of the line is not an API action).'),
    # ---------------------------------------------------------------- metrics, tags
    ('metrics__archiving-metrics.md', 14, 'Select the **Archive** icon',
     op('PUT', '/metrics/{id}/schedule_archive', {}), 'medium', 'Archiving starts a 24-hour grace period = schedule_archive.'),
    ('metrics__archiving-metrics.md', 46, 'Click "undo"',
     op('PUT', '/metrics/{id}/cancel_archive', {}), 'medium', 'Undo during the grace period = Cancel archive.'),
    ('metrics__archiving-metrics.md', 51, '**Unarchive**',
     op('PUT', '/metrics/{id}/unarchive', {}), 'high', 'Unarchive a metric.'),
    ('metrics__archiving-metrics.md', 90, 'Mark as Permanent',
     op('POST', '/metrics/{id}', {'isPermanent': True}), 'high', 'Update a metric: isPermanent.'),
    ('metrics__archiving-metrics.md', 96, 'turn off auto-archiving',
     None, 'high', 'Hard negative: project settings in the spec hold only name, visibility and default unit type.'),
    ('metrics__archiving-metrics.md', 106, 'select **Dele',
     op('DELETE', '/metrics/{id}', {}), 'high', 'Delete a metric.'),
    ('metrics__create-metric-tags.md', 14, 'tap **Manage**',
     None, 'medium', 'Navigation to the tag manager.'),
    ('metrics__create-metric-tags.md', 20, 'Create New Tag',
     op('POST', '/tags', {'name': '<name>', 'description': '<description>'}), 'high', 'Create Tag.'),
    ('metrics__create-metric-tags.md', 26, 'add this tag to any metric',
     op('POST', '/metrics/{id}', {'tags': ['<tag>']}), 'medium', 'Tagging a metric = update its tags.'),
    # ---------------------------------------------------------------- release pipelines
    ('release-pipeline__create-and-manage.md', 14, 'Click **Create** to proceed',
     op('POST', '/release_pipelines', {'name': '<name>'}), 'high', 'Create Pipeline.'),
    ('release-pipeline__create-and-manage.md', 61, 'Click **Save** to apply',
     op('POST', '/release_pipelines/{id}', {'name': '<name>', 'phases': []}), 'high', 'Update Pipeline.'),
    ('release-pipeline__create-and-manage.md', 73, '**References** column',
     None, 'high', 'Viewing references.'),
    ('release-pipeline__create-and-manage.md', 105, 'Pipeline-required Environment',
     op('POST', '/environments', {'environments': [{'name': 'development', 'requiresReleasePipeline': False}]}), 'high',
     'requiresReleasePipeline on the environment list.'),
    # ---------------------------------------------------------------- access management, settings
    ('access-management__teams.md', 16, 'Create a new team via the **+Create** button',
     op('POST', '/users/teams', {'name': '<name>', 'members': ['<email>'], 'admins': []}), 'high', 'Create Team.'),
    ('access-management__teams.md', 26, '"Require teams"',
     op('POST', '/settings/teams', {'require_teams_on_configs': True}), 'high', 'Update Teams Settings.'),
    ('access-management__projects.md', 9, 'Basic Settings page',
     None, 'medium', 'Where project access is configured (navigation/description).'),
    ('access-management__projects.md', 40, 'Anyone who signs up with the same email domain',
     None, 'high', 'Hard negative: automatic project invitations are not a field of Update Project Settings.'),
    ('guides__setting-up-reviews.md', 8, 'toggle this on',
     op('POST', '/settings/reviews', {'is_config_review_required': True, 'is_metric_review_required': False, 'is_metric_review_required_on_verified_only': False}), 'high',
     'Update Reviews Settings.'),
    ('guides__setting-up-reviews.md', 24, 'View Proposed Changes',
     None, 'medium', 'Hard negative: approving or rejecting a review request has no operation in the spec.'),
    # ---------------------------------------------------------------- other nulls
    ('product-analytics__topline-alerts.md', 25, '+Create</strong>',
     None, 'high', 'Hard negative: the spec only lists topline alerts (GET /alerts); no create.'),
    ('product-analytics__topline-alerts.md', 85, 'Diagnostics',
     None, 'high', 'Reviewing alert history (viewing); muting has no operation either.'),
    ('access-management__sso__okta_sso.md', 27, 'Browse App Catalog',
     None, 'high', 'Step in Okta.'),
    ('access-management__sso__okta_sso.md', 45, 'Authenticate',
     None, 'high', 'SP-initiated sign-in.'),
    # ---------------------------------------------------------------- extra nulls (navigation, other UIs, hard negatives)
    ('experiments__holdouts-introduction.md', 14, 'navigate to the [Holdouts section',
     None, 'high', 'Navigation item in the same list as the create step.'),
    ('release-pipeline__create-and-manage.md', 11, 'Navigate to **Settings**',
     None, 'high', 'Navigation item in the same list as the create step.'),
    ('release-pipeline__create-and-manage.md', 83, "Filter by 'Release Pipeline'",
     None, 'high', 'Filtering a list (viewing).'),
    ('access-management__sso__okta_sso.md', 32, 'click on the `Add` button',
     None, 'high', 'Step in Okta.'),
    ('guides__using-environments.md', 89, 'Navigate to **Project Settings**',
     None, 'high', 'Navigation to Environments & Keys.'),
    ('guides__using-environments.md', 113, 'Go to **Project Settings**',
     None, 'high', 'Navigation item in the same list as Generate New Key.'),
    ('guides__setting-up-reviews.md', 20, 'Submit for Review',
     None, 'medium', 'Hard negative: submitting a change for review has no operation (the x-respect-review-settings header only makes a mutation honour review settings).'),
    ('product-analytics__topline-alerts.md', 75, 'Mute the alert',
     None, 'high', 'Hard negative: muting a topline alert has no operation.'),
]

LIST_RE = re.compile(r'^\s*([-*+]|\d+[.)])\s+')
HEAD_RE = re.compile(r'^\s{0,3}#{1,6}\s')


def skip(s):
    t = s.strip()
    return (not t or t.startswith('<') or t.startswith('```') or t.startswith('|') or t.startswith('![')
            or t.startswith('src=') or t.startswith('alt=') or t == '/>' or t == '---' or t.startswith(':::'))


def context(lines, i):
    heading = ''
    for j in range(i - 1, -1, -1):
        if HEAD_RE.match(lines[j]):
            heading = re.sub(r'^\s*#+\s*', '', lines[j]).strip()
            break
    if not heading:
        for l in lines[:10]:
            if l.startswith('title:'):
                heading = l.split(':', 1)[1].strip().strip('"\'')
                break
    prev = ''
    for j in range(i - 1, -1, -1):
        if HEAD_RE.match(lines[j]):
            break
        if skip(lines[j]):
            continue
        t = lines[j].strip()
        if LIST_RE.match(lines[j]) or not LIST_RE.match(lines[i]):
            if not LIST_RE.match(lines[j]):
                parts = re.split(r'(?<=[.!?:])\s+', t)
                t = parts[-1] if parts[-1] else t
            prev = t
            break
    return {'heading': heading, 'previous_step': prev}


def main():
    out, seen = [], set()
    for n, (page, line, guard, exp, conf, note) in enumerate(CASES, 1):
        path = os.path.join(HERE, 'pages', page)
        lines = open(path, encoding='utf-8').read().split('\n')
        text = lines[line - 1]
        assert guard in text, (page, line, guard, text)
        assert (page, line) not in seen, (page, line)
        seen.add((page, line))
        out.append({'id': f'statsig-{n:03d}', 'page': f'pages/{page}', 'line': line, 'step': text.strip(),
                    'context': context(lines, line - 1), 'expected': exp, 'confidence': conf, 'note': note})
    with open(os.path.join(HERE, 'cases.jsonl'), 'w', encoding='utf-8') as f:
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
    m = sum(1 for c in out if c['expected'])
    print(f'{len(out)} cases, {m} mappable, {len(out) - m} null')


if __name__ == '__main__':
    main()
