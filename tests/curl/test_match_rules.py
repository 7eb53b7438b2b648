"""Matching rules that need a spec shaped unlike sample_site's: the API's own names for its
resources (summaries), a mount prefix on every path, and sentences that are not instructions.

The specs are small OpenAPI documents in the shapes real ones use (Sentry's paths all start
with /api/0/ and its /workflows/ are "Alerts" in the summaries and the UI).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from llmsdocs.match import _label_chain
from llmsdocs.openapi import Spec, load_spec
from llmsdocs.rewrite import curlify

ORG = "/api/0/organizations/{org}"
LAGO = "https://api.getlago.com/api/v1"
COOLIFY = "https://app.coolify.io/api/v1"
CLICKS = Path(__file__).resolve().parents[2] / "benchmarks" / "clicks"


def _body_op(
    op_id: str, summary: str | None, properties: dict[str, Any], required: Sequence[str] = (), status: str = "200"
) -> dict[str, Any]:
    """An operation whose JSON request body has these properties (no summary when None)."""
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    op: dict[str, Any] = {"operationId": op_id, "responses": {status: {"description": "ok"}},
                          "requestBody": {"content": {"application/json": {"schema": schema}}}}
    if summary is not None:
        op["summary"] = summary
    return op


def _op(op_id: str, summary: str, body: bool = False) -> dict[str, Any]:
    if body:
        return _body_op(op_id, summary, {"name": {"type": "string"}})
    return {"operationId": op_id, "summary": summary, "responses": {"200": {"description": "ok"}}}


def _path_params(*names: str) -> list[dict[str, Any]]:
    return [{"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in names]


def _create_and_update(collection: str, param: str, noun: str, create_id: str, update_id: str) -> dict[str, Any]:
    """A collection that takes a POST (create) and its item that takes a PUT (update)."""
    return {collection: {"post": _op(create_id, f"Create {noun}", True)},
            f"{collection}/{{{param}}}": {"put": _op(update_id, f"Update {noun}", True),
                                          "parameters": _path_params(param)}}


def _spec_file(
    folder: Path, paths: dict[str, Any], title: str, server: str | dict[str, Any], version: str = "3.1.0"
) -> Spec:
    """The OpenAPI document of these paths, written to ``folder`` and loaded."""
    doc = {"openapi": version, "info": {"title": title, "version": "0"},
           "servers": [server if isinstance(server, dict) else {"url": server}], "paths": paths}
    path = folder / "openapi.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_spec(path)


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Spec:
    org_param = _path_params("org")
    addon = _body_op("applyAddon", "Apply or update billing addons, including compute size", {
        "addon_type": {"type": "string", "enum": ["custom_domain", "compute_instance", "ipv4"]}
    })
    paths = {
        f"{ORG}/workflows/": {"post": _op("createOrganizationWorkflow", "Create an Alert for an Organization", True),
                              "parameters": org_param},
        f"{ORG}/members/": {"post": _op("createOrganizationMember", "Add a Member to an Organization", True),
                            "parameters": org_param},
        f"{ORG}/": {"put": _op("updateOrganization", "Update an Organization", True), "parameters": org_param},
        f"{ORG}/apps/": {"put": _op("updateApp", "Update an Existing Custom Integration", True),
                         "parameters": org_param},
        f"{ORG}/translations/upload": {"post": _op("uploadTranslations", "Upload translation files", True),
                                       "parameters": org_param},
        f"{ORG}/workflows/{{workflow}}/": {"put": _op("updateOrganizationWorkflow", "Update an Alert", True),
                                           "delete": _op("deleteOrganizationWorkflow", "Delete an Alert"),
                                           "parameters": org_param + [dict(org_param[0], name="workflow")]},
        f"{ORG}/billing/addons": {"patch": addon, "parameters": org_param},
    }
    server = {"url": "https://{region}.acme.io", "variables": {"region": {"default": "us"}}}
    return _spec_file(tmp_path_factory.mktemp("spec"), paths, "API Reference", server)


def _matched(spec: Spec, page: str) -> list[str]:
    return [d.operation_id or "" for d in curlify(page, spec).decisions if d.decision == "matched"]


def test_the_summary_names_the_resource_the_ui_calls_it_by(spec: Spec) -> None:
    page = "## Alerts\n\nTo create an alert, go to the **Alerts** page and click **Create Alert**.\n"
    assert _matched(spec, page) == ["createOrganizationWorkflow"]


def test_a_generic_title_names_no_product_the_server_host_does(spec: Spec) -> None:
    assert spec.product_name() == "acme"


def test_a_qualified_summary_noun_is_not_an_alias(spec: Spec) -> None:
    page = "## Integrations\n\nTo enable and configure integrations, go to **Settings > Integrations**.\n"
    assert _matched(spec, page) == []


def test_who_may_act_is_not_an_instruction(spec: Spec) -> None:
    said = "## Members\n\nOwners can add members in **Settings > Members**.\n"
    told = "## Members\n\nGo to **Settings > Members** and click **Add Member**.\n"
    assert _matched(spec, said) == []
    assert _matched(spec, told) == ["createOrganizationMember"]


def test_saving_a_thing_is_not_a_forms_save_button(spec: Spec) -> None:
    page = (
        "## Organization security\n\n1. Go to **Organization Settings › Security**.\n"
        "2. Once enrolled, save your recovery codes in a safe place.\n"
    )
    assert _matched(spec, page) == []


def test_a_verb_names_the_action_endpoint_of_its_synonym(spec: Spec) -> None:
    page = "## Translations\n\n1. Open **Translations**.\n2. Click **Import translations** and pick the files.\n"
    assert _matched(spec, page) == ["uploadTranslations"]


def test_who_may_act_covers_every_verb_of_the_list(spec: Spec) -> None:
    page = "## Alerts\n\nBy default, all members can create and edit an alert. You can update this setting in the [membership settings](https://acme.io/settings/organization/).\n"
    assert _matched(spec, page) == []


def test_a_link_into_the_app_names_the_place_to_act(spec: Spec) -> None:
    # the group segment (/billing/) names nothing the page must say; IPv4 is one word, an enum value
    app = "## Enabling the IPv4 add-on\n\nYou can enable the IPv4 add-on in the [add-ons settings](/dashboard/org/_/settings/addons).\n"
    docs = "## Enabling the IPv4 add-on\n\nYou can enable the IPv4 add-on as the [add-ons guide](/docs/guides/addons) shows.\n"
    assert _matched(spec, app) == ["applyAddon"]
    assert _matched(spec, docs) == []




def test_an_introductions_purpose_is_its_last_sentence(spec: Spec) -> None:
    page = (
        "## How to enable tracking\n\nFirst [create an alert](/alerts). After that, you can enable tracking "
        "by following these steps:\n1. Log in to the dashboard\n2. Navigate to the **Alerts** page from the "
        "sidebar.\n3. Click the toggle to enable tracking.\n"
    )
    assert _matched(spec, page) == []


def test_a_list_of_alternatives_gets_a_call_for_each(spec: Spec) -> None:
    page = (
        "## Edit or delete an alert\n\n1. Go to **Alerts**.\n2. Find the alert you want.\n"
        "3. To edit, choose **Edit alert**, make the changes and select **Save**.\n"
        "4. To delete, select **Delete alert** and confirm.\n"
    )
    result = curlify(page, spec)
    assert [d.operation_id for d in result.decisions if d.decision == "matched"] == [
        "updateOrganizationWorkflow", "deleteOrganizationWorkflow"]
    assert result.markdown.count("```shell") == 2
    assert result.markdown.index("curl -X PUT") < result.markdown.index("curl -X DELETE")


def test_a_part_of_the_page_named_after_a_resource_is_not_that_resource(tmp_path: Path) -> None:
    paths = {f"/{kind}": {"post": _op(f"create_{kind}", f"Create a {kind[:-1]}", True)}
             for kind in ("customers", "billing_entities", "add_ons", "credit_notes", "plans")}
    paths["/invoices"] = {"post": _op("createInvoice", "Create a one-off invoice", True)}
    spec = _spec_file(tmp_path, paths, "Lago API", LAGO)
    page = (  # Lago's docs, guide/invoicing/invoicing-settings/overview
        "### Add a custom invoice section\n\nTo create an invoice custom section:\n"
        '1. Click **"Settings"** in the side menu;\n2. Open the **"Invoice custom sections"** tab;\n'
        '3. Click on **"Add"** in the **"Invoice custom section"** block;\n'
        "4. Provide the necessary details, including the title and content.\n"
    )
    assert _matched(spec, page) == []
    assert _matched(spec, "### Add an invoice\n\n1. Open **Invoices**.\n2. Click **Add**.\n") == ["createInvoice"]


@pytest.fixture(scope="module")
def switches(tmp_path_factory: pytest.TempPathFactory) -> Spec:
    """Organization and project settings, as Sentry's spec has them: booleans whose names
    (``require2FA``) are not what the UI's switches say, but whose descriptions are."""
    org = _body_op("updateOrganization", "Update an Organization", {
        "require2FA": {"type": "boolean",
                       "description": "Specify `true` to require and enforce two-factor authentication for all members."},
        "openMembership": {"type": "boolean", "description": "Specify `true` to allow members to freely join any team."},
    })
    proxy = _body_op("saveProxyConfiguration", "Save Proxy Configuration", {"configuration": {"type": "string"}})
    paths = {
        ORG + "/": {"put": org, "parameters": _path_params("org")},
        ORG + "/members/": {"post": _op("addOrganizationMember", "Add a Member to an Organization", True),
                            "parameters": _path_params("org")},
        ORG + "/proxy/configuration": {"put": proxy, "parameters": _path_params("org")},
        "/api/0/projects/{org}/{project}/": {"put": _op("updateProject", "Update a Project", True),
                                             "parameters": _path_params("org", "project")},
    }
    return _spec_file(tmp_path_factory.mktemp("switches"), paths, "Acme", "https://acme.io")


def test_a_switch_label_may_be_its_fields_description(switches: Spec) -> None:
    page = "## Require 2FA\n\n1. Go to **Organization Settings**.\n2. Toggle the **Require Two-Factor Authentication** switch.\n"
    assert _matched(switches, page) == ["updateOrganization"]


def test_a_heading_that_opens_with_open_names_a_feature_not_a_product(switches: Spec) -> None:
    page = '## Open Membership\n\nTo restrict access to teams, turn off "Open Membership" for the organization in **Settings > General**.\n'
    assert _matched(switches, page) == ["updateOrganization"]


def test_a_switch_the_step_names_is_its_action_not_the_headings(switches: Spec) -> None:
    toggle = (
        "# Organization membership\n\n### Adding New Members\n\nUsers with Manager and Owner-level permissions can "
        "add, remove, and change members for a project or organization. They can also toggle on the "
        '"Let Members Invite Others" setting to allow any org member to freely invite anyone they like.\n'
    )
    bare = "## Add a member\n\n1. Go to **Settings > Members**.\n2. Click **Add member**.\n"
    decisions = curlify(toggle, switches).decisions
    assert [d.decision for d in decisions] == ["no-operation"]
    assert "addOrganizationMember" not in decisions[0].reason  # not even a near miss
    assert _matched(switches, bare) == ["addOrganizationMember"]


def test_a_toggle_sets_the_enabled_field_through_the_patch(tmp_path: Path) -> None:
    # the label's "Enable" is the toggle's verb; the field it flips says "enabled"; with PUT and
    # PATCH on one path, changing one setting is the PATCH
    fields = {
        "name": {"type": "string"},
        "isTranslationEnabled": {"type": "boolean", "description": "Enable or disable translations for this workflow"},
    }
    paths: dict[str, Any] = {
        "/v2/workflows/{workflowId}": {"parameters": _path_params("workflowId"),
                                       "put": _body_op("updateWorkflow", "Update a workflow", fields),
                                       "patch": _body_op("patchWorkflow", "Patch a workflow", fields)},
        "/v2/workflows": {"post": _op("createWorkflow", "Create a workflow", True)},
    }
    for kind in ("layouts", "topics", "subscribers"):  # the rest of an API: a field two operations share is rare
        paths[f"/v2/{kind}"] = {"post": _op(f"create_{kind}", f"Create {kind}", True)}
        paths[f"/v2/{kind}/{{id}}"] = {"delete": {"operationId": f"delete_{kind}", "responses": {"204": {"description": "ok"}}},
                                       "parameters": _path_params("id")}
    spec = _spec_file(tmp_path, paths, "Acme", "https://api.acme.io", "3.0.3")
    page = "### While editing an existing workflow\n\n- Open an existing workflow\n- Turn on the **Enable Translations** toggle\n"
    assert _matched(spec, page) == ["patchWorkflow"]



def test_the_verb_configure_names_no_configuration_field(switches: Spec) -> None:
    page = (
        "## Configure Acme to use the origin certificate\n\n1. Go to **Proxy**.\n"
        "2. Choose a name for your dynamic configuration.\n3. Save the configuration\n"
    )
    assert _matched(switches, page) == []



def test_a_compound_named_in_the_other_order_is_the_same_resource(tmp_path: Path) -> None:
    fields = {"is_logdrain_enabled": {"type": "boolean"}, "name": {"type": "string"}}
    uuid = _path_params("uuid")
    paths = {"/servers/{uuid}/log-drains": {"parameters": uuid,
                                            "patch": _body_op("update-server-log-drains", "Update log drain settings", fields)},
             "/servers": {"post": _body_op("create-server", "Create", fields)},
             "/servers/{uuid}": {"parameters": uuid, "patch": _body_op("update-server", "Update", fields)}}
    for kind in ("applications", "services", "databases"):
        paths[f"/{kind}"] = {"post": _body_op(f"create-{kind}", "Create", fields)}
    spec = _spec_file(tmp_path, paths, "Coolify", COOLIFY)
    page = (
        "# Drain Logs\n\n## How to enable?\n\n1. Enable on your Server.\n"
        "   - Go to your `Server` where you want to enable the `Drain Logs` and click on the `Log Drains` tab.\n"
    )
    assert _matched(spec, page) == ["update-server-log-drains"]



def test_a_sub_step_acts_on_the_other_products_thing_its_item_named(tmp_path: Path) -> None:
    paths = {"/servers": {"post": _op("create-server", "Create", True)},
             "/notifications/discord": {"patch": _body_op("update-discord-notifications", "Update Discord notification settings",
                                                          {"discord_webhook_url": {"type": "string"}})}}
    for kind in ("applications", "services", "databases", "projects"):
        paths[f"/{kind}"] = {"post": _op(f"create-{kind}", "Create", True)}
    spec = _spec_file(tmp_path, paths, "Coolify", COOLIFY)
    page = (  # Coolify's docs, knowledge-base/notifications.md
        "### Discord\n\n1. Create a Discord Server and Channel\n   - Create a new server or use an existing one\n"
        "   - Create a new text channel for Coolify notifications\n\n2. Create a webhook\n"
        "   - Open Discord server settings\n   - Go to **Integrations** → **Webhooks**\n   - Click **New Webhook**\n"
        "   - Copy the `webhook URL`\n\n3. Configure in Coolify:\n   - Go to **Notifications** → **Discord**\n"
        "   - Paste the `webhook URL` in the Webhook URL field\n   - Save the settings\n   - Enable the Discord channel\n"
    )
    decisions = curlify(page, spec).decisions
    assert "create-server" not in [d.operation_id for d in decisions]



def test_a_link_into_the_apps_settings_says_where_its_action_goes(tmp_path: Path) -> None:
    ref = _path_params("ref")
    op = _body_op
    auth = {"external_anonymous_users_enabled": {"type": "boolean"}, "site_url": {"type": "string"},
            "rate_limit_anonymous_users": {"type": "integer"}}
    paths = {"/v1/projects/{ref}/config/auth": {"parameters": ref, "patch": op("update-auth-config", "Updates a project's auth config", auth)},
             "/v1/projects/{ref}/config/auth/third-party-auth": {"parameters": ref, "post": op("create-tpa", "Creates a new third-party auth integration", {"oidc_issuer_url": {"type": "string"}})},
             "/v1/projects/{ref}/database/webhooks/enable": {"parameters": ref, "post": op("enable-webhooks", "Enables Database Webhooks", {})},
             "/v1/projects": {"post": op("create-project", "Create a project", {"name": {"type": "string"}})}}
    spec = _spec_file(tmp_path, paths, "Supabase API", "https://api.supabase.com", "3.0.0")
    page = "## Sign in anonymously\n\nTo get started, [enable anonymous sign-ins](/dashboard/project/_/settings/auth) for your Supabase Project.\n"
    assert _matched(spec, page) == ["update-auth-config"]
    # "Finally" orders the step; it is not "finalize"
    finally_ = "## Getting started\n\nFinally add a [new third-party auth integration](/dashboard/project/_/auth/third-party).\n"
    assert _matched(spec, finally_) == ["create-tpa"]


