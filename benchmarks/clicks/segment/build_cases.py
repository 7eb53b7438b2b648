"""Write cases.jsonl for the Segment clicks -> curl set.

Labels are (page, line, guard, expected, confidence, note). `guard` is a substring the
line must contain, so a shifted page fails loudly. step/context come from the page.
"""
import json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))

def op(method, path, operationId, params=None, alternatives=None):
    e = {"method": method, "path": path, "operationId": operationId, "params": params or {}}
    if alternatives:
        e["alternatives"] = alternatives
    return e

INV = op("POST", "/invites", "createInvites", {"invites": [{"email": "<email>", "permissions": [{"roleId": "<roleId>", "resources": []}]}]})
GRP = op("POST", "/groups", "createUserGroup", {"name": "<name>"})
ADDU = op("POST", "/groups/{userGroupId}/users", "addUsersToUserGroup", {"emails": ["<email>"]})
RMU = op("DELETE", "/group/{userGroupId}/users", "removeUsersFromUserGroup", {"emails": ["<email>"]})
DELU = op("DELETE", "/users", "deleteUsers", {"userIds": ["<userId>"]})
PERM = op("PUT", "/users/{userId}/permissions", "replacePermissionsForUser", {"permissions": [{"roleId": "<roleId>", "resources": []}]},
          [op("POST", "/users/{userId}/permissions", "addPermissionsToUser", {"permissions": [{"roleId": "<roleId>", "resources": []}]})])
LBL = op("POST", "/labels", "createLabel", {"label": {"key": "<key>", "value": "<value>", "description": "<description>"}})
LBLS = op("POST", "/sources/{sourceId}/labels", "addLabelsToSource", {"labels": [{"key": "environment", "value": "prod"}]})
CDST = op("POST", "/destinations", "createDestination", {"sourceId": "<sourceId>", "metadataId": "<destinationMetadataId>", "settings": {}, "enabled": True})
UDST = op("PATCH", "/destinations/{destinationId}", "updateDestination", {"enabled": True})
CSUB = op("POST", "/destinations/{destinationId}/subscriptions", "createDestinationSubscription", {"name": "<name>", "actionId": "<actionId>", "trigger": "type = \"track\"", "enabled": True, "settings": {}})
USUB = op("PATCH", "/destinations/{destinationId}/subscriptions/{id}", "updateSubscriptionForDestination", {"input": {"enabled": False}})
DSUB = op("DELETE", "/destinations/{destinationId}/subscriptions/{id}", "removeSubscriptionFromDestination")
CFLT = op("POST", "/destination/{destinationId}/filters", "createFilterForDestination", {"sourceId": "<sourceId>", "if": "<fql>", "actions": [{"type": "DROP"}], "title": "<title>", "enabled": True})
CFN = lambda rt: op("POST", "/functions", "createFunction", {"code": "<code>", "displayName": "<name>", "resourceType": rt})
DEPFN = op("POST", "/functions/{functionId}/deploy", "createFunctionDeployment")
CWH = op("POST", "/warehouses", "createWarehouse", {"metadataId": "<warehouseMetadataId>", "name": "<name>", "settings": {}, "enabled": True})
SSYNC = op("PATCH", "/warehouses/{warehouseId}/selective-sync", "updateSelectiveSyncForWarehouse", {"syncOverrides": [{"sourceId": "<sourceId>", "collection": "<collection>", "property": "<property>", "enabled": False}]})
SCHED = op("PUT", "/warehouses/{warehouseId}/advanced-sync-schedule", "replaceAdvancedSyncScheduleForWarehouse", {"enabled": True, "schedule": {}})
CTP = op("POST", "/tracking-plans", "createTrackingPlan", {"name": "<name>", "type": "LIVE"})
RULES = op("PATCH", "/tracking-plans/{trackingPlanId}/rules", "updateRulesInTrackingPlan", {"rules": [{"type": "TRACK", "key": "<event>", "jsonSchema": {}, "version": 1}]})
TPSRC = op("POST", "/tracking-plans/{trackingPlanId}/sources", "addSourceToTrackingPlan", {"sourceId": "<sourceId>"})
TPRM = op("DELETE", "/tracking-plans/{trackingPlanId}/sources", "removeSourceFromTrackingPlan", {"sourceId": "<sourceId>"})
SCHEMA = op("PATCH", "/sources/{sourceId}/settings", "updateSchemaSettingsInSource", {"track": {"allowUnplannedEvents": False}})
CTR = op("POST", "/transformations", "createTransformation", {"name": "<name>", "sourceId": "<sourceId>", "enabled": True, "if": "<fql>", "newEventName": "<event>"})
UTR = op("PATCH", "/transformations/{transformationId}", "updateTransformation", {"enabled": False})
REG = lambda t: op("POST", "/regulations", "createWorkspaceRegulation", {"regulationType": t, "subjectType": "USER_ID", "subjectIds": ["<userId>"]})
CSRC = op("POST", "/sources", "createSource", {"slug": "<slug>", "metadataId": "<sourceMetadataId>", "enabled": True})

