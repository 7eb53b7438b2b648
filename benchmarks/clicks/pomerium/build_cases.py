#!/usr/bin/env python3
"""Write cases.jsonl for the Pomerium clicks -> curl set from hand labels.

Each label is (page key, guard substring, expected, confidence, note). The line is the
unique line of the page that contains the guard; step = that line stripped.
"""
import json, re, pathlib

HERE = pathlib.Path(__file__).parent
P = "/pomerium.config.ConfigService/"
PAGES = {
    "BR": "get-started__fundamentals__zero__zero-build-routes.md",
    "BP": "get-started__fundamentals__zero__zero-build-policies.md",
    "AR": "get-started__fundamentals__zero__zero-advanced-routes.md",
    "AP": "get-started__fundamentals__zero__zero-advanced-policies.md",
    "SSO": "get-started__fundamentals__zero__zero-single-sign-on.md",
    "IDP": "get-started__fundamentals__zero__zero-custom-idp.md",
    "TCP": "get-started__fundamentals__zero__zero-tcp-routes.md",
    "QS": "get-started__quickstart.md",
    "SA": "capabilities__service-accounts.md",
    "IMP": "capabilities__impersonation.md",
    "CD": "capabilities__custom-domains.md",
    "SSH": "guides__zero-ssh.md",
    "MCP": "guides__mcp-bridge.md",
    "CL": "internals__clusters.md",
    "SR": "capabilities__session-recording.md",
    "G": "integrations__user-identity__google.md",
    "DS": "integrations__user-standing__directory-sync.md",
    "SY": "guides__synology.md",
    "FL": "integrations__device-context__fleetdm.md",
}


def op(method_name, params):
    return {"method": "POST", "path": P + method_name,
            "operationId": "pomerium.config.ConfigService." + method_name, "params": params}


def alt(main, *alts):
    main = dict(main)
    main["alternatives"] = list(alts)
    return main


ROUTE_NEW = lambda **kw: op("CreateRoute", {"route": {"name": "<name>", "from": "https://app.example.com", "to": ["http://app:80"], **kw}})
ROUTE_UPD = lambda **kw: op("UpdateRoute", {"route": {"id": "<route_id>", **kw}, "updateMask": "<fields>"})
POLICY_NEW = lambda **kw: op("CreatePolicy", {"policy": {"name": "<name>", "sourcePpl": "<ppl>", **kw}})
POLICY_UPD = op("UpdatePolicy", {"policy": {"id": "<policy_id>", "sourcePpl": "<ppl>"}, "updateMask": "sourcePpl"})
SETTINGS = lambda **kw: op("UpdateSettings", {"settings": {**kw}, "updateMask": "<fields>"})
SA_NEW = op("CreateServiceAccount", {"serviceAccount": {"userId": "<user_id>", "expiresAt": "<timestamp>"}})
KP_NEW = op("CreateKeyPair", {"keyPair": {"name": "<name>", "certificate": "<pem>"}})