def test_a_field_set_in_a_creation_form_fills_in_the_new_thing() -> None:
    spec = load_spec(Path(__file__).parent / "fixtures" / "lago_alerts.json")  # a subset of Lago's spec
    page = (  # Lago's docs, guide/alerts/usage-alerts
        "## Create an alert\n\nAn alert must be tied to a specific subscription. To create an alert for a particular "
        "subscription, follow these steps:\n\n1. Access the specific subscription view;\n2. Click on the **Alerts** tab;\n"
        "3. Click on the **Add an alert** button;\n4. Select the type of alert (e.g., Lifetime Usage Amount);\n"
        "5. Set the progressive thresholds and code for the alert;\n"
        "6. Define the optional recurring threshold for the alert; and\n"
        '7. Click on the **"Create alert"** button to confirm.\n'
    )
    # "Set the thresholds" does not update an alert: it fills in the one being created
    assert _matched(spec, page) == ["createSubscriptionAlert"]


def test_a_commit_verb_with_an_object_is_that_action(tmp_path: Path) -> None:
    fields = {"code": {"type": "string"}}
    paths = {"/applied_coupons": {"post": _body_op("applyCoupon", "Apply a coupon to a customer", fields)},
             "/coupons": {"post": _body_op("createCoupon", "Create a coupon", fields)},
             "/coupons/{code}": {"parameters": _path_params("code"), "put": _body_op("updateCoupon", "Update a coupon", fields)}}
    for kind in ("customers", "plans", "invoices", "wallets"):
        paths[f"/{kind}"] = {"post": _body_op(f"create_{kind}", f"Create a {kind[:-1]}", fields)}
    spec = _spec_file(tmp_path, paths, "Lago API", LAGO)
    page = (  # Lago's docs, guide/coupons
        "## Apply coupons\n\nTo apply a coupon to a customer:\n1. Select a customer from the list;\n"
        '2. Click **"Actions"** in the upper-right corner and select **"Apply coupon"**;\n3. Select a coupon;\n'
        "4. Override values and currency; and\n" '5. Click **"Apply coupon"** to confirm.\n'
    )
    # "Apply coupon" applies a coupon (POST /applied_coupons); a bare "Apply" would commit a form
    assert _matched(spec, page) == ["applyCoupon"]


def test_a_summary_names_the_resource_not_its_parents(tmp_path: Path) -> None:
    def op(op_id: str, summary: str = "Create deployment") -> dict[str, Any]:
        return _body_op(op_id, summary, {"activate": {"type": "boolean"}})
    paths = {"/functions/{functionId}/deployments": {"parameters": _path_params("functionId"),
                                                     "post": op("functionsCreateDeployment")},
             "/sites/{siteId}/deployments": {"parameters": _path_params("siteId"), "post": op("sitesCreateDeployment")},
             "/functions": {"post": op("functionsCreate", "Create function")},
             "/sites": {"post": op("sitesCreate", "Create site")}}
    spec = _spec_file(tmp_path, paths, "Appwrite", "https://cloud.appwrite.io/v1", "3.0.0")
    page = (  # Appwrite's docs, products/sites/deployments
        "# Deployments\n\n## Create deployment\n\nTo manually trigger a deployment of your app from the Appwrite Console, "
        "you can head to the **Deployments** tab of your site, click on the **Create deployment** button.\n"
    )
    assert _matched(spec, page) == ["sitesCreateDeployment"]


def test_allows_you_to_introduces_the_verb(spec: Spec) -> None:
    page = (  # as Lago's coupon page lists a menu's actions
        "## Available actions\n\nYou can click the **ellipsis icon** to see all available actions:\n\n"
        "1. **Delete**: allows you to delete the alert and remove it from the list.\n"
    )
    decisions = curlify(page, spec).decisions
    assert [d.operation_id for d in decisions if d.decision == "matched"] == ["deleteOrganizationWorkflow"]


def test_editing_a_field_while_creating_is_not_an_update(tmp_path: Path) -> None:
    def op(op_id: str, summary: str) -> dict[str, Any]:
        return _body_op(op_id, summary, {"invoice": {"type": "object", "properties": {
            "description": {"type": "string"}, "units": {"type": "number"}}}})
    paths = {"/invoices": {"post": op("createInvoice", "Create a one-off invoice")},
             "/invoices/{lago_id}": {"parameters": _path_params("lago_id"), "put": op("updateInvoice", "Update an invoice")},
             "/add_ons": {"post": op("createAddOn", "Create an add-on")}}
    for kind in ("customers", "plans", "coupons", "wallets"):
        paths[f"/{kind}"] = {"post": op(f"create_{kind}", f"Create a {kind[:-1]}")}
    spec = _spec_file(tmp_path, paths, "Lago API", LAGO)
    page = (  # Lago's docs, guide/one-off-invoices/create-one-off-invoices
        "## Adding add-ons to one-off invoices\n\nOnce you have started the flow, add one or several add-ons to the invoice:\n\n"
        "1. Define a purchase order number, if needed\n2. Click **\"Add an add-on\"** to add a line item to the invoice\n"
        "3. Set the number of units for the add-on\n4. Edit the unit price, if needed\n"
        "5. Edit the description displayed on the invoice\n6. Click **\"Create\"** to issue the one-off invoice\n"
    )
    assert "updateInvoice" not in _matched(spec, page)


def test_a_generic_collection_segment_is_its_parents_collection(tmp_path: Path) -> None:
    paths = {f"/{kind}/": {"post": _body_op(f"{kind.replace('/', '_')}_create", None, {"name": {"type": "string"}},
                                            ["name"], "201")}
             for kind in ("flows/instances", "flows/bindings", "outposts/instances", "core/groups", "stages/prompt/stages")}
    spec = _spec_file(tmp_path, paths, "authentik", "/api/v3", "3.0.3")
    page = (  # authentik's docs, add-secure-apps/flows-stages/flow
        "## Create a custom flow\n\n1. Log in as an admin to authentik, and go to the Admin interface.\n"
        "2. In the Admin interface, navigate to **Flows and Stages > Flows**.\n"
        "3. Click **New Flow**, define the flow, and then click **Create Flow**.\n"
    )
    assert _matched(spec, page) == ["flows_instances_create"]


def test_an_action_endpoint_acts_on_the_thing_the_step_names(tmp_path: Path) -> None:
    def op(op_id: str) -> dict[str, Any]:
        return _body_op(op_id, None, {"pk": {"type": "integer"}}, ["pk"], "204")
    uuid = _path_params("uuid")
    paths = {"/core/groups/{uuid}/add_user/": {"parameters": uuid, "post": op("core_groups_add_user_create")},
             "/rbac/roles/{uuid}/add_user/": {"parameters": uuid, "post": op("rbac_roles_add_user_create")},
             "/core/users/": {"post": op("core_users_create")}, "/core/groups/": {"post": op("core_groups_create")},
             "/rbac/roles/": {"post": op("rbac_roles_create")}}
    spec = _spec_file(tmp_path, paths, "authentik", "/api/v3", "3.0.3")
    page = (  # authentik's docs, users-sources/user/user_basic_operations
        "## Add a user to a group\n\n1. In the Admin interface, navigate to **Directory > Users**.\n"
        "2. Select a specific user to go to that user's detail page.\n"
        "3. Click the **Groups** tab, and then click either **Add to existing group** (or **Add new group** first).\n"
    )
    assert _matched(spec, page) == ["core_groups_add_user_create"]


def test_a_kind_heading_under_a_create_heading_creates_that_kind(tmp_path: Path) -> None:
    """"#### Password Stage" under "### Create custom stages" creates a password stage, and
    /stages/password/ is that thing: every word of the path is in the object, its head too."""
    def op(op_id: str) -> dict[str, Any]:
        return _body_op(op_id, None, {"name": {"type": "string"}}, ["name"], "201")
    uuid = _path_params("stage_uuid")
    paths = {"/stages/password/": {"post": op("stages_password_create")},
             "/stages/password/{stage_uuid}/": {"parameters": uuid, "patch": op("stages_password_partial_update")},
             "/stages/prompt/stages/": {"post": op("stages_prompt_stages_create")},
             "/stages/invitation/stages/": {"post": op("stages_invitation_stages_create")},
             "/flows/instances/": {"post": op("flows_instances_create")},
             "/providers/ldap/": {"post": op("providers_ldap_create")},
             "/core/users/": {"post": op("core_users_create")}}
    spec = _spec_file(tmp_path, paths, "authentik", "/api/v3", "3.0.3")
    page = (  # authentik's docs, add-secure-apps/providers/ldap/create-ldap-provider
        "### Create custom stages\n\nYou'll need to create the stages that make up the flow.\n\n"
        "1. Log in to authentik as an administrator and open the authentik Admin interface.\n"
        "2. Navigate to **Flows and Stages** > **Stages**, and click **Create**.\n\n"
        "#### Password Stage\n\nFirst, you'll need to create a Password Stage.\n\n"
        "3. Select **Password Stage** as the stage type, click **Next**, and set the following required configurations:\n"
        "    - Provide a **Name** for the stage (e.g. `ldap-authentication-password-stage`).\n"
        "4. Click **Finish**\n"
    )
    assert _matched(spec, page)[-1:] == ["stages_password_create"]


def test_a_model_name_description_names_the_resource_when_there_is_no_summary(tmp_path: Path) -> None:
    """authentik has no summaries; "NotificationRule Viewset" says /events/rules/ holds
    notification rules, which /lifecycle/rules/ does not."""
    def op(op_id: str, description: str, *fields: str) -> dict[str, Any]:
        found = _body_op(op_id, None, {f: {"type": "string"} for f in ("name", *fields)}, ["name"], "201")
        return dict(found, description=description) if description else found
    paths = {"/events/rules/": {"post": op("events_rules_create", "NotificationRule Viewset", "severity")},
             "/lifecycle/rules/": {"post": op("lifecycle_rules_create", "", "notification_transports")},
             "/events/transports/": {"post": op("events_transports_create", "NotificationTransport Viewset")},
             "/lifecycle/reviews/": {"post": op("lifecycle_reviews_create", "")},
             "/core/users/": {"post": op("core_users_create", "User Viewset")},
             "/flows/instances/": {"post": op("flows_instances_create", "Flow Viewset")}}
    spec = _spec_file(tmp_path, paths, "authentik", "/api/v3", "3.0.3")
    page = (  # authentik's docs, sys-mgmt/events/notifications
        "## Create a notification rule\n\n1. Log in as an administrator and open the Admin interface.\n"
        "2. Navigate to **Events > Notification Rules**.\n"
        "3. Define the policy configurations, and then click **Create Notification Rule** to save the settings.\n"
    )
    assert _matched(spec, page) == ["events_rules_create"]


def test_a_menu_item_is_the_action_and_the_button_that_opened_it_is_not(tmp_path: Path) -> None:
    """"click **Edit wallet**" then "Select **Terminate wallet**": Edit wallet opened a menu. The
    item's verb is known only from the API's summary ("Terminate a wallet"), which names the call."""
    lago_id = _path_params("lago_id")
    paths = {"/wallets": {"post": _op("createWallet", "Create a wallet", True)},
             "/wallets/{lago_id}": {"parameters": lago_id, "put": _op("updateWallet", "Update a wallet", True),
                                    "delete": _op("destroyWallet", "Terminate a wallet")},
             "/wallet_transactions": {"post": _op("createWalletTransaction", "Top up a wallet", True)},
             "/coupons": {"post": _op("createCoupon", "Create a coupon", True)},
             "/customers": {"post": _op("createCustomer", "Create a customer", True)},
             "/credit_notes/{lago_id}/void": {"parameters": lago_id,
                                              "put": _op("voidCreditNote", "Void available credit")}}
    spec = _spec_file(tmp_path, paths, "Lago API documentation", LAGO)
    void = (  # Lago's docs, guide/invoicing/credit-notes/overview: the menu is named in the step
        "## Void available credit\n\nYou can still void any remaining credit. To do so:\n\n"
        '1. Click a credit note to see its details; and\n'
        '2. Select **"Void credit available"** from the **"Actions"** dropdown (upper right corner).\n'
    )
    assert _matched(spec, void) == ["voidCreditNote"]
    page = (  # Lago's docs, guide/wallet-and-prepaid-credits/overview
        "## Wallet expiration\n\nYou also have the ability to terminate a wallet manually, before its expiration\ndate:\n\n"
        '1. Open the **"Wallets"** tab and click **"Edit wallet"** on the right;\n'
        '2. Select **"Terminate wallet"**; and\n3. Click again to confirm.\n'
    )
    assert _matched(spec, page) == ["destroyWallet"]
    top_up = (  # the same menu's other item, in words no summary says: no call rather than the menu's button
        "## Top up\n\nTo top up a wallet through the user interface:\n\n"
        '1. Open the **"Wallets"** tab and click **"Edit wallet"** on the right;\n'
        '2. Select **"Top up credit"**;\n3. Enter the number of credits; and\n4. Click **"Top up credit"** to confirm.\n'
    )
    assert _matched(spec, top_up) == []


def test_a_sentences_own_purpose_names_where_the_button_adds(tmp_path: Path) -> None:
    """"To grant a team access to a project, navigate to … and click "Add Team"": the summary
    "Add a Team to a Project" says the same, so the item path's POST is the call, not a new team.
    A purpose that names nothing the button names ("To obtain a key, add a project") adds nothing."""
    org, proj = _path_params("org"), _path_params("org", "project")
    paths = {
        f"{ORG}/teams/": {"post": _op("createOrganizationTeam", "Create a New Team", True), "parameters": org},
        "/api/0/projects/{org}/{project}/teams/{team}/": {
            "post": _op("addProjectTeam", "Add a Team to a Project"),
            "delete": _op("deleteProjectTeam", "Delete a Team from a Project"),
            "parameters": _path_params("org", "project", "team")},
        f"{ORG}/projects/": {"post": _op("createOrganizationProject", "Create a New Project", True), "parameters": org},
        "/api/0/projects/{org}/{project}/keys/": {"post": _op("createProjectKey", "Create a New Client Key", True),
                                                  "parameters": proj},
        f"{ORG}/members/": {"post": _op("addOrganizationMember", "Add a Member to an Organization", True),
                            "parameters": org},
    }
    spec = _spec_file(tmp_path, paths, "Sentry API", "https://sentry.io")
    page = (  # Sentry's docs, product/issues/ownership-rules
        "## Ownership\n\nTeams _must_ have access to the project to become owners. To grant a team access to a "
        'project, navigate to **[Project] > Settings > Project Teams**, and click "Add Team".\n'
    )
    assert _matched(spec, page) == ["addProjectTeam"]


def test_a_form_verb_after_a_noun_is_a_noun(tmp_path: Path) -> None:
    """"choose **Link Survey** under **Survey Type**": "type" after "Survey" names the setting; it
    is not the verb "type" (enter), which made a form's commit of the survey here."""
    survey = _path_params("surveyId")
    paths = {"/api/v3/surveys": {"post": _op("createSurveyV3", "Create a survey", True)},
             "/api/v3/surveys/{surveyId}": {"parameters": survey, "patch": _body_op(
                 "patchSurveyV3", "Update a survey", {"name": {"type": "string"},
                                                     "status": {"type": "string", "enum": ["draft", "inProgress"]}})},
             "/api/v3/tags/{tagId}": {"parameters": _path_params("tagId"), "delete": _op("deleteTagV3", "Delete a tag")},
             "/api/v3/workflows": {"post": _op("createWorkflowV3", "Create a workflow", True)}}
    spec = _spec_file(tmp_path, paths, "Formbricks API", "https://app.formbricks.com")
    page = (  # Formbricks' docs, xm-and-surveys/surveys/link-surveys/quickstart
        '---\ntitle: "Quickstart - Link Surveys"\n---\n\n'
        "Open the **Settings** tab and choose **Link Survey** under **Survey Type**. This is what gives your survey "
        "a shareable URL, instead of running it inside your app.\n"
    )
    assert _matched(spec, page) == []