P = {
 "mem": "pages/segment-app__iam__membership.md",
 "lbl": "pages/segment-app__iam__labels.md",
 "mfa": "pages/segment-app__iam__mfa.md",
 "sso": "pages/segment-app__iam__sso.md",
 "add": "pages/connections__destinations__add-destination.md",
 "flt": "pages/connections__destinations__destination-filters.md",
 "act": "pages/connections__destinations__actions.md",
 "sfn": "pages/connections__functions__source-functions.md",
 "dfn": "pages/connections__functions__destination-functions.md",
 "env": "pages/connections__functions__environment.md",
 "wsy": "pages/connections__storage__warehouses__warehouse-syncs.md",
 "pg": "pages/connections__storage__catalog__postgres__index.md",
 "bq": "pages/connections__storage__catalog__bigquery__index.md",
 "tp": "pages/protocols__tracking-plan__create.md",
 "tpc": "pages/protocols__validate__connect-sources.md",
 "sc": "pages/protocols__enforce__schema-configuration.md",
 "tr": "pages/protocols__transform__index.md",
 "ud": "pages/privacy__user-deletion-and-suppression.md",
 "ad": "pages/privacy__account-deletion.md",
 "dc": "pages/privacy__data-controls.md",
 "pp": "pages/privacy__portal.md",
 "aud": "pages/engage__audiences__index.md",
 "si": "pages/getting-started__02-simple-install.md",
 "src": "pages/connections__sources__index.md",
}

