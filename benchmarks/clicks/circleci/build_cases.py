"""Write cases.jsonl for the CircleCI clicks -> curl set from hand labels.
Pages are AsciiDoc (saved as .md): headings are '=' lines, steps are '. ' items."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))

def op(method, path, opid, params=None, alts=None):
    e = {"method": method, "path": path, "operationId": opid, "params": params or {}}
    if alts:
        e["alternatives"] = alts
    return e

CTX = "/context"
ADD_CTX_VAR = lambda: op("PUT", "/context/{context-id}/environment-variable/{env-var-name}", "addEnvironmentVariableToContext", {"value": "<value>"})
CREATE_CTX = lambda: op("POST", "/context", "createContext", {"name": "<context-name>", "owner": {"id": "<org-id>", "type": "organization"}})
RESTRICT = lambda t: op("POST", "/context/{context_id}/restrictions", "createContextRestriction", {"restriction_type": t, "restriction_value": "<value>"})
SETTINGS = lambda k: op("PATCH", "/project/{provider}/{organization}/{project}/settings", "patchProjectSettings", {"advanced": {k: True}})
RUN = lambda params=None: op("POST", "/project/{provider}/{organization}/{project}/pipeline/run", "triggerPipelineRun",
                              dict({"definition_id": "<definition-id>", "config": {"branch": "main"}, "checkout": {"branch": "main"}}, **(params or {})),
                              [op("POST", "/project/{project-slug}/pipeline", "triggerPipeline", dict({"branch": "main"}, **(params or {})))])
CK_CREATE = lambda t: op("POST", "/project/{project-slug}/checkout-key", "createCheckoutKey", {"type": t})
CK_DELETE = lambda: op("DELETE", "/project/{project-slug}/checkout-key/{fingerprint}", "deleteCheckoutKey")

C = "security__contexts.md"; SE = "security__set-environment-variable.md"; RK = "security__rotate-project-ssh-keys.md"
WH = "integration__outbound-webhooks.md"; CP = "getting-started__create-project.md"; DO = "security__delete-organizations-and-projects.md"
TK = "toolkit__managing-api-tokens.md"; GR = "permissions-authentication__manage-groups.md"; TR = "orchestrate__set-up-triggers.md"
SB = "orchestrate__skip-build.md"; IN = "getting-started__invite-your-team.md"; OS = "integration__oss.md"; WF = "orchestrate__workflows.md"
PV = "orchestrate__pipeline-variables.md"; TO = "orchestrate__triggers-overview.md"; SSH = "execution-managed__ssh-access-jobs.md"
DC = "orchestrate__dynamic-config.md"; AK = "integration__add-ssh-key.md"; ST = "security__stop-building-a-project-on-circleci.md"
AL = "security__audit-logs.md"; CO = "getting-started__create-an-organization.md"

# (page, line, guard substring, expected, confidence, note)
L = [
 (C, 78, "Create Context", CREATE_CTX(), "high", "Create Context modal with a name; createContext needs name and owner (org id)."),
 (C, 79, "Add Environment Variable", ADD_CTX_VAR(), "high", "Add an environment variable to the selected context."),
 (C, 258, "Navigate to menu:Org[Contexts]", None, "high", "Navigation to the contexts list (viewing)."),
 (C, 261, "Add Security Group", RESTRICT("project"), "medium", "Security-group or project restriction; this spec documents only project restrictions (createContextRestriction, experimental). Security groups are not described in the spec."),
 (C, 262, "Add Environment Variables", ADD_CTX_VAR(), "high", "Add an environment variable to the context."),
 (C, 263, "Navigate back", None, "high", "Viewing the Security column; sits in a mappable block."),
 (C, 345, "select *Add*", RESTRICT("project"), "high", "Project restriction on a context: restriction_type project, restriction_value = project id."),
 (C, 347, "Add Environment Variables", ADD_CTX_VAR(), "high", "Add an environment variable to the context."),
 (C, 382, "Select *X* next to the project restriction", op("DELETE", "/context/{context_id}/restrictions/{restriction_id}", "deleteContextRestriction"), "high", "Remove a project restriction."),
 (C, 434, "Add Expression Restriction", RESTRICT("expression"), "medium", "Expression restriction; the page's own API tab posts restriction_type expression to the same endpoint, the spec's description says only 'project restriction'."),
 (C, 644, "Delete Context", op("DELETE", "/context/{context-id}", "deleteContext"), "high", "Delete a context and its variables."),
 (SE, 91, "Add Environment Variable", ADD_CTX_VAR(), "high", "Context environment variable."),
 (SE, 126, "Environment Variables", None, "high", "Navigation in project settings."),
 (SE, 128, "Add Variable", op("POST", "/project/{project-slug}/envvar", "createEnvVar", {"name": "<name>", "value": "<value>"}), "high", "Project-level environment variable."),
 (RK, 23, "Delete the deploy key", CK_DELETE(), "high", "Deploy keys are checkout keys in API v2."),
 (RK, 24, "Add Deploy Key", CK_CREATE("deploy-key"), "high", "createCheckoutKey type deploy-key."),
 (RK, 25, "GitHub's repository project settings", None, "high", "Step in GitHub's UI; in a mappable block."),
 (RK, 37, "Delete the user key", CK_DELETE(), "high", "User keys are checkout keys too."),
 (RK, 38, "Add User Key", CK_CREATE("user-key"), "high", "createCheckoutKey type user-key."),
 (RK, 53, "Delete the SSH key", None, "high", "Hard negative: additional SSH keys have no operation in this spec (checkout keys are a different resource)."),
 (RK, 107, "GitLab project's settings", None, "high", "GitLab's deploy-key UI."),
 (WH, 37, "Add Webhook", op("POST", "/webhook", "createWebhook", {"name": "<name>", "url": "https://example.com/hook", "events": ["workflow-completed"], "verify-tls": True, "signing-secret": "<secret>", "scope": {"id": "<project-id>", "type": "project"}}), "medium", "Opening click of the webhook form."),
 (WH, 38, "Fill out the webhook form", op("POST", "/webhook", "createWebhook", {"name": "<name>", "url": "https://example.com/hook", "events": ["workflow-completed"], "verify-tls": True, "signing-secret": "<secret>", "scope": {"id": "<project-id>", "type": "project"}}), "high", "The form fields are the createWebhook body."),
 (WH, 39, "Test Ping Event", None, "high", "Hard negative: no ping/test operation for webhooks in the spec; in a mappable block."),
 (CP, 45, "Authorize in GitHub", None, "high", "Authorizing the GitHub App (another product's UI)."),
 (CP, 203, "Set Up Project", op("POST", "/project/{provider}/{organization}/{project}", "createProject"), "low", "Set Up Project for an OAuth (gh/bb) repo; createProject is experimental and needs an existing config.yml on main (the 'Fastest' option)."),
 (CP, 278, "Trigger Pipeline", RUN(), "medium", "Line starts with pushing a commit; the button is triggerPipelineRun (GitHub App projects), triggerPipeline as the older alternative."),
 (CP, 284, "Delete Project", None, "high", "Hard negative: no delete-project operation in this spec (added to the live API later)."),
 (DO, 66, "Delete Organization", None, "high", "Hard negative: no delete-organization operation in this spec."),
 (DO, 101, "Delete Project", None, "high", "Hard negative: no delete-project operation in this spec."),
 (TK, 26, "Create New Token", None, "high", "Hard negative: personal API tokens cannot be created through this API."),
 (TK, 48, "Add API Token", None, "high", "Hard negative: project API tokens are not in this spec."),
 (GR, 27, "Create Group", None, "high", "Hard negative: no groups operations in this spec."),
 (GR, 74, "Delete group", None, "high", "Hard negative: no groups operations."),
 (IN, 68, "email invites", None, "high", "Hard negative: no invitation operation."),
 (IN, 77, "Copy Invite Link", None, "high", "Copying an invite link; no operation."),
 (TR, 56, "Save", None, "medium", "Hard negative: triggers (GitHub App trigger) have no operation in this spec version."),
 (TR, 87, "Add Trigger", None, "high", "Hard negative: no trigger operations in this spec version."),
 (SB, 98, "Auto-cancel redundant workflows", SETTINGS("autocancel_builds"), "high", "advanced.autocancel_builds."),
 (SB, 121, "Block all new work", None, "high", "Hard negative: org-level pause is not a setting in this spec."),
 (SB, 129, "Block all new work", None, "high", "Hard negative: project-level 'block all new work' is not in advanced settings of this spec."),
 (OS, 51, "Run on", None, "high", "GitHub App trigger event filter; no trigger operations in this spec."),
 (OS, 60, "Only build pull requests", SETTINGS("build_prs_only"), "high", "advanced.build_prs_only."),
 (OS, 125, "Pass secrets to builds from forked pull requests", SETTINGS("forks_receive_secret_env_vars"), "high", "advanced.forks_receive_secret_env_vars."),
 (WF, 314, "Approve", op("POST", "/workflow/{id}/approve/{approval_request_id}", "approvePendingApprovalJobById"), "high", "Approve a hold job."),
 (WF, 419, "Cancel", op("POST", "/jobs/{job-id}/cancel", "cancelJobByJobID", alts=[op("POST", "/project/{project-slug}/job/{job-number}/cancel", "cancelJobByJobNumber")]), "high", "Cancel the hold job; the page's API tab uses cancelJobByJobID."),
 (WF, 830, "Pipelines", None, "high", "Navigation; in a mappable block."),
 (WF, 832, "Rerun from failed", op("POST", "/workflow/{id}/rerun", "rerunWorkflow", {"from_failed": True}), "high", "rerunWorkflow with from_failed."),
 (PV, 125, "Trigger Pipeline", RUN({"parameters": {"<name>": "<value>"}}), "high", "Trigger with parameters."),
 (TO, 26, "Trigger Pipeline", RUN(), "high", "Trigger a pipeline from the web app."),
 (SSH, 22, "add an SSH key", None, "high", "Hard negative: user SSH keys for job access are not in this spec."),
 (SSH, 27, "Rerun job with SSH", op("POST", "/workflow/{id}/rerun", "rerunWorkflow", {"enable_ssh": True, "jobs": ["<job-id>"]}), "high", "rerunWorkflow with enable_ssh and jobs."),
 (DC, 28, "Enable dynamic config", SETTINGS("setup_workflows"), "high", "advanced.setup_workflows."),
 (AK, 35, "Add SSH Key", None, "high", "Hard negative: additional SSH keys are not in this spec."),
 (ST, 24, "Stop Building", None, "high", "Hard negative: no stop-building (unfollow all) operation."),
 (AL, 16, "Request audit logs", None, "high", "Hard negative: no audit-log operations."),
 (AL, 171, "Stream audit logs", None, "high", "Hard negative: audit-log streaming is not in this spec."),
 (CO, 22, "Let's Go", None, "high", "Hard negative: no create-organization operation."),
]

HEAD = re.compile(r'^=+\s')
def context(lines, i):
    heading = ""
    for j in range(i - 1, -1, -1):
        if HEAD.match(lines[j]):
            heading = lines[j].lstrip('=').strip(); break
    prev = ""
    for j in range(i - 1, -1, -1):
        s = lines[j].strip()
        if HEAD.match(lines[j]):
            break
        if not s or s in ('+', '--', '====') or s.startswith(('image::', 'include::', '[', '.Screenshot', 'NOTE:')) or s.endswith('::'):
            continue
        if re.match(r'^\.+ ', s) or re.match(r'^\*+ ', s):
            prev = s; break
        if s.startswith('----') or s.startswith('|'):
            continue
        prev = re.split(r'(?<=[.:!?])\s+', s)[-1] if s else ""
        break
    return {"heading": heading, "previous_step": prev}

out = []
for n, (page, line, guard, exp, conf, note) in enumerate(L, 1):
    lines = open(os.path.join(HERE, 'pages', page), encoding='utf-8').read().split('\n')
    step = lines[line - 1].strip()
    assert guard in step, (page, line, guard, step)
    out.append({"id": f"circleci-{n:03d}", "page": f"pages/{page}", "line": line, "step": step,
                "context": context(lines, line - 1), "expected": exp, "confidence": conf, "note": note})
with open(os.path.join(HERE, 'cases.jsonl'), 'w', encoding='utf-8') as f:
    for c in out:
        f.write(json.dumps(c, ensure_ascii=False) + '\n')
m = sum(1 for c in out if c['expected'])
print(len(out), 'cases', m, 'mappable', len(out) - m, 'null')