def test_dashboard_is_a_resource_where_the_api_has_dashboards(tmp_path: Path) -> None:
    """"dashboard" usually names the product's UI (a stop word), but Sentry's API has dashboards:
    "Clicking "Create Dashboard" takes you to a new dashboard" creates one."""
    org = _path_params("org")
    paths = {
        f"{ORG}/dashboards/": {"post": _op("createOrganizationDashboard", "Create a New Dashboard for an Organization", True),
                               "parameters": org},
        f"{ORG}/dashboards/{{dashboard_id}}/": {
            "delete": _op("deleteOrganizationDashboard", "Delete an Organization's Custom Dashboard"),
            "parameters": _path_params("org", "dashboard_id")},
        f"{ORG}/teams/": {"post": _op("createOrganizationTeam", "Create a New Team", True), "parameters": org},
        f"{ORG}/": {"put": _op("updateOrganization", "Update an Organization", True), "parameters": org},
    }
    spec = _spec_file(tmp_path, paths, "Sentry API", "https://sentry.io")
    page = (  # Sentry's docs, product/dashboards/custom-dashboards
        "## Create Dashboards\n\nClicking \"Create Dashboard\" takes you to a new dashboard where you can immediately "
        "begin adding widgets.\n"
    )
    assert _matched(spec, page) == ["createOrganizationDashboard"]


def _tags_spec(folder: Path) -> Spec:
    tag = _path_params("tagId")
    paths = {"/api/v3/tags": {"get": _op("listTagsV3", "List tags")},
             "/api/v3/tags/{tagId}": {"parameters": tag, "delete": _op("deleteTagV3", "Delete a tag"),
                                      "patch": _body_op("renameTagV3", "Rename a tag", {"name": {"type": "string"}})},
             "/api/v3/surveys/{surveyId}": {"parameters": _path_params("surveyId"),
                                            "delete": _op("deleteSurveyV3", "Delete a survey")}}
    return _spec_file(folder, paths, "Formbricks API", "https://app.formbricks.com")


def test_a_plural_object_under_a_delete_heading_is_each_item(tmp_path: Path) -> None:
    """"Enable verified domains" flips a feature, but "### Delete tags" then "Click the **Delete**
    button" deletes one tag at a time: a plural after delete is not a feature."""
    page = (  # Formbricks' docs, surveys/general-features/tags
        "### Delete tags\n\n1. In the tag management page, find the tag you want to delete\n"
        "2. Click the **Delete** button\n3. Confirm the deletion\n"
    )
    assert _matched(_tags_spec(tmp_path), page) == ["deleteTagV3"]


def _credentials_spec(folder: Path) -> Spec:
    cred = _path_params("credentialId")
    paths = {"/credentials": {"post": _body_op("createCredential", "Create a credential", {
                 "name": {"type": "string"}, "type": {"type": "string"}})},
             "/credentials/{credentialId}": {"parameters": cred,
                                             "patch": _body_op("updateCredential", "Update credential by ID", {
                                                 "name": {"type": "string"}}),
                                             "delete": _op("deleteCredential", "Delete credential by ID")},
             "/workflows/{workflowId}": {"parameters": _path_params("workflowId"),
                                         "put": _body_op("updateWorkflow", "Update a workflow", {
                                             "name": {"type": "string"},
                                             "meta": {"type": "object", "properties": {
                                                 "instanceId": {"type": "string"}}}})}}
    return _spec_file(folder, paths, "n8n Public API", {"url": "{host}/api/v1", "variables": {
        "host": {"default": "http://localhost:5678"}}})


def test_save_under_a_heading_whose_verb_no_endpoint_names_commits_nothing(tmp_path: Path) -> None:
    """"## Share a credential" ... "Select **Save**": the form saves a share, which the API has
    no call for; it is not an update of the credential the heading names."""
    page = (  # n8n's docs, credentials/credential-sharing
        "## Share a credential\n\nTo share a credential:\n\n"
        "1. From the left menu, select either **Overview** or a project.\n"
        "2. Select **Credentials** to see a list of your credentials.\n"
        "3. Select the credential you want to share.\n4. Select **Sharing**.\n"
        "5. In the **Share with projects or users** dropdown, browse or search for the user.\n"
        "6. Select a user or project.\n7. Select **Save** to apply the changes.\n"
    )
    assert _matched(_credentials_spec(tmp_path), page) == []
    # the same procedure under a verb the API has is that call
    renamed = page.replace("## Share a credential", "## Rename a credential").replace("To share a", "To rename a")
    assert _matched(_credentials_spec(tmp_path), renamed) == ["updateCredential"]


def test_configuring_a_thing_does_not_set_a_field_that_points_to_it(tmp_path: Path) -> None:
    """A workflow's `meta.instanceId` names which instance it came from; "configure your
    instance" changes the instance's own settings, not that field of a workflow."""
    page = (  # n8n's docs, source-control-environments/setup
        "## Step 4: Connect n8n and configure your instance\n\n"
        "1. In **Settings** > **Environments** in n8n, select **Connect**. n8n connects to your Git repository.\n"
        "1. Under **Instance settings**, choose which branch you want to use for the current n8n instance.\n"
        "1. **Optional**: select **Protected instance** to prevent users editing workflows in this instance.\n"
        "1. Select **Save settings**.\n"
    )
    assert _matched(_credentials_spec(tmp_path), page) == []


def test_the_call_goes_above_an_admonition_after_the_list(tmp_path: Path) -> None:
    """``!!! note`` right after a procedure opens a block of its own whose body is indented on
    the next line; a call inserted between the title and the body would break the note."""
    paths = {"/settings/log-streaming/destinations": {"post": _body_op(
        "createDestination", "Create a log streaming destination", {"url": {"type": "string"}})}}
    spec = _spec_file(tmp_path, paths, "n8n Public API", "https://n8n.example.com/api/v1")
    page = (  # n8n's docs, log-streaming
        "## Set up log streaming\n\n1. Navigate to **Settings** > **Log Streaming**.\n"
        "2. Select **Add new destination**.\n3. Select **Save**.\n\n"
        '!!! note "Self-hosted users"\n\tIf you self-host n8n, you can configure more.\n'
    )
    out = curlify(page, spec).markdown
    assert out.index("curl -X POST") < out.index("!!! note")
    assert '!!! note "Self-hosted users"\n\tIf you self-host' in out


def test_a_label_named_as_the_place_to_act_is_not_a_verb(tmp_path: Path) -> None:
    """"In **Add users**, find and select the users": the bold words name the field to act in,
    as "Ensure **Delete Organization** is selected" names an option; their "add" is no verb."""
    paths = {"/projects/{projectId}/users": {"parameters": _path_params("projectId"), "post": _body_op(
                 "addUsersToProject", "Add one or more users to a project", {"relations": {"type": "array"}})},
             "/users": {"post": {"summary": "Create multiple users", "responses": {"200": {"description": "ok"}},
                                 "requestBody": {"content": {"application/json": {"schema": {
                                     "type": "array", "items": {"type": "object"}}}}}}}}
    for name in ("workflows", "credentials", "tags", "variables", "executions", "projects"):
        paths[f"/{name}"] = {"post": _op(f"create-{name}", f"Create {name}", True)}
        paths[f"/{name}/{{id}}"] = {"parameters": _path_params("id"), "delete": _op(f"delete-{name}", f"Delete {name}")}
    spec = _spec_file(tmp_path, paths, "n8n Public API", "https://n8n.example.com/api/v1")
    page = (  # n8n's docs, workflows/sharing
        "## Share a workflow\n\n1. Open the workflow you want to share.\n2. Select **Share**.\n"
        "3. In **Add users**, find and select the users you want to share with.\n4. Select **Save**.\n\n"
        "## View shared workflows\n\nYou see the workflows in projects you're a member of.\n"
    )
    assert _matched(spec, page) == []


def test_a_sentences_own_purpose_is_not_its_action(tmp_path: Path) -> None:
    """"To run this task in production, you will need to set the … environment variable": the
    instruction is setting the variable; running the task is only what it is for."""
    paths = {"/api/v1/tasks/{taskIdentifier}/trigger": {"parameters": _path_params("taskIdentifier"), "post": _body_op(
                 "trigger_task_v1", "Trigger a task", {"payload": {"type": "object"}})},
             "/api/v1/projects/{projectRef}/envvars/{env}": {"parameters": _path_params("projectRef", "env"),
                                                            "post": _body_op("create_project_envvar_v1", "Create environment variable", {
                                                                "name": {"type": "string"}, "value": {"type": "string"}})}}
    spec = _spec_file(tmp_path, paths, "Trigger.dev v3 API", "https://api.trigger.dev")
    page = (  # Trigger.dev's docs, guides/frameworks/nextjs
        "## Revalidation task\n\n"
        "To run this task in production, you will need to set the `REVALIDATION_SECRET` environment variable in "
        "Vercel, in your project settings, and also in your environment variables in the Trigger.dev dashboard.\n"
    )
    assert "trigger_task_v1" not in _matched(spec, page)


def test_steps_that_only_go_and_look_do_not_do_the_headings_action(tmp_path: Path) -> None:
    """Under "## Create a work pool", "Navigate to the **Work Pools** tab and verify that you
    see `my-docker-pool` listed" checks the result of a CLI command; nothing in it creates. A
    ``+`` button, a "make your changes" or a bare **Create** would."""
    paths = {"/work_pools/": {"post": _body_op("create_work_pool", "Create Work Pool", {
                 "name": {"type": "string"}, "type": {"type": "string"}}, ["name"])},
             "/work_pools/{name}": {"parameters": _path_params("name"), "patch": _body_op(
                 "update_work_pool", "Update Work Pool", {"description": {"type": "string"}})}}
    spec = _spec_file(tmp_path, paths, "Prefect Server", "http://127.0.0.1:4200/api")
    page = (  # Prefect's docs, v3/how-to-guides/deployment_infra/docker
        "## Create a work pool\n\nNext, check that you can see this work pool in your Prefect UI.\n"
        "Navigate to the **Work Pools** tab and verify that you see `my-docker-pool` listed.\n"
        "When you click into `my-docker-pool`, you should see a red status icon.\n"
    )
    assert _matched(spec, page) == []
    plus = "## Create a work pool\n\n1. Go to the **Work Pools** page.\n2. Click the `+` button next to the header.\n"
    assert _matched(spec, plus) == ["create_work_pool"]


def test_the_introduction_says_which_of_the_headings_actions_a_list_does(tmp_path: Path) -> None:
    """"## Add and remove users in a project" has two lists, "To add a user to a project:" and
    "To remove a user from a project:": each does its own introduction's action, not both."""
    paths = {"/projects/{projectId}/users": {"parameters": _path_params("projectId"), "post": _body_op(
                 "addUsersToProject", "Add one or more users to a project", {"relations": {"type": "array"}})},
             "/projects/{projectId}/users/{userId}": {"parameters": _path_params("projectId", "userId"),
                                                      "delete": _op("deleteUserFromProject", "Delete a user from a project")}}
    spec = _spec_file(tmp_path, paths, "n8n Public API", "https://n8n.example.com/api/v1")
    page = (  # n8n's docs, user-management/rbac/projects
        "## Add and remove users in a project\n\nProject admins can add and remove users.\n\n"
        "To add a user to a project:\n\n1. Select the project.\n1. Select **Project settings**.\n"
        "1. Select the user you want to add.\n1. Select **Save**.\n\n"
        "To remove a user from a project:\n\n1. Select the project.\n1. Select **Project settings**.\n"
        "1. In the role type dropdown for the user you want to remove, select **Remove access**.\n1. Select **Save**.\n"
    )
    assert _matched(spec, page) == ["addUsersToProject", "deleteUserFromProject"]


def test_follow_the_steps_is_a_lead_in_not_an_action(tmp_path: Path) -> None:
    """"Follow the steps below to send invitation emails": follow is no action of its own (as
    "Share a credential" is); the introduction's action is sending."""
    paths = {"/stages/invitation/invitations/{invite_uuid}/send_email/": {
        "parameters": _path_params("invite_uuid"),
        "post": _body_op("stages_invitation_invitations_send_email_create", None, {
            "email_addresses": {"type": "array", "items": {"type": "string"}}}, ["email_addresses"])}}
    spec = _spec_file(tmp_path, paths, "authentik", "/api/v3", "3.0.3")
    page = (  # authentik's docs, users-sources/user/invitations
        "#### Option 2: Send an invitation email directly from authentik\n\n"
        "Follow the steps below to send invitation emails directly from authentik:\n\n"
        "1. On the **Invitations** page, click the chevron beside your invitation to expand the details.\n"
        "2. Click **Send via Email** and configure the following settings:\n"
        "    - **To**: Enter the email addresses of the recipients.\n"
        "3. Click **Send**.\n"
    )
    assert _matched(spec, page) == ["stages_invitation_invitations_send_email_create"]


def test_a_tabs_text_does_not_introduce_the_next_tabs_list(tmp_path: Path) -> None:
    """In `<Tab title="From the CLI">`, "Run the following command to create a new ECS work pool"
    introduces a command; the list in the next tab is introduced by nothing but the heading."""
    paths = {"/work_pools/": {"post": _body_op("create_work_pool", "Create Work Pool", {
        "name": {"type": "string"}}, ["name"])}}
    spec = _spec_file(tmp_path, paths, "Prefect Server", "http://127.0.0.1:4200/api")
    page = (  # Prefect's docs, integrations/prefect-aws/ecs-worker/manual-deployment
        "### Create the Prefect ECS work pool\n\n<Tabs>\n    <Tab title={\"From the CLI\"}>\n"
        "        Run the following command to create a new ECS work pool named `my-ecs-pool`:\n\n"
        "        ```bash\n        prefect work-pool create --type ecs my-ecs-pool\n        ```\n    </Tab>\n"
        "    <Tab title={\"From the Web UI\"}>\n        1. Navigate to the **Work Pools** page in the Prefect UI.\n"
        "        2. Click the `+` button to the right of the **Work Pool** page header.\n"
        "        3. Select **AWS Elastic Container Service**.\n    </Tab>\n</Tabs>\n"
    )
    assert _matched(spec, page) == ["create_work_pool"]


def test_a_kind_the_api_does_not_name_is_another_kind(tmp_path: Path) -> None:
    """The API's summary says "Create API key"; "Click **Create New Root Key**" makes a root key,
    a kind of key the API has no call for. "Create New API Key" is the call."""
    paths = {"/keys": {"post": _body_op("createKey", "Create API key", {"name": {"type": "string"}})},
             "/keys/{keyId}": {"parameters": _path_params("keyId"), "delete": _op("deleteKey", "Delete API keys")}}
    spec = _spec_file(tmp_path, paths, "Unkey API", "https://api.unkey.com")
    page = (  # Unkey's docs, quickstart
        "## 2. Create a root key\n\n1. Go to **Workspace Settings → Root Keys**\n2. Click **Create New Root Key**\n"
    )
    assert _matched(spec, page) == []
    assert _matched(spec, page.replace("root key", "API key").replace("Root Key", "API Key")) == ["createKey"]


def test_a_state_leaf_is_named_with_what_has_the_state(tmp_path: Path) -> None:
    """listmonk's settings body has `bounce.enabled`: "Enable bounce processing in Settings ->
    Bounces" names that field; its leaf alone ("enabled") says nothing of what is enabled."""
    flags = {k: {"type": "boolean"} for k in ("bounce.enabled", "app.enable_public_archive", "privacy.record_optin_ip")}
    paths = {"/settings": {"put": _body_op("updateSettings", "Update settings", flags)},
             "/subscribers": {"post": _body_op("createSubscriber", "Create a new subscriber", {
                 "email": {"type": "string"}}, ["email"])}}
    spec = _spec_file(tmp_path, paths, "listmonk", "http://localhost:9000/api", "3.0.0")
    page = (  # listmonk's docs, bounces.md
        "# Bounce processing\n\nEnable bounce processing in Settings -> Bounces. POP3 bounce scanning and APIs "
        "only become available once the setting is enabled.\n"
    )
    assert _matched(spec, page) == ["updateSettings"]


def test_an_introduction_for_another_product_scopes_the_steps_to_it(tmp_path: Path) -> None:
    """"For WP Rocket:" then "Go to Settings > WP Rocket > Excluded Inline Javascript", "Type
    "typebot"", "Save": the steps happen in a WordPress plugin, not in Typebot."""
    paths = {"/v1/typebots/{typebotId}": {"parameters": _path_params("typebotId"), "patch": _body_op(
        "typebot-updateTypebot", "Update a typebot", {"typebot": {"type": "object", "properties": {
            "name": {"type": "string"}, "settings": {"type": "object"}}}}, ["typebot"])}}
    spec = _spec_file(tmp_path, paths, "Builder", "https://typebot.io/api")
    page = (  # Typebot's docs, deploy/web/wordpress
        "### You have a cache plugin\n\nPlugins like WP Rocket prevent Typebot to work.\n\nFor WP Rocket:\n\n"
        "1. Go to Settings > WP Rocket > Excluded Inline Javascript:\n\n"
        '<Frame>\n  <img src="/images/embeddings/wp-rocket.png" alt="WP Rocket" />\n</Frame>\n\n'
        '2. Type "typebot"\n3. Save\n'
    )
    assert _matched(spec, page) == []