N = None
LABELS = [
 # --- IAM: team members, user groups
 ("mem", 19, "Invite Team Member", INV, "high", "Inviting a team member = createInvites with email and role permissions."),
 ("mem", 29, "Select or deselect roles", PERM, "medium", "Changing a member's roles; replace (PUT) and add (POST) permissions are both valid."),
 ("mem", 39, "Create User Group", GRP, "high", "Create a user group; roles and members are separate calls."),
 ("mem", 57, "Click **Save**", ADDU, "medium", "Add the member to a group from the member page; the API adds by group id with emails."),
 ("mem", 70, "Click **Save**", ADDU, "high", "Add team members to the group = addUsersToUserGroup (emails)."),
 ("mem", 81, "Click **Save**", RMU, "high", "Remove members from a group = DELETE /group/{userGroupId}/users?emails=."),
 ("mem", 85, "Remove Team Member", DELU, "high", "Remove a user from the workspace = DELETE /users?userIds=."),
 ("mem", 101, "access request email", N, "high", "Reviewing an access request from an email link; no access-request operation."),
 ("lbl", 9, "Labels** tab", LBL, "medium", "Navigation whose stated purpose is creating labels."),
 ("lbl", 20, "Assign Labels", LBLS, "medium", "Assigning labels to sources = addLabelsToSource (Spaces have no label operation)."),
 ("mfa", 21, "Authenticator App", N, "high", "Hard negative: MFA enrolment is a personal account setting, not in the Public API."),
 ("mfa", 31, "Send recovery code", N, "high", "Login recovery flow; no operation."),
 ("sso", 21, "Add New Connection", N, "high", "Hard negative: SSO connections are not in this spec."),
 ("sso", 53, "click \"Next\"", N, "high", "Wizard step after configuring the IdP (another product's UI)."),
 ("sso", 95, "Add Domain", N, "high", "Hard negative: SSO domain verification has no operation."),
 # --- destinations
 ("add", 29, "Confirm Source", CDST, "medium", "Choosing the source and confirming creates the destination instance (sourceId + metadataId)."),
 ("add", 42, "click **Add Destination**", CDST, "high", "Add a destination to a source = createDestination."),
 ("add", 47, "toggle at the top", UDST, "high", "Enable the destination = PATCH enabled: true."),
 ("add", 34, "Copy Settings From Other Destination", N, "medium", "Hard negative: no copy-settings operation (one would read and re-send settings)."),
 ("flt", 45, "Click **Save**", CFLT, "high", "Saving a new destination filter = createFilterForDestination."),
 ("act", 65, "click **Create Destination**", CDST, "high", "Creating an actions-based destination; mappings are separate subscription calls."),
 ("act", 77, "Disable the classic version", UDST, "medium", "Two updateDestination calls (enabled false / true)."),
 ("act", 91, "toggle next to the action", USUB, "high", "Disable a destination action = update the subscription with enabled: false."),
 ("act", 94, "To delete a destination action", DSUB, "high", "Delete a destination action (subscription)."),
 ("act", 115, "click **Save**", CSUB, "high", "Saving a new mapping creates a destination subscription (actionId, trigger, settings)."),
 # --- functions
 ("sfn", 24, "Select **Source**", CFN("SOURCE"), "medium", "Choosing the Source type starts a function; the save is Create Function later."),
 ("sfn", 314, "Create Function", CFN("SOURCE"), "high", "Create the source function."),
 ("sfn", 320, "Save & Deploy", DEPFN, "medium", "Save & Deploy; the API deploys with createFunctionDeployment (code change itself is updateFunction)."),
 ("dfn", 337, "Create Function", CFN("DESTINATION"), "high", "Create the destination function."),
 ("dfn", 167, "Use Sample Event", N, "high", "Testing in the editor; no test operation."),
 ("dfn", 171, "Click **Run**", N, "high", "Hard negative: running a function test has no operation."),
 ("env", 25, "Create Function", CFN("<SOURCE|DESTINATION>"), "high", "Create the function."),
 ("env", 46, "Copy this URL", N, "high", "Pasting the webhook URL into another tool."),
 # --- warehouses
 ("wsy", 24, "Sync Schedule", SCHED, "medium", "Adjusting the sync frequency = advanced sync schedule (Business plan)."),
 ("wsy", 86, "Save Changes", SSYNC, "high", "Save Selective Sync choices = updateSelectiveSyncForWarehouse."),
 ("wsy", 100, "select the data you want synced", SSYNC, "high", "Per-source selective sync settings."),
 ("pg", 35, "Create new app", N, "high", "Heroku UI."),
 ("pg", 51, "click **Connect**", CWH, "high", "Entering credentials and connecting creates the Postgres warehouse."),
 ("pg", 78, "Edit inbound rules", N, "high", "AWS RDS security group UI."),
 ("bq", 38, "Create Service Account", N, "high", "Google Cloud console."),
 ("bq", 58, "Click **Connect**", CWH, "high", "Create the BigQuery warehouse (project ID + credentials in settings)."),
 ("bq", 134, "click **Remove**", N, "high", "Google Cloud IAM."),
 # --- protocols
 ("tp", 25, "New Tracking Plan", CTP, "high", "Create a tracking plan."),
 ("tp", 36, "click Duplicate", N, "medium", "Hard negative: no duplicate operation (createTrackingPlan makes an empty plan)."),
 ("tp", 54, "Add Event", RULES, "medium", "Adding an event row = a TRACK rule in updateRulesInTrackingPlan."),
 ("tp", 152, "Update JSON", RULES, "medium", "Common JSON schema is a COMMON rule."),
 ("tpc", 9, "Connect Source", TPSRC, "high", "Connect a source to the tracking plan."),
 ("tpc", 24, "To disconnect the Source", TPRM, "high", "Disconnect a source from the tracking plan."),
 ("sc", 10, "Schema Controls", SCHEMA, "medium", "Navigation whose purpose is enabling blocking = updateSchemaSettingsInSource."),
 ("tr", 34, "using the toggle", UTR, "medium", "Enable/disable = updateTransformation enabled."),
 ("tr", 40, "New Transformation", CTR, "high", "Create a transformation."),
 ("tr", 97, "Edit Transformation", UTR, "high", "Update, enable or disable a transformation."),
 # --- privacy
 ("ud", 61, "Suppress New User", REG("SUPPRESS"), "high", "SUPPRESS regulation for a userId."),
 ("ud", 67, "click **Remove**", REG("UNSUPPRESS"), "high", "UNSUPPRESS regulation."),
 ("ud", 75, "Click a deletion", N, "medium", "Viewing a deletion's status (getRegulation is a read; viewing is null)."),
 ("ud", 91, "delete it from the upstream system", N, "high", "Another system."),
 ("ad", 11, "email the Customer Success team", N, "high", "Hard negative: source data deletion is a support request."),
 ("ad", 28, "Delete Workspace", N, "high", "Hard negative: no delete-workspace operation."),
 ("ad", 35, "Delete Account", N, "high", "Hard negative: deleting one's own Segment account."),
 ("dc", 44, "Slack Alerting", N, "high", "Hard negative: Privacy Portal alert settings are not in the spec."),
 ("dc", 54, "Segment Source", N, "high", "Hard negative: Privacy Portal alert source; not in the spec."),
 ("pp", 63, "Add to Inventory", N, "high", "Hard negative: Privacy Portal inventory has no operation."),
 ("pp", 196, "New Matcher", N, "high", "Hard negative: custom matchers have no operation."),
 ("aud", 101, "select **New**", N, "high", "Hard negative: Engage audiences are not in this spec version (only getSpace and messaging subscriptions)."),
 ("aud", 109, "Review & Create", N, "high", "Hard negative: creating an audience."),
 ("aud", 126, "Save Audience", N, "high", "Hard negative: editing an audience."),
 # --- getting started / sources
 ("si", 37, "Add Source", CSRC, "high", "Create a source."),
 ("si", 47, "API Keys", N, "high", "Viewing the write key."),
 ("si", 72, "copy the snippet", N, "high", "Copying a snippet into your site."),
 ("si", 420, "Confirm Source", CDST, "high", "Create the Google Analytics destination for the source."),
 ("src", 72, "Click **Add Source**", CSRC, "high", "Create a source."),
]