L = [
    # --- Build routes
    ("BR", "1. Select **Routes** from the sidebar, create a new route", ROUTE_NEW(policyIds=["<policy_id>"]), "high", "Creating a route: name, From, To and a policy are set in the following items."),
    ("BR", "Now, in your browser, navigate to the external From URL", None, "high", "Opening the route in a browser."),
    # --- Build policies
    ("BP", "You can view a policy formatted in YAML using the **PPL Editor** tab:", None, "high", "Viewing a tab."),
    ("BP", "1. Create a policy in the Zero PPL builder that grants access", POLICY_NEW(), "high", "CreatePolicy with a domain criterion."),
    # --- Advanced routes
    ("AR", "1. Create a new route", ROUTE_NEW(policyIds=["<policy_id>"]), "high", "CreateRoute with From/To and a policy."),
    ("AR", "1. Apply the **Pass Identity Headers** setting", ROUTE_UPD(passIdentityHeaders=True), "high", "Route.passIdentityHeaders."),
    ("AR", "1. In **GET /headers**, select **Try it out**", None, "high", "HTTPBin's own Swagger UI."),
    ("AR", "1. In the **JWT Claim Headers** field, enter the values below:", SETTINGS(jwtClaimsHeaders={"x-pomerium-claim-email": "email"}), "high", "Settings.jwtClaimsHeaders (cluster settings)."),
    ("AR", "1. In **Property Name**, enter `X-SET-REQUEST-HEADERS`", ROUTE_UPD(setRequestHeaders={"X-SET-REQUEST-HEADERS": "X-TEST-VALUE"}), "high", "Route.setRequestHeaders."),
    ("AR", "In the **Host Rewrite to Literal** field, enter your HTTPBin route.", ROUTE_UPD(hostRewrite="httpbin.example.pomerium.app"), "high", "Route.hostRewrite."),
    ("AR", "After applying your changeset, check the request headers", None, "high", "Inspecting HTTPBin output."),
    ("AR", "1. In the **Host Redirect** field, enter a URL", ROUTE_UPD(redirect={"hostRedirect": "example.com", "httpsRedirect": True}), "high", "Route.redirect (hostRedirect, httpsRedirect from the previous item)."),
    ("AR", "1. In **Status**, enter an HTTP response status code", ROUTE_UPD(response={"status": 200, "body": "This is a test response."}), "high", "Route.response (direct response)."),
    ("AR", "Now, navigate to the URL. Pomerium should send back", None, "high", "Opening the URL."),
    ("AR", "1. In the **Prefix** field, enter `/admin`", ROUTE_UPD(prefix="/admin"), "high", "Route.prefix."),
    # --- Advanced policies
    ("AP", "1. Create a new policy and name it something like \"Email allow list\"", POLICY_NEW(), "high", "CreatePolicy with an email criterion."),
    ("AP", "Now, select a route and go to the **Policies** field.", ROUTE_UPD(policyIds=["<policy_id_1>", "<policy_id_2>"]), "medium", "Attaching several policies = Route.policyIds; the sentence is partly descriptive."),
    # --- SSO
    ("SSO", "1. Apply the **Pass Identity Headers** setting", ROUTE_UPD(passIdentityHeaders=True), "high", "Route.passIdentityHeaders on the Grafana route."),
    # --- Custom IdP
    ("IDP", "1. In the **Identity Provider** dropdown, select **GitHub**", SETTINGS(idpProvider="github", idpClientId="<client_id>", idpClientSecret="<client_secret>"), "high", "Settings.idpProvider / idpClientId / idpClientSecret."),
    # --- TCP routes
    ("TCP", "1. Create a new route for your Redis database", ROUTE_NEW(**{"from": "tcp+https://redis.example.pomerium.app:6379", "to": ["tcp://redis:6379"]}), "high", "CreateRoute (TCP)."),
    # --- Quickstart (nulls)
    ("QS", "- Create a (free) [**Pomerium Zero account**]", None, "high", "Sign-up; no operation."),
    ("QS", "Once you've connected, select **Finish**.", None, "high", "Onboarding navigation."),
    ("QS", "Select the **Policies** tab. In the policies table", None, "high", "Viewing policies (ListPolicies exists, but viewing is null)."),
    ("QS", "To see certificates in your cluster, go to the **Certificates** tab:", None, "high", "Viewing certificates."),
    # --- Service accounts
    ("SA", "1. In the **Service Accounts** dashboard, select **+ New Service Account**:", SA_NEW, "high", "Zero: CreateServiceAccount (userId, expiresAt in the next item)."),
    # --- Impersonation
    ("IMP", "1. In the **Session** dropdown, select the user you want to impersonate", None, "high", "Impersonating a user: no operation."),
    ("IMP", "1. Select **Add Service Account**", SA_NEW, "high", "CreateServiceAccount."),
    # --- Custom domains (nulls)
    ("CD", "Add a **wildcard CNAME record** that points to your starter domain.", None, "high", "DNS provider."),
    ("CD", "1. In the **Custom Domains** field, select the **+** icon", None, "high", "Hard negative: cluster custom domains are not a Settings field in this spec."),
    ("CD", "You can also review the certificate in the **Certificates** dashboard:", None, "high", "Viewing."),
    # --- Native SSH
    ("SSH", "Create the User CA key pair. The private key goes into the Zero Console", None, "medium", "Hard negative: ssh-keygen on the local machine, not CreateKeyPair."),
    ("SSH", "- **SSH Host Keys** are the host private keys you generated.", SETTINGS(sshAddress="0.0.0.0:22", sshHostKeys={"values": ["<key>"]}, sshUserCaKey="<key>"), "high", "Global SSH settings = Settings.sshAddress / sshHostKeys / sshUserCaKey."),
    # --- MCP bridge
    ("MCP", "2. Under the **Allowed AS Metadata Domains** subsection", SETTINGS(mcpAllowedAsMetadataDomains={"values": ["mcp.linear.app"]}), "high", "Settings.mcpAllowedAsMetadataDomains."),
    ("MCP", "Click **Save Route**. The route will show up with **Assigned: None**", ROUTE_NEW(**{"from": "https://linear.example.pomerium.app", "to": ["https://mcp.linear.app/mcp"], "mcp": {"server": {}}}), "high", "CreateRoute (MCP route)."),
    ("MCP", "After saving, open the route again and go to **Advanced → MCP**.", ROUTE_UPD(mcp={"server": {"path": "/mcp"}}), "high", "Route.mcp.server.path."),
    ("MCP", "1. In the left nav, click **Manage → Policies**, then **New Policy**.", POLICY_NEW(), "high", "CreatePolicy (domain is pomerium.com); saved in item 7."),
    ("MCP", "In **Settings → Logging**, scroll to **Authorize Log Fields**", SETTINGS(authorizeLogFields={"values": ["mcp-method", "mcp-tool"]}), "high", "Settings.authorizeLogFields."),
    ("MCP", "4. Click **Connect**.", None, "high", "MCP Inspector UI."),
    # --- Clusters
    ("CL", "1. Under **Actions**, select **Rotate Token**", None, "high", "Hard negative: cluster tokens are not in this spec."),
    ("CL", "1. In the **Cluster Name** field, enter your preferred cluster name", None, "medium", "Hard negative: clusters are managed outside ConfigService (Settings.name is the name of the settings record, not the cluster)."),
    ("CL", "1. Enter the connection string in the [**Databroker Storage Connection String**]", SETTINGS(databrokerStorageConnectionString="postgres://user:pass@host:5432/db"), "high", "Settings.databrokerStorageConnectionString."),
    # --- Session recording
    ("SR", "Click the \"Add Datasource\" button to create a new datasource.", None, "high", "Hard negative: Enterprise datasources are not in this spec."),
    ("SR", "Set the blob storage from a list of available datasources", SETTINGS(blobStorage={"bucketUri": "<uri>"}), "medium", "Settings.blobStorage; the UI picks a datasource, the API takes the bucket URI."),
    ("SR", "Navigate to the \"Clusters\" page using the side panel link", None, "high", "Hard negative: adding an Enterprise cluster has no operation."),
    # --- Google IdP
    ("G", "1. Click **+ Create Service Account**, enter a name", None, "high", "Google Cloud service account, not a Pomerium one."),
    ("G", "1. Select **Google** as the identity provider", SETTINGS(idpProvider="google", directoryProviderOptions={"impersonate_user": "admin@example.com", "service_account": "<json>"}), "medium", "Enterprise Console IdP settings = Settings.idpProvider plus directory provider options."),
    # --- Directory sync
    ("DS", "1. Select **SAVE SETTINGS**", SETTINGS(directoryProvider="okta", directoryProviderOptions={}), "medium", "Directory sync settings = Settings.directoryProvider*; Polling delays map to refresh interval."),
    ("DS", "Administrators can generate custom device registration links", None, "high", "Hard negative: device enrollment links are not in this spec."),
    # --- Synology
    ("SY", "Go to **Control Panel** > **Application Portal** > **Reverse Proxy**", None, "high", "Synology DSM."),
    ("SY", "1. Create a **Route**. In **From**, enter", ROUTE_NEW(**{"from": "https://httpbin.int.nas.example", "to": ["http://httpbin"], "passIdentityHeaders": True}), "high", "CreateRoute (policy and pass identity headers in the following items)."),
    ("SY", "In **Image**, select **pomerium/pomerium** and click **Launch**", None, "high", "Synology Container Manager."),
    # --- FleetDM
    ("FL", "1. Select **Add policy**.", None, "high", "Fleet UI: a Fleet policy, not a Pomerium one."),
    ("FL", "1. Select **ADD EXTERNAL DATA SOURCE**.", None, "high", "Hard negative: external data sources are not in this spec."),
    ("FL", "1. Select **ADD CERTIFICATE**.", KP_NEW, "high", "Certificates = key pairs: CreateKeyPair with the root CA PEM."),
    ("FL", "1. Select **Policies,** create a **New Policy**, and name it.", POLICY_NEW(), "high", "CreatePolicy with FleetDM criteria."),
]