def test_a_switch_verb_that_flips_a_field_is_a_plain_update(tmp_path: Path) -> None:
    """"**Allow indexing**: Toggle to allow search engines to index your bot's page" flips the
    `allowIndexing` field of the typebot's settings: "allow" is not a special action (as restore
    or reset are) that a plain update would not do."""
    settings = {"type": "object", "properties": {"metadata": {"type": "object", "properties": {
        "title": {"type": "string"}, "allowIndexing": {"type": "boolean"}}}}}
    paths = {"/v1/typebots/{typebotId}": {"parameters": _path_params("typebotId"), "patch": _body_op(
        "typebot-updateTypebot", "Update a typebot", {"typebot": {"type": "object", "properties": {
            "name": {"type": "string"}, "settings": settings}}}, ["typebot"])}}
    spec = _spec_file(tmp_path, paths, "Builder", "https://typebot.io/api")
    page = (  # Typebot's docs, editor/settings
        "## Metadata\n\n### Icon, image, title and description\n\n"
        "- **Icon**: The small icon shown in the browser tab of your bot's standalone page. If you embed your "
        "Typebot inside an existing website, the website's favicon is used instead.\n\n"
        "- **Title**: Used for the page `<title>`. If left empty, your bot name is used.\n\n"
        "- **Allow indexing**: Toggle to allow search engines to index your bot's standalone page. Disable it if "
        "you want to keep it out of search results.\n"
    )
    assert _matched(spec, page) == ["typebot-updateTypebot"]


def test_a_place_named_like_the_object_holding_a_field_names_its_owner(tmp_path: Path) -> None:
    """"Navigate to Settings » Authentication and enable 'Peer approval'" flips
    `settings.extra.peer_approval_enabled` of the account, though the page never says "account":
    the step's "Settings" is the body object that holds the field (NetBird's docs). Without that
    place, a field of one item whose kind is never named is still no call."""
    extra = {"type": "object", "properties": {"peer_approval_enabled": {"type": "boolean"}}}
    account = {"settings": {"type": "object", "properties": {
        "peer_login_expiration_enabled": {"type": "boolean"}, "extra": extra}}}
    paths: dict[str, Any] = {
        "/api/accounts/{accountId}": {"parameters": _path_params("accountId"),
                                      "put": _body_op("updateAccount", "Update an Account", account, ["settings"])},
        "/api/peers/{peerId}": {"parameters": _path_params("peerId"), "put": _body_op(
            "updatePeer", "Update a Peer", {"name": {"type": "string"}, "ssh_enabled": {"type": "boolean"}})},
        "/api/groups": {"post": _op("createGroup", "Create a Group", True)},
    }
    spec = _spec_file(tmp_path, paths, "NetBird REST API", "https://api.netbird.io")
    step = "and enable 'Peer approval'.\n"
    placed = "## Enable peer approval\n\nTo enable peer approval, navigate to [Settings &raquo; Authentication](https://app.netbird.io/settings) "
    assert _matched(spec, placed + step) == ["updateAccount"]
    unplaced = "## Enable peer approval\n\nTo enable peer approval, navigate to [Authentication](https://app.netbird.io/auth) "
    assert _matched(spec, unplaced + step) == []


def test_a_clause_that_says_when_is_not_the_action(tmp_path: Path) -> None:
    """"Cycles are turned on when you create a new project" says when, not what to do (Plane's
    docs); "When you are ready, click **Create project**" and "When you create a project you can
    specify …" still create one."""
    paths = {"/projects/": {"post": _op("createProject", "Create a project", True)}}
    spec = _spec_file(tmp_path, paths, "Plane", "https://api.plane.so")
    page = (
        "## Turn on cycles\n\nBy default, Cycles are automatically turned on when you create a new project. "
        "If you ever want to switch them off or back on, you can easily do that by navigating to "
        "**Settings > Features** in your project's ellipsis (…) menu.\n"
    )
    assert _matched(spec, page) == []
    page = "## Projects\n\n1. Open **Projects**.\n2. When you are ready, click **Create project**.\n"
    assert _matched(spec, page) == ["createProject"]
    page = "## Projects\n\nWhen you create a project you can specify a **Description** in the **New project** form.\n"
    assert _matched(spec, page) == ["createProject"]  # GrowthBook's environments page says it so


def test_steps_after_logging_in_to_another_product_happen_there(tmp_path: Path) -> None:
    """"First, log in to your Zabbix account" moves the steps of the section and its subsections
    to Zabbix (Keep's Zabbix provider page); "an indicative name (e.g. Keep Role)" is an example
    value, not a return to Keep. Without the login line, the same steps are Keep's."""
    paths = {"/auth/roles": {"post": _op("create_role", "Create Role", True)},
             "/auth/users": {"post": _op("create_user", "Create User", True)}}
    spec = _spec_file(tmp_path, paths, "Keep API", "https://api.keephq.dev")
    page = (
        "---\ntitle: \"Zabbix\"\n---\n\n## Connecting with the Provider\n\n### API Key\n\n"
        "To obtain Zabbix authentication token, follow the following steps:\n\n"
        "First, login in to your Zabbix account (the provided `zabbix_frontend_url`) with a privileged user.\n\n"
        "#### Create a User Role\n\n1. Navigate to `Users` -> `User Roles` section.\n"
        "2. In the top right corner of the screen, click `Create user role`\n"
        "3. Give the role an indicative name (e.g. Keep Role)\n\n"
        "#### Create a user\n\n1. Navigate to `Users` -> `Users` section.\n"
        "2. Follow the instructions to add a new user. Give it an indicative username (e.g. KeepUser)\n"
        "3. In the `Permissions` tab, select the Role you have just created.\n4. Click `Add`\n"
    )
    assert _matched(spec, page) == []
    at_home = page.replace("First, login in to your Zabbix account (the provided `zabbix_frontend_url`)", "First, sign in")
    assert _matched(spec, at_home) == ["create_role", "create_user"]


def test_a_relative_clause_says_what_a_setting_does_not_what_to_do(tmp_path: Path) -> None:
    """"set the `Minimum experiment runtime`, which stops the decision framework from displaying
    …" (GrowthBook's docs) is not a call to stop an experiment; "Click **Stop** to stop the
    experiment" is."""
    paths = {"/v1/experiments/{id}/stop": {"parameters": _path_params("id"),
                                           "post": _op("postExperimentStop", "Stop an experiment", True)},
             "/v1/experiments": {"post": _op("postExperiment", "Create a single experiment", True)}}
    spec = _spec_file(tmp_path, paths, "GrowthBook REST API", "https://api.growthbook.io")
    page = (
        "## Setting up the Experiment Decision Framework\n\n"
        "1. Under `Settings > General > Experiment Settings`, set the `Minimum experiment runtime`, which "
        "stops the decision framework from displaying days remaining or experiment decisions while early "
        "data collection is ongoing.\n"
    )
    assert _matched(spec, page) == []
    page = "## Stop an experiment\n\n1. Open the experiment.\n2. Click **Stop** to stop the experiment.\n"
    assert _matched(spec, page) == ["postExperimentStop"]
    # "which" that picks a thing is no relative clause (Plane's states page)
    states = {"/projects/{project_id}/states/": {"parameters": _path_params("project_id"),
                                                 "post": _op("states_create", "Create a state", True)}}
    spec = _spec_file(tmp_path, states, "Plane", "https://api.plane.so")
    page = (
        "## Manage states\n\nStates are shown grouped in each project.\n\n"
        "**Create** - set a **name**, a **color**, and an optional **description**. The group is determined by "
        "which group you add the state under. A duplicate name is rejected.\n"
    )
    (decision,) = curlify(page, spec).decisions
    assert decision.confidence > 0.5  # "add the state" is read (a broken clause scored it .11)


def test_a_switch_on_a_plural_collection_turns_on_a_feature(tmp_path: Path) -> None:
    """"Toggle on **Parallel cycles**" (Plane's docs) turns on a feature, not a PATCH of the whole
    cycles collection, where cycles are also created; "Select **Enable Organizations**" still
    updates a singleton's settings (Clerk's `/instance/organization_settings`)."""
    project = _path_params("slug", "project_id")
    paths = {
        "/workspaces/{slug}/projects/{project_id}/cycles/": {
            "parameters": project,
            "post": _op("cycles_create", "Create a cycle", True),
            "patch": _op("cycles_partial_update", "Update cycles", True)},
        "/instance/organization_settings": {"patch": _body_op(
            "UpdateInstanceOrganizationSettings", "Update instance organization settings",
            {"enabled": {"type": "boolean"}, "max_allowed_memberships": {"type": "integer"}})},
    }
    spec = _spec_file(tmp_path, paths, "Plane", "https://api.plane.so")
    page = ("## Parallel cycles\n\nBy default, only one cycle can be active at a time in a project of your workspace.\n\n"
            "### Turn on parallel cycles\n\n1. Go to **Project Settings > Features > Cycles**.\n2. Toggle on **Parallel cycles**.\n")
    (decision,) = curlify(page, spec).decisions
    assert decision.decision == "no-operation"  # not even close (before: unsure, the PATCH at .73)
    page = "## Enable organizations\n\n1. Select **Enable Organizations**.\n"
    assert _matched(spec, page) == ["UpdateInstanceOrganizationSettings"]


def test_a_segment_followed_by_an_id_names_things_not_an_action(tmp_path: Path) -> None:
    """`/change-requests/{id}` makes "change-requests" a collection, so POST
    `…/environments/{environment}/change-requests` creates a change request; it is not a
    "change request" action on the environment that "enable change requests" would call
    (Unleash's docs)."""
    project = _path_params("projectId")
    paths = {
        "/api/admin/projects/{projectId}/environments/{environment}/change-requests": {
            "parameters": _path_params("projectId", "environment"),
            "post": _op("changeRequest", "Create/Add change to a change request", True)},
        "/api/admin/projects/{projectId}/change-requests/{id}": {
            "parameters": _path_params("projectId", "id"),
            "delete": {"operationId": "deleteChangeRequest", "summary": "Deletes a change request by id",
                       "responses": {"200": {"description": "ok"}}}},
        "/api/admin/projects/{projectId}": {"parameters": project,
                                            "put": _op("updateProject", "Update project", True)},
    }
    spec = _spec_file(tmp_path, paths, "Unleash API", "https://app.unleash-instance.example.com")
    page = (
        "## Enable change requests for a project and environment\n\n"
        "To enable change requests for a project, do the following:\n\n"
        "1. Open the project and go to **Settings > Change request configuration**.\n"
        "2. Toggle **Status** for the environment where you want to enable change requests.\n"
        "3. Select the required number of approvals.\n"
    )
    assert "changeRequest" not in _matched(spec, page)


def test_an_action_endpoint_whose_summary_does_another_action(tmp_path: Path) -> None:
    """POST `/api/users/{userId}/invite` is "Resend user invitation": inviting a new user is not
    resending an invitation (NetBird's docs), so the user is created."""
    paths = {
        "/api/users": {"post": _body_op("createUser", "Create a user", {
            "email": {"type": "string"}, "name": {"type": "string"}, "is_service_user": {"type": "boolean"}})},
        "/api/users/{userId}": {"parameters": _path_params("userId"),
                                "put": _op("updateUser", "Update a user", True)},
        "/api/users/{userId}/invite": {"parameters": _path_params("userId"),
                                       "post": _op("resendInvite", "Resend user invitation")},
        "/api/users/invites": {"post": _op("createInvite", "Create a user invite", True)},
        "/api/users/invites/{inviteId}": {"parameters": _path_params("inviteId"), "delete": {
            "operationId": "deleteInvite", "summary": "Delete a user invite", "responses": {"200": {"description": "ok"}}}},
    }
    spec = _spec_file(tmp_path, paths, "NetBird REST API", "https://api.netbird.io")
    page = (
        "## Direct user invites\n\n"
        "As the name stands, this way of inviting users is straightforward and works through the web UI.\n"
        "To invite a new user, proceed to `Team` then select the `Users` tab and click the "
        '<button name="button" className="button-6">Invite User</button> button.\n'
        "A window will appear, allowing you to specify the name and email address of the user you want to invite.\n"
    )
    (decision,) = curlify(page, spec).decisions
    assert "resendInvite" not in decision.reason  # not even a top candidate (before: tied first)


def test_a_tag_names_a_resource_the_way_the_ui_does(tmp_path: Path) -> None:
    """Dify's `/datasets` operations are all tagged "Knowledge Bases": a page about a knowledge
    base names the `{dataset_id}` parent of `POST …/segments`, so "Click **Add Chunks**" is that
    call; without the tag the dataset is never named and the matcher is unsure."""
    ds, doc = _path_params("dataset_id"), _path_params("dataset_id", "document_id")

    def tagged(op: dict[str, Any], tag: str) -> dict[str, Any]:
        return {**op, "tags": [tag]}

    paths = {
        "/datasets": {"post": tagged(_op("createDataset", "Create an Empty Knowledge Base", True), "Knowledge Bases")},
        "/datasets/{dataset_id}": {"parameters": ds,
                                   "patch": tagged(_op("updateDataset", "Update Knowledge Base", True), "Knowledge Bases")},
        "/datasets/{dataset_id}/documents/{document_id}": {"parameters": doc, "delete": tagged(
            {"operationId": "deleteDocument", "summary": "Delete Document", "responses": {"200": {"description": "ok"}}},
            "Documents")},
        "/datasets/{dataset_id}/documents/{document_id}/segments": {"parameters": doc, "post": tagged(
            _op("createSegments", "Create Chunks", True), "Chunks")},
        "/files/upload": {"post": tagged(_op("uploadChatFile", "Upload File", True), "Files")},
    }
    page = (
        "---\ntitle: Maintain Documents\n---\n\n## Manage Documentations in the Knowledge Base\n\n"
        "A knowledge base is a collection of documents.\n\n### Add chunks\n\n"
        "Click **Add Chunks** in the chunks list page to add one or multiple custom chunks to the document.\n"
    )
    spec = _spec_file(tmp_path, paths, "Dify Service API", "https://api.dify.ai/v1")
    assert _matched(spec, page) == ["createSegments"]
    untagged = {p: {m: ({k: v for k, v in o.items() if k != "tags"} if isinstance(o, dict) else o)
                    for m, o in item.items()} for p, item in paths.items()}
    spec = _spec_file(tmp_path, untagged, "Dify Service API", "https://api.dify.ai/v1")
    assert _matched(spec, page) == []


def test_what_a_place_lets_you_do_is_not_the_step(tmp_path: Path) -> None:
    """"This opens the billing portal where you can modify your subscription" (Flagsmith's docs)
    says what the place offers; the step only goes there."""
    paths = {"/api/v1/organisations/{id}/": {"parameters": _path_params("id"), "patch": _body_op(
        "api_v1_organisations_partial_update", "Update an organisation",
        {"name": {"type": "string"}, "subscription": {"type": "object", "properties": {"plan": {"type": "string"}}}})}}
    spec = _spec_file(tmp_path, paths, "Flagsmith API", "https://api.flagsmith.com")
    page = (
        "## Organisation\n\n### Manage your subscription\n\n"
        "Go to **Organisation** > **Manage** > **Manage Invoices**. This opens the billing portal where you can "
        "modify your subscription.\n"
    )
    assert _matched(spec, page) == []


LIGHTDASH = "https://app.lightdash.cloud"


def test_an_action_that_creates_something_else_is_not_the_create(tmp_path: Path) -> None:
    """Lightdash's `POST /projects/{projectUuid}/createPreview` creates a *preview* of a project:
    "Create new project" is `POST /org/projects`, whose path says `org` for the organization the
    step navigates through ("Organization settings")."""
    paths = {
        "/api/v1/org/projects": {"post": _op("CreateProject", "Create project", True)},
        "/api/v1/projects/{projectUuid}/createPreview": {
            "parameters": _path_params("projectUuid"), "post": _op("createPreview", "Create project preview", True)},
    }
    spec = _spec_file(tmp_path, paths, "Lightdash API", LIGHTDASH)
    page = (
        "## Create a new project\n\n"
        "To create a new project, navigate to **Organization settings** --> **All projects** --> **Create new**.\n"
    )
    assert _matched(spec, page) == ["CreateProject"]