def strip_md(s):
    return s.strip()

def context(lines, idx):
    heading = ""
    for j in range(idx - 1, -1, -1):
        m = re.match(r"^#{1,6}\s+(.*)", lines[j])
        if m:
            heading = m.group(1).strip(); break
    if not heading:
        for l in lines:
            m = re.match(r'^title:\s*"?(.*?)"?\s*$', l)
            if m:
                heading = m.group(1); break
    item = re.compile(r"^\s*([0-9]+\.|[*-])\s+")
    prev = ""
    in_fence = False
    fence_lines = set()
    for j, l in enumerate(lines):
        if l.strip().startswith("```"):
            in_fence = not in_fence; fence_lines.add(j); continue
        if in_fence: fence_lines.add(j)
    for j in range(idx - 1, -1, -1):
        l = lines[j]
        if re.match(r"^#{1,6}\s", l):
            break
        s = l.strip()
        if not s or j in fence_lines or s.startswith(("<", "![", "|", "{%", ">")):
            continue
        if item.match(lines[idx]) and not item.match(l):
            if prev: break
            continue
        if item.match(l):
            prev = s; break
        parts = re.split(r"(?<=[.!?])\s+", s)
        prev = parts[-1]; break
    return {"heading": heading, "previous_step": prev}

def main():
    out = []
    for n, (pk, line, guard, exp, conf, note) in enumerate(LABELS, 1):
        page = P[pk]
        lines = open(os.path.join(HERE, page), encoding="utf-8").read().split("\n")
        step = strip_md(lines[line - 1])
        assert guard in step, (page, line, guard, step)
        out.append({"id": f"segment-{n:03d}", "page": page, "line": line, "step": step,
                    "context": context(lines, line - 1), "expected": exp,
                    "confidence": conf, "note": note})
    with open(os.path.join(HERE, "cases.jsonl"), "w", encoding="utf-8") as f:
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    m = sum(1 for c in out if c["expected"])
    print(len(out), "cases,", m, "mappable,", len(out) - m, "null")

if __name__ == "__main__":
    main()