HEAD = re.compile(r"^\s*#{1,6}\s+(.*)")
ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")


def context(lines, idx):
    heading = ""
    for j in range(idx - 1, -1, -1):
        m = HEAD.match(lines[j])
        if m:
            heading = m.group(1).strip()
            break
    prev = ""
    in_fence = False
    for j in range(idx - 1, -1, -1):
        s = lines[j].strip()
        if HEAD.match(lines[j]):
            break
        if s.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence or not s or s.startswith(("<", "!", "|", ":::", "![")):
            continue
        if ITEM.match(lines[j]):
            prev = s
            break
        sents = re.split(r"(?<=[.!?:])\s+", s)
        prev = sents[-1]
        break
    return {"heading": heading, "previous_step": prev}


def main():
    out = []
    for n, (key, guard, exp, conf, note) in enumerate(L, 1):
        page = "pages/" + PAGES[key]
        lines = (HERE / page).read_text(encoding="utf-8").split("\n")
        hits = [i for i, l in enumerate(lines) if guard in l]
        assert len(hits) == 1, (key, guard, hits)
        i = hits[0]
        out.append({"id": f"pomerium-{n:03d}", "page": page, "line": i + 1, "step": lines[i].strip(),
                    "context": context(lines, i), "expected": exp, "confidence": conf, "note": note})
    with open(HERE / "cases.jsonl", "w", encoding="utf-8") as f:
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    m = sum(1 for c in out if c["expected"])
    print(len(out), "cases,", m, "mappable,", len(out) - m, "null")


if __name__ == "__main__":
    main()