def test_a_clipped_path_segment_is_the_word_the_docs_write(tmp_path: Path) -> None:
    """`/org/…`, `/repo/…`, `/env/…` are the organization, repository, environment the docs name:
    "Organization settings › Create credential" is the organization's credential, not the user's."""
    paths = {
        "/api/v1/org/warehouse-credentials": {"post": _op("createOrganizationWarehouseCredentials",
                                                          "Create organization warehouse credentials", True)},
        "/api/v1/user/warehouse-credentials": {"post": _op("createUserWarehouseCredentials",
                                                           "Create user warehouse credentials", True)},
    }
    spec = _spec_file(tmp_path, paths, "Lightdash API", LIGHTDASH)
    page = (
        "## Organization warehouse credentials\n\n"
        "1. Go to **Organization settings** > **Warehouse credentials**.\n"
        "2. Click **Add new credentials**.\n"
        "3. Fill in the warehouse connection details.\n"
        "4. Click **Save** to create the credential.\n"
    )
    assert _matched(spec, page) == ["createOrganizationWarehouseCredentials"]


def test_scim_endpoints_are_the_identity_providers_not_the_dashboards(tmp_path: Path) -> None:
    """`POST /scim/v2/Groups` is what Okta calls to provision a group (RFC 7644); "Add group" in
    the dashboard is the product's own `POST /org/groups`. A step that says SCIM may still mean it."""
    paths = {
        "/api/v1/org/groups": {"post": _op("CreateGroupInOrganization", "Create group in organization", True)},
        "/api/v1/scim/v2/Groups": {"post": _op("CreateScimGroup", "Create a new group", True)},
        "/api/v1/scim/organization-access-tokens": {"post": _op("CreateScimToken", "Create a SCIM token", True)},
    }
    spec = _spec_file(tmp_path, paths, "Lightdash API", LIGHTDASH)
    page = (
        "## Creating groups\n\n"
        "To create a new group, go to `Organization Settings` > `Users & groups` > `Add group`.\n"
    )
    assert _matched(spec, page) == ["CreateGroupInOrganization"]
    scim = "## SCIM\n\n1. Go to **Organization settings** > **SCIM**.\n2. Click **Create SCIM token**.\n"
    assert _matched(spec, scim) == ["CreateScimToken"]


def test_a_paragraph_that_only_goes_there_yields_to_the_one_that_acts(tmp_path: Path) -> None:
    """Dub's "To create a tag, navigate to the Tags settings page." then "Click on **Create Tag**
    …": one procedure over two paragraphs; its call is shown once, after the paragraph that does
    it. A "To create …, navigate to …" that is the whole procedure keeps its call."""
    paths = {"/tags": {"post": _op("createTag", "Create a tag", True)}}
    spec = _spec_file(tmp_path, paths, "Dub API", "https://api.dub.co")
    page = (
        "## How to create a Tag\n\n"
        "To create a tag, navigate to the [Tags settings page](https://app.dub.co/settings/library/tags) "
        "in your Dub workspace.\n\n"
        "Click on **Create Tag** to open up the tag creation modal, where you can create a new tag.\n"
    )
    result = curlify(page, spec)
    out = result.markdown.splitlines()
    assert result.markdown.count("curl -X POST") == 1
    assert out.index("Click on **Create Tag** to open up the tag creation modal, where you can create a new tag.") < next(
        i for i, line in enumerate(out) if line.startswith("curl ")
    )
    assert [d.decision for d in result.decisions] == ["matched", "matched"]
    alone = "## How to create a Tag\n\nTo create a tag, navigate to the [Tags settings page](https://app.dub.co/t).\n"
    assert curlify(alone, spec).markdown.count("curl -X POST") == 1


def test_a_plural_heading_names_the_kind_not_many_at_once(tmp_path: Path) -> None:
    """"### Renaming Groups" (NetBird's docs) then "Click ⋮ next to the group you want to rename …
    Select `Rename` … click `Save`": one group's update. A heading that switches a plural
    ("## Enable Segment Change Requests") still names a feature, not one change request."""
    paths = {
        "/api/groups": {"post": _op("createGroup", "Create a group", True)},
        "/api/groups/{groupId}": {"parameters": _path_params("groupId"),
                                  "put": _op("updateGroup", "Update a group", True)},
        "/api/projects/{id}/change-requests/{crId}": {
            "parameters": _path_params("id", "crId"), "patch": _body_op(
                "updateChangeRequest", "Update a change request", {"title": {"type": "string"}})},
    }
    spec = _spec_file(tmp_path, paths, "NetBird REST API", "https://api.netbird.io")
    page = (
        "### Renaming Groups\n\n"
        "1. Navigate to `Access Control` > `Groups`\n"
        "2. Click the dropdown button (⋮) next to the group you want to rename\n"
        "3. Select `Rename`\n"
        "4. Enter the new name and click `Save`\n"
    )
    assert _matched(spec, page) == ["updateGroup"]
    feature = "## Enable Segment Change Requests\n\n1. Enable the **Segment Change Requests** setting.\n"
    assert _matched(spec, feature) == []


def test_a_new_thing_that_is_created_is_a_result_not_a_step(tmp_path: Path) -> None:
    """Scaleway's "Click **Upgrade version**. A new Database Instance is created.": "new" after
    "A" is an adjective and the sentence tells the result; it asks for no `CreateInstance` (which
    tied with the upgrade before)."""
    paths = {
        "/rdb/v1/regions/{region}/instances": {
            "parameters": _path_params("region"), "post": _op("CreateInstance", "Create a Database Instance", True)},
        "/rdb/v1/regions/{region}/instances/{instance_id}/upgrade": {
            "parameters": _path_params("region", "instance_id"),
            "post": _op("UpgradeInstance", "Upgrade a Database Instance", True)},
    }
    spec = _spec_file(tmp_path, paths, "Managed Database for PostgreSQL and MySQL API", "https://api.scaleway.com")
    page = (
        "# How to upgrade your Database Instance engine version\n\n"
        "1. Click **PostgreSQL and MySQL** under **Managed Databases** on the side menu.\n"
        "2. Click the name of the database whose engine you want to upgrade.\n"
        "3. Select the upgrade method. Two methods are available:\n"
        "    - **Upgrade only**: This method has no impact on your original Database Instance.\n"
        "    - **Upgrade and switch incoming traffic**: your endpoint is migrated to the new Database Instance.\n"
        "4. Click **Upgrade version**. A new Database Instance is created.\n"
    )
    (decision,) = curlify(page, spec).decisions
    assert decision.operation_id != "CreateInstance" and "CreateInstance" not in decision.reason
    assert _matched(spec, "## Databases\n\n1. Click **Create a Database Instance**.\n") == ["CreateInstance"]


def test_a_switch_in_a_creation_form_fills_the_new_thing_in(tmp_path: Path) -> None:
    """Ably's "To create an API key in the dashboard: … 2. Click **Create a new API key** … 5.
    Optionally enable token revocation": the switch is a field of the key being created, not an
    update of an existing key."""
    keys = _path_params("app_id")
    fields = {"name": {"type": "string"}, "revocableTokens": {"type": "boolean"}, "capability": {"type": "object"}}
    paths = {
        "/apps/{app_id}/keys": {"parameters": keys, "post": _body_op("createKey", "Creates a key", fields)},
        "/apps/{app_id}/keys/{key_id}": {"parameters": _path_params("app_id", "key_id"),
                                         "patch": _body_op("updateKey", "Updates a key", fields)},
        "/apps/{app_id}/keys/{key_id}/revoke": {"parameters": _path_params("app_id", "key_id"),
                                                "post": _op("revokeKey", "Revokes a key")},
        "/apps/{app_id}/queues": {"parameters": keys, "post": _op("createQueue", "Creates a queue", True)},
        "/apps/{app_id}/rules": {"parameters": keys, "post": _op("createRule", "Creates a rule", True)},
        "/apps/{app_id}/namespaces": {"parameters": keys, "post": _op("createNamespace", "Creates a namespace", True)},
        "/accounts/{account_id}/apps": {"parameters": _path_params("account_id"),
                                        "post": _op("createApp", "Creates an app", True)},
        "/apps/{id}": {"parameters": _path_params("id"), "patch": _op("updateApp", "Updates an app", True)},
    }
    spec = _spec_file(tmp_path, paths, "Control API v1", "https://control.ably.net/v1")
    page = (
        "## Create an API key\n\nTo create an API key in the dashboard:\n\n"
        "1. Click the **API Keys** section in your [dashboard](https://ably.com/accounts/any/apps/any/app_keys).\n"
        "2. Click **Create a new API key**.\n"
        "3. Enter a name to identify the key.\n"
        "4. Select the capabilities to apply.\n"
        "5. Optionally enable [token revocation](/docs/auth/revocation).\n"
    )
    assert _matched(spec, page) == ["createKey"]


def test_the_oauth_token_exchange_is_no_dashboard_button(tmp_path: Path) -> None:
    """Polar's spec has `POST /v1/oauth2/token` (a form with `grant_type`, RFC 6749): "Click **New
    Token**" under Developers is the dashboard's own token, which that API does not create."""
    token_form = {"content": {"application/x-www-form-urlencoded": {"schema": {
        "type": "object", "required": ["grant_type"],
        "properties": {"grant_type": {"type": "string", "enum": ["authorization_code"]},
                       "client_id": {"type": "string"}, "code": {"type": "string"}}}}}}
    paths = {
        "/v1/oauth2/token": {"post": {"operationId": "oauth2:request_token", "summary": "Request Token",
                                      "requestBody": token_form, "responses": {"200": {"description": "ok"}}}},
        "/v1/products/": {"post": _op("products:create", "Create Product", True)},
    }
    spec = _spec_file(tmp_path, paths, "Polar API", "https://api.polar.sh")
    page = "## Create an access token\n\nScroll down to **Developers** and click **New Token**\n"
    assert _matched(spec, page) == []


def test_a_rare_verb_an_endpoint_is_named_for_with_its_resource_in_the_step(tmp_path: Path) -> None:
    """authentik's "Click **Choose file**, select the blueprint file that you downloaded, and then
    click **Import**." is `POST /managed/blueprints/import/`: the verb the endpoint is named for,
    the resource said in the step, though the verb's own object is a file."""
    item = _path_params("instance_uuid")
    paths = {
        "/managed/blueprints/": {"post": _op("managed_blueprints_create", "Blueprint instances", True)},
        "/managed/blueprints/{instance_uuid}/": {"parameters": item,
                                                "patch": _op("managed_blueprints_partial_update", "Blueprint instances", True)},
        "/managed/blueprints/import/": {"post": _op("managed_blueprints_import_create", "Import blueprint from .yaml file", True)},
        "/flows/instances/": {"post": _op("flows_instances_create", "Flow Viewset", True)},
    }
    spec = _spec_file(tmp_path, paths, "authentik", "https://authentik.company/api/v3")
    page = (
        "### Step 2. Import the blueprint file\n\n"
        "1. Log in to authentik as an administrator and open the authentik Admin interface.\n"
        "2. Navigate to **Flows and Stages** > **Flows** and click **Import**.\n"
        "3. Click **Choose file**, select the blueprint file that you downloaded, and then click **Import**.\n"
    )
    assert _matched(spec, page) == ["managed_blueprints_import_create"]


def test_an_api_dashboard_is_no_other_product(tmp_path: Path) -> None:
    """Vonage's pages say "Navigate to [Vonage API dashboard > Numbers](…)" while its spec is
    titled "Numbers API": "API" before "dashboard" is no product, so the steps stay the API's."""
    paths = {"/applications": {"post": _op("createApplication", "Create an application", True)},
             "/number/update": {"post": _op("updateANumber", "Update a number", True)}}
    spec = _spec_file(tmp_path, paths, "Numbers API", "https://rest.nexmo.com")
    page = (
        "## Create an application\n\n"
        "1. Navigate to [Vonage API dashboard > Applications](https://dashboard.nexmo.com/applications).\n"
        "2. Click **Create a new application**.\n"
    )
    (decision,) = curlify(page, spec).decisions
    assert "another product" not in decision.reason
    assert decision.operation_id == "createApplication"


def test_buying_is_an_action_an_endpoint_can_be_named_for(tmp_path: Path) -> None:
    """Vonage's Numbers API is RPC-style (`POST /number/buy`): "Click the **Buy** button next to
    the number you want" is that call."""
    paths = {"/number/buy": {"post": _op("buyANumber", "Buy a number", True)},
             "/number/update": {"post": _op("updateANumber", "Update a number", True)},
             "/account/numbers": {"get": _op("getOwnedNumbers", "List the numbers you own")}}
    spec = _spec_file(tmp_path, paths, "Numbers API", "https://rest.nexmo.com")
    page = (
        "## Rent a virtual number\n\nTo rent a Vonage virtual number:\n\n"
        "1. Sign in to the [developer dashboard](https://dashboard.nexmo.com).\n"
        "2. In the left-hand navigation menu, click **Numbers** then **Buy numbers**.\n"
        "3. Choose the attributes you need and then click **Search**.\n"
        "4. Click the **Buy** button next to the number you want and validate your purchase.\n"
    )
    assert _matched(spec, page) == ["buyANumber"]


def test_a_verb_the_api_names_its_own_endpoint_for_labels_a_button(tmp_path: Path) -> None:
    """Linode's `POST /volumes/{volumeId}/resize` ("Resize a Volume"): "resize" is in no list of
    action verbs, but the path and its summary say it is one, so **Resize Volume** is that call
    and not the plain volume update the size field would otherwise suggest. A POST that only
    reads (`…/search`, "Search a volume") lends no verb: **Search volumes** stays a tab."""
    vol = _path_params("volumeId")
    paths = {
        "/volumes": {"post": _body_op("post-volume", "Create a Volume", {"label": {"type": "string"}})},
        "/volumes/{volumeId}": {"put": _body_op("put-volume", "Update a Volume", {"size": {"type": "integer"}}),
                                "parameters": vol},
        "/volumes/{volumeId}/resize": {"post": _body_op("post-resize-volume", "Resize a Volume",
                                                        {"size": {"type": "integer"}}, ["size"]),
                                       "parameters": vol},
        "/volumes/{volumeId}/search": {"post": _body_op("post-search", "Search a Volume", {"q": {"type": "string"}}),
                                       "parameters": vol},
    }
    spec = _spec_file(tmp_path, paths, "Linode API", "https://api.linode.com/v4")
    page = (
        "## Resize a Volume\n\n"
        "1.  Click on the **Volumes** link in the sidebar.\n\n"
        "1.  Locate the desired Volume within the list, click the **more options ellipsis** dropdown"
        " menu, and select **Resize**.\n\n"
        "1.  Enter the new Volume size. The minimum size is the current size of the Volume.\n\n"
        "1.  Click **Resize Volume** to start the resize.\n"
    )
    assert _matched(spec, page) == ["post-resize-volume"]
    assert _matched(spec, "## Volumes\n\n1. Open the **Search volumes** tab.\n") == []


def test_a_step_that_opens_in_another_products_place_is_not_ours(tmp_path: Path) -> None:
    """Apify's "Build automatically on every push": its own step copies a URL, then "In the GitHub
    repository, go to **Settings > Webhooks > Add webhook**" adds GitHub's webhook, not Apify's;
    the same words in the product's own console are its call."""
    paths = {"/v2/webhooks": {"post": _op("webhooks_post", "Create webhook", True)},
             "/v2/acts/{actorId}": {"put": _op("act_put", "Update Actor", True), "parameters": _path_params("actorId")}}
    spec = _spec_file(tmp_path, paths, "Apify API", "https://api.apify.com")
    page = (
        "## Build automatically on every push\n\n"
        "1. In Apify Console, open the Actor's **API** dropdown and copy the **API endpoints** URL.\n"
        "1. In the GitHub repository, go to **Settings > Webhooks > Add webhook**.\n"
        "1. Paste the URL into **Payload URL**.\n"
    )
    assert _matched(spec, page) == []
    assert _matched(spec, page.replace("In the GitHub repository", "In the Apify Console")) == ["webhooks_post"]


def test_save_as_a_new_thing_creates_it(tmp_path: Path) -> None:
    """Apify's "click the **Save as a new task** button" on an Actor's page makes a task: the
    create, not the update that a plain "Save" of a task would be."""
    paths = _create_and_update("/v2/actor-tasks", "actorTaskId", "task", "actorTasks_post", "actorTask_put")
    spec = _spec_file(tmp_path, paths, "Apify API", "https://api.apify.com")
    page = ("## Create\n\nTo create a task, open any Actor in Apify Console. At the top-right section of the"
            " page, click the **Save as a new task** button.\n")
    assert _matched(spec, page) == ["actorTasks_post"]
    assert _matched(spec, page.replace("Save as a new task", "Save task")) == ["actorTask_put"]


def test_save_to_add_a_thing_adds_it(tmp_path: Path) -> None:
    """Qovery's "Click **Save** to add the registry to your organization", Apify's "Click **Save**
    to add the webhook": what follows "Save to" is the action, not a thing being kept (as in
    "save your recovery codes")."""
    paths = _create_and_update("/webhooks", "webhookId", "webhook", "webhooks_post", "webhook_put")
    spec = _spec_file(tmp_path, paths, "Apify API", "https://api.apify.com")
    page = ("## Notify on failures\n\n1. Paste the URL into **Payload URL**.\n"
            "1. Click **Save** to add the webhook.\n")
    assert _matched(spec, page) == ["webhooks_post"]


def test_new_things_that_are_created_is_a_statement(tmp_path: Path) -> None:
    """Apify: "New schedules are created in _disabled_ state by default." says how things are,
    after "You can disable or enable the schedule …": no create call."""
    paths = _create_and_update("/v2/schedules", "scheduleId", "schedule", "schedules_post", "schedule_put")
    spec = _spec_file(tmp_path, paths, "Apify API", "https://api.apify.com")
    page = ("## Apify Console\n\nYou can disable or enable the schedule at any time using the **Disable**/"
            "**Enable** button on the schedule detail page. New schedules are created in _disabled_ state"
            " by default.\n")
    assert "schedules_post" not in _matched(spec, page)
    assert _matched(spec, "## Schedules\n\nNew schedule: click **Create**.\n") == ["schedules_post"]


def test_a_gerund_after_the_verb_names_the_verbal_noun_resource(tmp_path: Path) -> None:
    """Lightdash's "Click **Stop impersonating** in the banner" is POST /impersonation/stop: the
    gerund is the impersonation. The same verb elsewhere on a page names nothing ("deploy" a
    flow is not a deployment): only the object of the step's own verb counts."""
    paths = {"/api/v1/impersonation/stop": {"post": _op("StopImpersonation", "Stop impersonation")},
             "/api/v1/impersonation/start": {"post": _op("StartImpersonation", "Start impersonation")},
             "/api/v1/projects": {"post": _op("CreateProject", "Create project", True)}}
    spec = _spec_file(tmp_path, paths, "Lightdash API", "https://app.lightdash.cloud")
    page = ("## Stopping a session\n\nClick **Stop impersonating** in the banner to return to your"
            " normal admin view.\n")
    assert _matched(spec, page) == ["StopImpersonation"]
    assert _matched(spec, page.replace("Stop impersonating", "Stop sharing")) == []


def test_a_button_that_says_the_one_endpoint_named_for_its_verb(tmp_path: Path) -> None:
    """Unleash's "Click **Export all project flags**" … "Click **Export selection**" under "Export
    all flags from a project" is POST /features-batch/export: "export" is the verb of one
    endpoint only, and the buttons name no other resource. With a second export endpoint, or a button whose object is another
    resource of the API, the verb alone decides nothing."""
    body = {k: {"type": "string"} for k in ("environment", "project", "tag")}
    body["features"] = {"type": "array", "items": {"type": "string"}}
    paths = {"/api/admin/features-batch/export": {"post": _body_op("exportFeatures", "Export feature flags", body)},
             "/api/admin/projects": {"post": _op("createProject", "Create project", True)},
             "/api/admin/strategies": {"post": _op("createStrategy", "Create a strategy", True)},
             "/api/admin/projects/{projectId}/features": {"post": _op("createFeature", "Add a new feature flag", True),
                                                           "parameters": _path_params("projectId")}}
    page = ("# Import and export\n\nYou can export feature flags and import them into another instance.\n\n"
            "## Export all flags from a project\n\n1. Go to **Projects** and open the project you want.\n"
            "2. Click **Export all project flags**.\n3. Select the environment.\n4. Click **Export selection**.\n\n"
            "Files larger than 500 kB fail to import: export in batches.\n")
    spec = _spec_file(tmp_path, paths, "Unleash API", "https://app.unleash-hosted.com")
    assert _matched(spec, page) == ["exportFeatures"]
    two = dict(paths, **{"/api/admin/segments/export": {"post": _op("exportSegments", "Export segments", True)}})
    assert _matched(_spec_file(tmp_path, two, "Unleash API", "https://app.unleash-hosted.com"), page) == []
    other = page.replace("Export all project flags", "Export all strategies")
    assert _matched(spec, other.replace("Export selection", "Export strategies")) == []


def test_a_sole_verb_endpoint_on_a_resource_named_like_a_verb(tmp_path: Path) -> None:
    """Trigger.dev's POST /runs/{runId}/cancel ("Cancel a run"): the resource word "run" is also
    a verb, and a bulk-action page's button names neither (this once raised on an empty max)."""
    paths = {"/api/v2/runs/{runId}/cancel": {"post": _op("cancel_run", "Cancel a run"),
                                              "parameters": _path_params("runId")},
             "/api/v1/schedules": {"post": _op("create_schedule", "Create a schedule", True)}}
    spec = _spec_file(tmp_path, paths, "Trigger.dev API", "https://api.trigger.dev")
    assert _matched(spec, "## Cancel a run\n\nOpen the run's page and click **Cancel run**.\n") == ["cancel_run"]
    assert _matched(spec, "## Bulk actions\n\nPick the filters, then click **Cancel selection**.\n") == []


def test_copying_a_link_changes_nothing(tmp_path: Path) -> None:
    """Medusa's "To copy the invite link:" … "Choose “Copy invite link” from the dropdown." leads
    to a value to paste elsewhere: no invite is created. Only the copying clause is set aside: a
    button after it still says its action."""
    paths = {"/admin/invites": {"post": _op("PostInvites", "Create Invite", True)},
             "/admin/products": {"post": _op("PostProducts", "Create Product", True)}}
    spec = _spec_file(tmp_path, paths, "Medusa Admin API", "http://localhost:9000")
    page = ("## Get Invite Link\n\nTo copy the invite link:\n\n1. Go to Settings → Users.\n"
            "2. Click the Invite button.\n3. Find the user and click the three-dots icon.\n"
            "4. Choose “Copy invite link” from the dropdown.\n")
    assert _matched(spec, page) == []
    assert _matched(spec, "## Products\n\nClick **Copy product link**, then click **Create product**.\n") == [
        "PostProducts"
    ]


def test_a_step_naming_another_kind_of_the_resource(tmp_path: Path) -> None:
    """Medusa's "Confirm canceling the draft order" under "Cancel Draft Order": the API has
    /draft-orders, so POST /orders/{id}/cancel is another kind of order, even with no cancel
    for draft orders. "Cancel the order" is still the order's cancel."""
    paths = {"/admin/orders/{id}/cancel": {"post": _op("PostOrdersIdCancel", "Cancel Order"),
                                           "parameters": _path_params("id")},
             "/admin/draft-orders": {"post": _op("PostDraftOrders", "Create Draft Order", True)},
             "/admin/products": {"post": _op("PostProducts", "Create Product", True)}}
    spec = _spec_file(tmp_path, paths, "Medusa Admin API", "http://localhost:9000")
    page = ("## Cancel Draft Order\n\nTo cancel a draft order:\n\n1. Open the draft order details page.\n"
            "2. Choose Cancel from the dropdown.\n"
            "3. Confirm canceling the draft order by clicking the “Yes, remove” button in the pop-up.\n")
    assert _matched(spec, page) == []
    assert _matched(spec, page.replace("draft order", "order").replace("Draft Order", "Order")) == ["PostOrdersIdCancel"]


def test_a_bare_button_is_the_action_its_steps_label_names(tmp_path: Path) -> None:
    """OpenProject: "click the **Add a comment** link … Type in your comment and click the blue
    **Add** button." The bare **Add** adds the comment the label names (no API), not news, which
    the heading "Comment on news" mentions. A bare **Add** under "Add news" still adds news."""
    paths = {"/api/v3/news": {"post": _op("create_news", "Create news", True)},
             "/api/v3/news/{id}": {"patch": _op("update_news", "Update news", True),
                                   "parameters": _path_params("id")},
             "/api/v3/projects": {"post": _op("create_project", "Create project", True)}}
    spec = _spec_file(tmp_path, paths, "OpenProject API V3", "https://community.openproject.org")
    page = ("## Comment on news\n\nIn the news details, click the **Add a comment** link to comment on the"
            " news. Type in your comment and click the blue **Add** button.\n")
    assert _matched(spec, page) == []
    add_news = "## Add news\n\nIn the news module, type in the title and click the blue **Add** button.\n"
    assert _matched(spec, add_news) == ["create_news"]


def test_drag_and_drop_deletes_nothing(tmp_path: Path) -> None:
    """"Drag and drop the table into a folder" moves it with the pointer: "drop" is not the
    delete it is in "Drop the table"."""
    paths = {"/v1/tables": {"post": _op("createTable", "Create a table", True)},
             "/v1/tables/{tableId}": {"delete": _op("dropTable", "Drop a table"),
                                      "parameters": _path_params("tableId")}}
    spec = _spec_file(tmp_path, paths, "Acme API", "https://api.acme.dev")
    page = "## Tables\n\nOpen the **Tables** page. Drag and drop the table.\n"
    assert _matched(spec, page) == []
    assert _matched(spec, page.replace("Drag and drop the table", "Drop the table")) == ["dropTable"]


def test_a_form_field_named_in_a_creation_form_is_not_created(tmp_path: Path) -> None:
    """Mattermost's outgoing-webhook form: "Specify a **Channel** and/or one or more **Trigger
    Words**" … "Select **Save**." fills the new webhook's fields; it creates no channel."""
    paths = {"/api/v4/channels": {"post": _op("CreateChannel", "Create a channel", True)},
             "/api/v4/teams": {"post": _op("CreateTeam", "Create a team", True)}}
    spec = _spec_file(tmp_path, paths, "Mattermost API Reference", "https://your-mattermost-url.com")
    page = ("## Create\n\n1. Select **Add Outgoing Webhook**.\n2. Enter a name and description for the webhook.\n"
            "3. Specify a **Channel** and/or one or more **Trigger Words**.\n\n"
            "  - If you specify a channel, the webhook will only fire for messages in that channel.\n"
            "  - If you leave the channel blank, the webhook will listen to all public channels in your team.\n\n"
            "4. Set one or more **Callback URLs**. Select **Save**.\n")
    assert _matched(spec, page) == []
    assert _matched(spec, "## Create\n\n1. Select **Create channel**.\n2. Enter a name.\n3. Select **Save**.\n") == [
        "CreateChannel"
    ]


def test_a_post_whose_summary_says_another_verb_creates_nothing(tmp_path: Path) -> None:
    """SendGrid: "Click **Add New Email**" adds a notification address; `POST /validations/email`
    ("Validate an email") and `POST /marketing/contacts/search/emails` ("Get Contacts by Emails")
    are POSTs that check or read, not the creation the step asks for."""
    paths = {"/v3/validations/email": {"post": _op("POST_validations-email", "Validate an email", True)},
             "/v3/marketing/contacts/search/emails": {
                 "post": _op("POST_marketing-contacts-search-emails", "Get Contacts by Emails", True)}}
    spec = _spec_file(tmp_path, paths, "SendGrid v3 API", "https://api.sendgrid.com/v3")
    page = ("*To add an email address to new Marketing Campaigns:*\n\n1. Navigate to new Marketing Campaigns"
            " and then click **Notifications**.\n1. Click **Add New Email**.\n1. Enter the email address.\n"
            "1. Click **Save**.\n")
    assert _matched(spec, page) == []
    create = {"/v3/emails": {"post": _op("createEmail", "Create an email", True)}}
    (tmp_path / "with-create").mkdir()
    created = _spec_file(tmp_path / "with-create", {**paths, **create}, "SendGrid v3 API",
                         "https://api.sendgrid.com/v3")
    assert _matched(created, page) == ["createEmail"]


@pytest.mark.parametrize(
    ("title", "server", "description", "product"),
    [
        ("Builder API", "https://app.typebot.com/api", "", "typebot"),  # a title naming a part
        ("Developer API - Upstash", "https://api.upstash.com/v2", "", "Upstash"),
        ("Cal.com API v2", "/", "", "Cal"),  # no server: the title says it
        ("OpenProject API V3", "https://qa.openproject-edge.com", "", "OpenProject"),
        ("Unleash API", "https://app.unleash-instance.example.com", "", "Unleash"),  # RFC 2606 host
        ("Managed Database for PostgreSQL and MySQL", "https://api.scaleway.com",
         "See [MySQL](https://dev.mysql.com/doc/).", "scaleway"),  # a linked site is another product
        ("server", "/", ("Use [Basic Auth](https://en.wikipedia.org/wiki/Basic_access_authentication):"
         " username Langfuse Public Key. Spec: https://cloud.langfuse.com/generated/api/openapi.yml"), "langfuse"),
        ("server", "http://localhost:3000", "", "API"),
        ("Console API", "https://statsigapi.net", "", "statsig"),  # the API's own host, "api" at its end
        ("Apify API", "https://api.apify.com", "", "Apify"),  # "api" that starts a name stays
    ],
)
def test_the_product_is_the_site_its_api_is_served_from(
    tmp_path: Path, title: str, server: str, description: str, product: str
) -> None:
    """A spec's title often names one part of the product ("Builder API", "Numbers API") or none
    ("server"): the product is the title word the API's site is named for, else that site, else
    the title, else a site the description both links and names."""
    doc = {"openapi": "3.0.3", "info": {"title": title, "version": "1", "description": description},
           "servers": [{"url": server}], "paths": {}}
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert load_spec(path).product_name() == product


def test_a_generic_collection_inside_one_item_is_its_own_resource(tmp_path: Path) -> None:
    """Langfuse: `POST /annotation-queues/{queueId}/items` adds items to one queue; "Click on `New
    Queue` to create a new queue" is `POST /annotation-queues`, not a tie with it. A generic name
    straight after another segment (`/flows/instances`) still lists that segment's things."""
    paths = {"/api/public/annotation-queues": {"post": _op("createQueue", "", True)},
             "/api/public/annotation-queues/{queueId}/items": {"post": _op("createQueueItem", "", True),
                                                              "parameters": _path_params("queueId")}}
    spec = _spec_file(tmp_path, paths, "server", "https://cloud.langfuse.com")
    page = "## Create a new Annotation Queue\n\n- Click on `New Queue` to create a new queue.\n"
    assert _matched(spec, page) == ["createQueue"]
    (tmp_path / "flows").mkdir()
    flows = _spec_file(tmp_path / "flows", {"/api/flows/instances": {"post": _op("createFlowInstance", "", True)}},
                       "Acme API", "https://api.acme.dev")
    assert _matched(flows, "## Flows\n\nClick **New flow** to create a flow.\n") == ["createFlowInstance"]


def test_fields_of_an_unnamed_resource_need_a_confident_match(tmp_path: Path) -> None:
    """NocoDB: "Click on `New Provider`" … "Specify a `Display name`" (an SSO provider's form)
    is no `PATCH /user/profile`, though the profile has a `display_name`: when only body fields
    fit and the resource is never named, a middling match stays unsure. Named, it still speaks."""
    props = {p: {"type": "string"} for p in ("display_name", "email", "bio", "location", "website")}
    paths = {"/api/v2/meta/user/profile": {"patch": _body_op("user-profile-update", "Update User Profile", props)}}
    for kind in ("bases", "tables", "columns", "views", "hooks", "filters", "sorts", "comments"):
        paths.update(_create_and_update(f"/api/v2/meta/{kind}", "id", kind[:-1], f"{kind}-create", f"{kind}-update"))
    spec = _spec_file(tmp_path, paths, "nocodb", "https://app.nocodb.com")
    page = ("## NocoDB, Retrieve SAML SSO Configuration details\n\n1. Go to `Account Settings`\n"
            "2. Select `Authentication (SSO)`\n3. Click on `New Provider` button\n"
            "4. On the Popup modal, Specify a `Display name` for the provider\n")
    assert _matched(spec, page) == []
    named = "## Update your profile\n\n1. Open your **Profile**.\n2. Specify a `Display name` and click **Save**.\n"
    assert _matched(spec, named) == ["user-profile-update"]


def test_an_api_of_inboxes_owns_its_inbox(tmp_path: Path) -> None:
    """"Inbox" usually sends the reader to their mail client, but in a helpdesk whose API has
    inboxes (Chatwoot), "Settings → Inboxes → **Add Inbox**" is the product's own page."""
    paths: dict[str, Any] = {}
    for kind, noun in (("inboxes", "inbox"), ("teams", "team"), ("agents", "agent"), ("contacts", "contact")):
        paths.update(_create_and_update(f"/api/v1/accounts/{{account_id}}/{kind}", "id", noun,
                                        f"{kind}-create", f"{kind}-update"))
    for path, item in paths.items():
        item["parameters"] = _path_params("account_id") + (_path_params("id") if "{id}" in path else [])
    spec = _spec_file(tmp_path, paths, "Chatwoot", "https://app.chatwoot.com")
    page = ("## Add a website channel\n\n1. Go to Settings → Inboxes → **Add Inbox**.\n"
            "2. Enter your website name.\n3. Click on **Create Inbox**.\n")
    assert _matched(spec, page) == ["inboxes-create"]
    (tmp_path / "mail").mkdir()
    teams = _spec_file(tmp_path / "mail", {k: v for k, v in paths.items() if "inboxes" not in k}, "Chatwoot",
                       "https://app.chatwoot.com")
    mail = "## Join a team\n\n1. In your inbox, open the invitation email.\n2. Click **Create team**.\n"
    assert _matched(teams, mail) == []


def test_a_bare_verb_segment_stays_a_verb_where_an_id_follows_it_elsewhere(tmp_path: Path) -> None:
    """Windmill's RPC-style paths: `POST /w/{workspace}/workspaces/create` creates a workspace,
    though `/postgres_triggers/slot/create/{path}` puts a parameter after another "create"."""
    paths: dict[str, Any] = {}
    for kind, noun in (("workspaces", "workspace"), ("folders", "folder"), ("schedules", "schedule")):
        paths[f"/w/{{workspace}}/{kind}/create"] = {"post": _op(f"create_{noun}", f"create {noun}", True),
                                                    "parameters": _path_params("workspace")}
    paths["/w/{workspace}/postgres_triggers/slot/create/{path}"] = {
        "post": _op("createPostgresReplicationSlot", "create replication slot", True),
        "parameters": _path_params("workspace") + _path_params("path")}
    spec = _spec_file(tmp_path, paths, "Windmill API", "https://app.windmill.dev/api")
    page = "## Set up\n\n1. Create a `staging` workspace and a `prod` workspace in Windmill.\n"
    assert _matched(spec, page) == ["create_workspace"]


def test_a_two_word_name_the_api_uses_is_no_outside_place(tmp_path: Path) -> None:
    """Grafana: "## To add a token to a service account" reads like "to <a product's> account",
    but `/serviceaccounts` (createServiceAccount) is the API's own service account."""
    paths = {"/api/serviceaccounts": {"post": _op("createServiceAccount", "Create service account", True)},
             "/api/serviceaccounts/{serviceAccountId}/tokens": {
                 "post": _op("createToken", "CreateNewToken adds a token to a service account.", True),
                 "parameters": _path_params("serviceAccountId")}}
    for kind, noun in (("teams", "team"), ("folders", "folder"), ("playlists", "playlist")):
        paths.update(_create_and_update(f"/api/{kind}", "uid", noun, f"create{noun.title()}", f"update{noun.title()}"))
    spec = _spec_file(tmp_path, paths, "Grafana HTTP API.", "https://grafana.example.org/api")
    page = ("## To add a token to a service account\n\n1. Click **Service accounts**.\n"
            "1. Click the service account to which you want to add a token.\n1. Click **Add token**.\n"
            "1. Enter a name for the token.\n1. Click **Generate service account token**.\n")
    assert _matched(spec, page) == ["createToken"]


def test_being_ready_to_act_is_not_an_instruction(tmp_path: Path) -> None:
    """SendGrid: "Click **Return to Single Sender Verification** … Congratulations, you are now ready
    to send email with SendGrid." says what the reader can do next; it sends no email."""
    paths = {"/v3/marketing/test/send_email": {"post": _op("sendTestEmail", "Send a Test Marketing Email", True)},
             "/v3/senders": {"post": _op("createSender", "Create a Sender Identity", True)}}
    spec = _spec_file(tmp_path, paths, "Email Activity (beta)", "https://api.sendgrid.com/v3")
    page = ("## Form Fields\n\nYou will now see a page confirming the verification of your address. Click"
            " **Return to Single Sender Verification** to add more addresses. Congratulations, you are now"
            " ready to send a test email with SendGrid.\n")
    assert _matched(spec, page) == []
    assert _matched(spec, page.replace("you are now ready to send", "now send")) == ["sendTestEmail"]


def test_one_item_is_deleted_through_the_items_own_endpoint(tmp_path: Path) -> None:
    """Twenty: `DELETE /notes` deletes many notes at once, `DELETE /notes/{id}` one. "Click the
    trash icon" of a note deletes that note; "Delete all selected notes" may be either (no call)."""
    delete = {"operationId": "deleteManyNotes", "summary": "Delete Many notes",
              "parameters": [{"name": "filter", "in": "query", "schema": {"type": "string"}}],
              "responses": {"200": {"description": "ok"}}}
    paths: dict[str, Any] = {
        "/rest/notes": {"post": _op("createOneNote", "Create One note", True), "delete": delete},
        "/rest/notes/{id}": {"delete": dict(delete, operationId="deleteOneNote", summary="Delete One note",
                                            parameters=_path_params("id"))},
    }
    for kind, noun in (("tasks", "task"), ("people", "person")):
        paths.update(_create_and_update(f"/rest/{kind}", "id", noun, f"createOne{noun}", f"updateOne{noun}"))
    spec = _spec_file(tmp_path, paths, "Twenty", "https://api.twenty.com/rest")
    page = "## Delete a note\n\n1. Open the note.\n2. Click **Delete note** in the top right corner.\n"
    assert _matched(spec, page) == ["deleteOneNote"]
    bulk = curlify(page.replace("Delete note**", "Delete all selected notes**"), spec).decisions
    assert [d.decision for d in bulk] == ["unsure"]


def test_a_kind_of_thing_the_page_never_names_is_not_the_step_s_thing(tmp_path: Path) -> None:
    """Twenty's profile settings: "Click **Delete Account**" deletes the reader's own account. The
    API's only accounts are connected (mail) accounts, a word the page never says."""
    paths: dict[str, Any] = {}
    for kind, noun in (("connectedAccounts", "connected account"), ("tasks", "task"), ("people", "person")):
        paths.update(_create_and_update(f"/rest/{kind}", "id", noun, f"create {noun}", f"update {noun}"))
        paths[f"/rest/{kind}/{{id}}"]["delete"] = _op(f"delete {noun}", f"Delete {noun}")
    spec = _spec_file(tmp_path, paths, "Twenty", "https://api.twenty.com/rest")
    page = ("## Delete Account\n\nTo delete your account:\n\n1. Go to **Settings → Profile Settings**\n"
            "2. Scroll to **Danger Zone**\n3. Click **Delete Account**\n")
    assert _matched(spec, page) == []
    said = page.replace("To delete your account:", "To delete a connected email account:")
    assert _matched(spec, said) == ["delete connected account"]


def _flipt_like(folder: Path) -> Spec:
    """A spec generated from protobuf (Flipt's v1): no summaries, title "api", a localhost server,
    nearly every operation under the namespace the reader works in."""
    def op(op_id: str, *params: str) -> dict[str, Any]:
        out = _body_op(op_id, None, {"key": {"type": "string"}, "name": {"type": "string"}})
        out["parameters"] = _path_params(*params)
        return out
    ns = "/api/v1/namespaces/{namespaceKey}"
    paths: dict[str, Any] = {
        "/api/v1/namespaces": {"post": op("createNamespace")},
        f"{ns}/flags": {"post": op("createFlag", "namespaceKey")},
        f"{ns}/flags/{{flagKey}}/variants": {"post": op("createVariant", "namespaceKey", "flagKey")},
        f"{ns}/segments": {"post": op("createSegment", "namespaceKey")},
        f"{ns}/segments/{{segmentKey}}/constraints": {"post": op("createConstraint", "namespaceKey", "segmentKey")},
        "/api/v1/ofrep/evaluate/flags": {"post": op("ofrep.evaluateBulk")},
    }
    return _spec_file(folder, paths, "api", "http://localhost:8080", "3.0.3")


FLIPT_PAGE = """### Create a Flag

To create a flag:

1. Open the UI at [http://localhost:8080](http://localhost:8080).
2. Click `New Flag`.
3. Populate the details of the flag as shown.
4. Click `Create`.
"""


def test_the_item_most_operations_sit_under_is_where_the_reader_works(tmp_path: Path) -> None:
    """PostHog: nearly every path is under `/api/projects/{project_id}/`; "Click '+ New Cohort'"
    creates a cohort in the project the reader has open, though the page never says "project"."""
    paths: dict[str, Any] = {
        "/api/projects/": {"post": _body_op("projects_create", None, {"name": {"type": "string"}})},
        "/api/organizations/{organization_id}/members/": {
            "post": _body_op("members_create", None, {"name": {"type": "string"}}),
            "parameters": _path_params("organization_id")},
    }
    for kind in ("cohorts", "actions", "annotations", "insights", "dashboards"):
        paths[f"/api/projects/{{project_id}}/{kind}/"] = {
            "post": _body_op(f"{kind}_create", None, {"name": {"type": "string"}}),
            "parameters": _path_params("project_id")}
    spec = _spec_file(tmp_path, paths, "PostHog API", "https://us.posthog.com")
    page = "## Creating a cohort\n\n**Step 1:** Go to the People tab.\n\n**Step 2:** Click '+ New Cohort' on the top right.\n"
    assert _matched(spec, page) == ["cohorts_create"]


def test_a_spec_without_summaries_says_its_verbs_in_operation_ids(tmp_path: Path) -> None:
    """Flipt's protobuf-generated spec has no summaries: `ofrep.evaluateBulk` on
    `/ofrep/evaluate/flags` evaluates flags, it creates none, so "Create a Flag" is best met by
    `createFlag` (nested in a namespace the page does not name: unsure, no call)."""
    def op(op_id: str) -> dict[str, Any]:
        return _body_op(op_id, None, {"key": {"type": "string"}})
    paths: dict[str, Any] = {
        "/namespaces/{ns}/flags": {"post": op("createFlag"), "parameters": _path_params("ns")},
        "/segments": {"post": op("createSegment")}, "/rollouts": {"post": op("createRollout")},
        "/ofrep/evaluate/flags": {"post": op("ofrep.evaluateBulk")},
    }
    spec = _spec_file(tmp_path, paths, "api", "http://localhost:8080", "3.0.3")
    page = "### Create a Flag\n\nTo create a flag:\n\n1. Click `New Flag`.\n2. Click `Create`.\n"
    decisions = curlify(page, spec).decisions
    assert [d.decision for d in decisions] == ["unsure"]
    assert "best createFlag" in decisions[0].reason


def test_a_link_to_the_readers_own_server_stays_in_the_product(tmp_path: Path) -> None:
    """"Open the UI at http://localhost:8080" opens the product itself (self-hosted), as does an
    address; it sends the reader to no other site."""
    spec = _flipt_like(tmp_path)
    for host in ("http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080"):
        assert _matched(spec, FLIPT_PAGE.replace("http://localhost:8080", host)) == ["createFlag"]


def test_a_condition_on_using_another_tool_puts_the_steps_in_it(tmp_path: Path) -> None:
    """Linode's Glish page: "If you are using LightDM, … Enter your username and password" is the
    display manager's login screen, not `PUT /account/users/{username}`."""
    paths: dict[str, Any] = {}
    for kind, noun in (("users", "user"), ("images", "image"), ("volumes", "volume")):
        paths.update(_create_and_update(f"/v4/account/{kind}", "id", noun, f"post-{noun}", f"put-{noun}"))
    spec = _spec_file(tmp_path, paths, "Linode API", "https://api.linode.com/v4")
    page = "## Edit a user\n\n1. If you are using LightDM, click **Edit user**.\n2. Change the password and click **Save**.\n"
    assert _matched(spec, page) == []
    assert _matched(spec, page.replace("If you are using LightDM, click", "Click")) == ["put-user"]


def test_adding_an_existing_thing_makes_no_new_one(tmp_path: Path) -> None:
    """Sentry: "add existing members to your team" puts members who exist on a team; it invites no
    new member (`POST …/members/`, in the organization the reader works in)."""
    org = "/api/0/organizations/{org}"
    paths: dict[str, Any] = {
        f"{org}/members/": {"post": _op("createOrganizationMember", "Add a Member to an Organization", True),
                            "parameters": _path_params("org")},
    }
    for kind, noun in (("projects", "Project"), ("teams", "Team"), ("releases", "Release"), ("monitors", "Monitor")):
        paths[f"{org}/{kind}/"] = {"post": _op(f"create{noun}", f"Create a New {noun}", True),
                                   "parameters": _path_params("org")}
    spec = _spec_file(tmp_path, paths, "API Reference", "https://sentry.io")
    page = "## Members\n\n1. Go to **Settings > Members**.\n2. Add existing members.\n"
    assert _matched(spec, page) == []
    assert _matched(spec, page.replace("existing", "new")) == ["createOrganizationMember"]


def test_a_summarys_two_word_name_is_the_resource_said_whole(tmp_path: Path) -> None:
    """Harbor: `POST /robots` is "Create a robot account". "Click **New Robot Account**" then
    "Click **FINISH**" creates one; "account" alone (an SMTP account) would name nothing."""
    paths: dict[str, Any] = {
        "/robots": {"post": _op("CreateRobot", "Create a robot account", True)},
        "/robots/{robot_id}": {"put": _op("UpdateRobot", "Update a robot account", True),
                               "parameters": _path_params("robot_id")},
        "/projects": {"post": _op("createProject", "Create a new project.", True)},
        "/projects/{project_name}": {"put": _op("updateProject", "Update properties for a selected project.", True),
                                     "parameters": _path_params("project_name")},
    }
    spec = _spec_file(tmp_path, paths, "Harbor API", "https://localhost/api/v2.0")
    page = ("## Add a System Robot Account\n\n1. Go to **Administration** and select **Robot Accounts**.\n"
            "1. Click **New Robot Account**.\n1. Enter a name and an optional description.\n"
            "1. Click **FINISH**.\n")
    assert _matched(spec, page) == ["CreateRobot"]
    other = page.replace("Robot Account", "SMTP Account").replace("Robot Accounts", "SMTP Accounts")
    assert _matched(spec, other) == []


def _notifiers_and_monitors(folder: Path) -> Spec:
    """Axiom's v2 API: no summaries; a monitor has a `disabled` switch and the ids of the notifiers
    it alerts, a notifier is switched off until a time (`disabledUntil`)."""
    def put(op_id: str, props: dict[str, Any]) -> dict[str, Any]:
        return {"put": _body_op(op_id, None, props), "parameters": _path_params("id")}

    paths = {
        "/monitors": {"post": _body_op("createMonitor", None, {"name": {"type": "string"}})},
        "/monitors/{id}": put("updateMonitor", {
            "name": {"type": "string"}, "disabled": {"type": "boolean"},
            "notifierIds": {"type": "array", "items": {"type": "string"}},
        }),
        "/notifiers": {"post": _body_op("createNotifier", None, {"name": {"type": "string"}})},
        "/notifiers/{id}": put("updateNotifier", {
            "name": {"type": "string"}, "disabledUntil": {"type": "string", "format": "date-time"},
        }),
    }
    return _spec_file(folder, paths, "Axiom", "https://api.axiom.co/v2/")


def test_disabling_a_thing_flips_its_own_switch_not_a_reference_to_it(tmp_path: Path) -> None:
    """Disabling a notifier sets the notifier's `disabledUntil`; no monitor's `notifierIds` is
    what "Disable" flips. A monitor's own `disabled` field is its switch."""
    spec = _notifiers_and_monitors(tmp_path)
    page = ("## Disable notifiers\n\nTo disable a notifier:\n\n1. Click the Monitors tab.\n"
            "1. In the left, click **Notifiers**.\n1. Click the notifier that you want to disable.\n"
            "1. In the top right, click **Disable notifier**.\n"
            "1. Select the time period for which you want to disable the notifier.\n1. Click **Disable**.\n")
    assert _matched(spec, page) == ["updateNotifier"]
    monitor = ("## Disable monitors\n\nTo disable a monitor:\n\n1. Click the Monitors tab.\n"
               "1. Click the monitor that you want to disable.\n1. Click **Disable monitor**.\n")
    assert _matched(spec, monitor) == ["updateMonitor"]


def test_a_paragraph_does_what_its_button_says_under_a_field_s_bold_name(tmp_path: Path) -> None:
    """NetBird: a creation form described field by field under bold names ("**Enable DNS Zone**"),
    then "Click **Add Zone** to create the zone": the paragraph creates, the field name toggles
    nothing."""
    zone = _body_op("updateZone", "Update a DNS zone", {"name": {"type": "string"}, "enabled": {"type": "boolean"}})
    paths: dict[str, Any] = {
        "/api/dns/zones": {"post": _body_op("createZone", "Create a DNS zone", {"name": {"type": "string"}})},
        "/api/dns/zones/{zoneId}": {"put": zone, "parameters": _path_params("zoneId")},
    }
    spec = _spec_file(tmp_path, paths, "NetBird REST API", "https://api.netbird.io")
    page = ("### Creating a Custom Zone\n\nTo create a new zone, go to **DNS** > **Zones** and click **Add Zone**.\n\n"
            "**Domain**\n\nThe domain name for this zone.\n\n**Enable DNS Zone**\n\n"
            "Controls whether the zone is active.\n\n- Enabled by default\n\nClick **Add Zone** to create the zone\n")
    assert _matched(spec, page) == ["createZone", "createZone"]  # the intro sentence, the last one
    switch = "## Zones\n\n1. Open the zone.\n2. Click **Enable DNS Zone**.\n"
    assert _matched(spec, switch) == ["updateZone"]


def test_a_list_of_alternative_actions_is_no_procedure(tmp_path: Path) -> None:
    """Harbor's provider instances: "Click **Edit** to …", "Click **Enable**/**Deactivate** to …",
    "Click **Delete** to …" are three things one can do, not one procedure: no single call."""
    instance = _body_op("UpdateInstance", "Update the specified P2P provider instance",
                        {"endpoint": {"type": "string"}, "enabled": {"type": "boolean"}})
    paths: dict[str, Any] = {
        "/p2p/preheat/instances": {"post": _op("CreateInstance", "Create p2p provider instances", True)},
        "/p2p/preheat/instances/{name}": {
            "put": instance, "parameters": _path_params("name"),
            "delete": _op("DeleteInstance", "Delete the specified P2P provider instance"),
        },
    }
    spec = _spec_file(tmp_path, paths, "Harbor API", "https://localhost/api/v2.0")
    page = ("## Manage Preheat Provider Instances\n\nSelect the provider instance, click **ACTIONS**.\n\n"
            "1. Click **Edit** to open the edit dialog to do modifications to the selected provider instance.\n"
            "1. Click **Enable**/**Deactivate** to enable/deactivate the selected provider instance.\n"
            "3. Click **Delete** to delete the selected provider instance.\n")
    decisions = [d for d in curlify(page, spec).decisions if d.decision != "no-operation"]
    assert [d.decision for d in decisions] == ["unsure"]


def test_a_thin_lead_stays_silent(tmp_path: Path) -> None:
    """"Add key" under "Go to **Deploy keys**" fits `POST /keys` best, but `POST /deploy-keys` is
    close behind: below the matcher's minimum confidence the step gets no call, only a report."""
    from llmsdocs.match import LexicalMatcher

    paths: dict[str, Any] = {
        "/keys": {"post": _op("createKey", "Create an API key", True)},
        "/deploy-keys": {"post": _op("createDeployKey", "Create a deploy key", True)},
    }
    spec = _spec_file(tmp_path, paths, "Acme", "https://api.acme.dev")
    page = "## Keys\n\n1. Go to **Deploy keys**.\n2. Click **Add key**.\n"
    spoken = curlify(page, spec).decisions
    assert [(d.decision, d.operation_id) for d in spoken] == [("matched", "createKey")]
    strict = LexicalMatcher(spec, min_confidence=spoken[0].confidence + 0.01)
    silent = curlify(page, spec, matcher=strict).decisions
    assert [d.decision for d in silent] == ["unsure"] and "leads by too little" in silent[0].reason
    assert "curl" not in curlify(page, spec, matcher=strict).markdown


def test_a_statement_beside_a_button_gives_the_paragraph_no_action(tmp_path: Path) -> None:
    """Qovery: "Qovery will validate the token and verify access. Click **Save** to complete." under
    "Create the Token": the product's own validation is what happens, not the reader's action;
    Save commits the heading's create."""
    org = "/organization/{organizationId}"
    paths: dict[str, Any] = {
        f"{org}/gitToken": {"post": _op("createGitToken", "Create a git token", True),
                            "parameters": _path_params("organizationId")},
        f"{org}/gitToken/{{gitTokenId}}": {"put": _op("editGitToken", "Edit a git token", True),
                                          "parameters": _path_params("organizationId", "gitTokenId")},
        f"{org}/alertReceiver/validate": {"post": _op("validateAlertReceiver", "Validate an alert receiver", True),
                                          "parameters": _path_params("organizationId")},
    }
    spec = _spec_file(tmp_path, paths, "Qovery API", "https://api.qovery.com")
    page = ("### Create the Token\n\nPaste the token from your Git provider.\n\n"
            "Qovery will validate the token and verify access. Click **Save** to complete.\n")
    assert _matched(spec, page) == ["createGitToken"]




def test_an_rpc_method_that_reads_is_no_click_s_action() -> None:
    """openstatus (Connect RPC): every call is a POST to `/<package>.<Service>/<Method>`, so
    `…/MonitorService/GetMonitor` looked like it creates a monitor and tied with
    `CreateHTTPMonitor` for "click the **Create Monitor** button". Its name says it reads: no
    candidate. The spec is the real one's MonitorService (openstatusHQ/openstatus 22df52e,
    `apps/server/static/openapi.yaml`, its 14 paths and the schemas they use); the page is the
    held-out set's."""
    spec = load_spec(Path(__file__).parent / "fixtures" / "openstatus-monitor-service.json")
    page = CLICKS / "openstatus" / "pages" / "docs__tutorial__create-your-first-monitor.md"
    create = [d for d in curlify(page.read_text(encoding="utf-8"), spec).decisions if "Create Monitor" in d.step.text]
    assert len(create) == 1 and create[0].decision in {"matched", "unsure"}
    assert "GetMonitor" not in (create[0].operation_id or "") + create[0].reason
    assert "CreateHTTPMonitor" in create[0].reason
    listing = curlify("## Monitors\n\n1. Click **List monitors**.\n", spec).decisions
    assert [d.operation_id for d in listing if d.operation_id] == []


def test_a_step_that_opens_on_a_viewing_aim_changes_nothing(tmp_path: Path) -> None:
    """Mattermost: "To see all pinned messages in a channel, select the **Pinned posts** icon" is a
    paragraph whose own opening clause says it looks at things: no pin. The same shape with an
    action's aim still acts."""
    paths: dict[str, Any] = {
        "/api/v4/posts/{post_id}/pin": {"post": _op("PinPost", "Pin a post to the channel"),
                                        "parameters": _path_params("post_id")},
    }
    spec = _spec_file(tmp_path, paths, "Mattermost API Reference", "https://your-mattermost-url.com")
    see = "## Pin messages\n\nTo see all pinned messages in a channel, select the **Pinned posts** icon in the channel header.\n"
    decisions = curlify(see, spec).decisions
    assert [(d.decision, d.reason) for d in decisions] == [("no-operation", "a viewing procedure (no change to make)")]
    pin = "## Pin messages\n\nTo pin a message to a channel, select the **Pin to channel** option in the message menu.\n"
    assert _matched(spec, pin) == ["PinPost"]


def test_a_bold_name_leading_a_breadcrumb_is_another_product_s_ui(tmp_path: Path) -> None:
    """Hookdeck: "- **Stripe**: Dashboard → Developers → Webhooks → Add endpoint" is a path through
    Stripe's dashboard, not Hookdeck's: no call. A bold lead the API names ("**Connections**:
    …") or a place ("**Dashboard**: …") is the product's own."""
    paths: dict[str, Any] = {
        "/webhooks/endpoints": {"post": _op("createEndpoint", "Create an endpoint", True)},
        "/connections": {"post": _op("createConnection", "Create a connection", True)},
    }
    spec = _spec_file(tmp_path, paths, "Hookdeck Admin REST API", "https://api.hookdeck.com/2025-07-01")
    page = ("## Configure your provider\n\nConfigure this URL in your provider's webhook settings:\n\n"
            "- **Stripe**: Dashboard → Developers → Webhooks → Add endpoint\n")
    decisions = curlify(page, spec).decisions
    assert [(d.decision, d.reason) for d in decisions] == [("no-operation", "step in another product's UI (Stripe)")]
    own = "## Connections\n\n- **Dashboard**: Connections → Add endpoint\n"
    assert _matched(spec, own) == ["createEndpoint"]


def test_a_dotted_brand_that_starts_with_the_product_s_name_is_the_product(tmp_path: Path) -> None:
    """Rocket.Chat: the spec's product is "Rocket" (its title word that names rocket.chat), so
    "to a Rocket.Chat workspace" had read as another product's workspace and every such
    procedure stayed silent. A dotted brand whose first part is the product is the product;
    another dotted brand ("a Monday.com workspace") stays another product's."""
    paths: dict[str, Any] = {
        "/api/v1/email-inbox": {"post": _op("createEmailInbox", "Create an email inbox", True)},
    }
    spec = _spec_file(tmp_path, paths, "Rocket.Chat REST API", "https://apiexplorer.support.rocket.chat")
    assert spec.product_name() == "Rocket"
    steps = ("* On your workspace, navigate to **Administration > Workspace > Email Inboxes**. "
             "Click the **New Email Inbox** button.\n* Fill in the **Name** and **Email**.\n* Click **Save**.\n")
    own = "## Email inboxes\n\nTo connect an **Office365** email to a Rocket.Chat workspace,\n\n" + steps
    assert _matched(spec, own) == ["createEmailInbox"]
    other = "## Email inboxes\n\nTo connect an **Office365** email to a Monday.com workspace,\n\n" + steps
    decisions = curlify(other, spec).decisions  # the introduction ("To connect …") and the list
    assert {(d.decision, d.reason) for d in decisions} == {("no-operation", "step in another product's UI (Monday.com)")}



def test_an_rpc_segment_names_its_resource_and_its_method(tmp_path: Path) -> None:
    """Unkey v2 and Rocket.Chat name a call ``resource.method`` in one segment
    (``/v2/deployments.rollbackDeployment``): the resource is before the dot and the method, when
    it is not a plain create/update/delete or a read, is the endpoint's own action, as
    ``/deployments/{id}/rollback`` would be. "Select **Rollback**" under "Roll back a deployment"
    is that call; a plain method (``deployments.createDeployment``) stays as it was read."""
    paths: dict[str, Any] = {
        "/v2/deployments.rollbackDeployment": {"post": _body_op(
            "deployments.rollbackDeployment", "Rollback deployment", {"deploymentId": {"type": "string"}},
            ["deploymentId"])},
        "/v2/deployments.createDeployment": {"post": _op("deployments.createDeployment", "Create deployment", True)},
        "/v2/deployments.listDeployments": {"post": _op("deployments.listDeployments", "List deployments")},
    }
    spec = _spec_file(tmp_path, paths, "Unkey API", "https://api.unkey.com")
    page = ("## Roll back a deployment\n\n1. Open the deployment's context menu.\n2. Select **Rollback**.\n"
            "3. Click **Rollback to target version**.\n")
    assert _matched(spec, page) == ["deployments.rollbackDeployment"]
    create = "## Deploy\n\n1. Click **Create deployment**.\n"
    assert _matched(spec, create) == ["deployments.createDeployment"]


def test_logging_in_to_a_place_or_a_link_to_the_product_s_own_site_stays_home(tmp_path: Path) -> None:
    """Segment: "Log in to the Workspace where you want to add the new destination" logs in to
    the product's own place, not to a product named Workspace; Ory: "Go to the [Ory
    Console](https://console.ory.com/)" links a site named for the product, though the product's
    lemma is "ori" and its API is served from oryapis.com. Both had sent every later step of
    the list to "another site", so their procedures stayed silent."""
    paths: dict[str, Any] = {"/destinations": {"post": _op("createDestination", "Create Destination", True)}}
    spec = _spec_file(tmp_path, paths, "Segment Public API", "https://api.segmentapis.com")
    page = ("To set up a new destination:\n\n1. Log in to the Workspace where you want to add the new destination, "
            "go to the Catalog page.\n2. Click the destination you want to add.\n3. Click **Create Destination**.\n")
    assert _matched(spec, page) == ["createDestination"]
    elsewhere = page.replace("the Workspace where", "Zabbix, the tool where")
    assert _matched(spec, elsewhere) == []
    ory = tmp_path / "ory"
    ory.mkdir()
    paths = {"/projects": {"post": _op("createProject", "Create a Project", True)}}
    spec = _spec_file(ory, paths, "Ory APIs", "https://api.console.ory.sh")
    page = ("## Create a project\n\n1. Go to the [Ory Console](https://console.ory.com/).\n"
            "2. Click **Create project**.\n")
    assert _matched(spec, page) == ["createProject"]
    away = page.replace("[Ory Console](https://console.ory.com/)", "[Okta Console](https://console.okta.com/)")
    assert _matched(spec, away) == []


def test_a_plus_sign_before_a_noun_is_a_button_that_adds_one(tmp_path: Path) -> None:
    """Tolgee, OpenProject, Windmill: "Click the `+ Provider` button", "**+ Wiki page**",
    "**+User**": the plus sign is the UI's word for adding one. Such a label had said no verb,
    so the procedure read as navigation. A plus before a stop word ("**+AND**", a condition
    builder's operator) or before a verb ("+ Add tag", read as its verb already) is left alone."""
    paths: dict[str, Any] = {
        "/v2/organizations/{organizationId}/llm-providers": {
            "post": _op("createProvider", "Create organization-specific provider", True),
            "parameters": _path_params("organizationId")},
        "/v2/projects": {"post": _op("createProject", "Create project", True)},
        "/v2/projects/{projectId}/languages": {"post": _op("createLanguage", "Create language", True),
                                               "parameters": _path_params("projectId")},
        "/v2/projects/{projectId}/keys": {"post": _op("createKey", "Create new key", True),
                                          "parameters": _path_params("projectId")},
    }
    spec = _spec_file(tmp_path, paths, "Tolgee API", "https://app.tolgee.io")
    page = ("## Setup via Organization Settings\n\n1. Go to Organization settings\n"
            "2. Select LLM Providers in the side menu\n\n## Add Custom LLM Provider\n\n"
            "Click the `+ Provider` button to open a provider dialog.\n")
    assert _matched(spec, page) == ["createProvider"]
    operator = page.replace("`+ Provider` button to open a provider dialog", "`+AND` button to join two conditions")
    assert _matched(spec, operator) == []


def test_separate_labels_joined_by_a_breadcrumb_give_the_last_one_its_object(tmp_path: Path) -> None:
    """"Create a new syncer in Casdoor (**Syncers** → **Add**)", "user menu > `Project API
    keys` > `+ Add` button": the bare verb at the end of a path of separate labels acts on the
    label before it, as it does inside one label ("**Syncers → Add**"). A verb the path goes
    on past ("Campaigns -> Create new -> Archive") is a way through, not the action."""
    paths: dict[str, Any] = {
        "/api/add-syncer": {"post": _op("AddSyncer", "add syncer", True)},
        "/api/add-user": {"post": _op("AddUser", "add user", True)},
        "/api/update-syncer": {"post": _op("UpdateSyncer", "update syncer", True)},
    }
    spec = _spec_file(tmp_path, paths, "Casdoor RESTful API", "https://door.casdoor.com")
    page = "## Configuration\n\nCreate a new syncer in Casdoor (**Syncers** → **Add**) and fill in:\n"
    assert _matched(spec, page) == ["AddSyncer"]
    assert _matched(spec, page.replace("new syncer", "new one")) == ["AddSyncer"]
    tolgee = "user menu > `Project API keys` > `+ Add` button."
    assert _label_chain("+ Add", tolgee, ("Project API keys", "+ Add")) == "Project API keys > + Add"
    through = "Campaigns -> Create new -> Archive"
    assert _label_chain("Create new", through, ("Campaigns", "Create new", "Archive")) == ""


def test_a_list_that_creates_a_thing_and_then_edits_it_is_the_creation(tmp_path: Path) -> None:
    """Immich: "Click on Create an external library…", then "Click on Rename Library and rename
    it": creating the library and renaming it scored alike, so the list stayed silent. When the
    two tied operations are a collection's create and an edit of one of its items, the list
    makes the thing its later steps edit."""
    paths: dict[str, Any] = {
        **_create_and_update("/libraries", "id", "library", "createLibrary", "updateLibrary"),
        "/albums": {"post": _op("createAlbum", "Create album", True)},
    }
    spec = _spec_file(tmp_path, paths, "Immich", "https://demo.immich.app/api")
    page = ("## Create A New Library\n\n- Click on Administration -> External Libraries\n"
            "- Click on Create an external library…\n- Select which user owns the library\n"
            "- Click the drop-down menu on the newly created library\n"
            "- Click on Rename Library and rename it to \"Christmas Trip\"\n")
    assert _matched(spec, page) == ["createLibrary"]
