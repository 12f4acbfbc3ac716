using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.SoarSimulator.Xsoar;

/// <summary>A small demo world for <c>agentic-ir simulator xsoar</c>: a phishing and a malware incident with labels,
/// custom fields, indicators and a waiting approval task; integrations whose command and argument names are those of the
/// content integrations' YAML (PAN-OS <c>pan-os-block-ip</c> and the commands the connectors' xsoar bindings use:
/// <c>pan-os-register-ip-tag</c>, <c>pan-os-edit-custom-url-category</c>; CrowdStrike Falcon <c>cs-falcon-contain-host</c>,
/// <c>cs-falcon-upload-custom-ioc</c>;
/// Active Directory Query v2 <c>ad-disable-account</c>), one enabled instance each, so an approved action runs; analysts. The
/// incidents' indicators are ones the sample context (samples/data threat intel, assets, identities) knows, so agents
/// running beside the simulator find something to act on.</summary>
public static class XsoarDemoSeed
{
    /// <summary>Seeds <paramref name="simulator"/>; returns the incident ids.</summary>
    public static IReadOnlyList<string> Apply(XsoarSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        simulator.AddIntegration(new XsoarSeedIntegration("Panorama", new Dictionary<string, IReadOnlyList<string>>
        {
            ["pan-os-block-ip"] = ["ip", "log_forwarding", "auto_commit", "rule_name"],
            // block_ip / unblock_ip, block_url / unblock_url, block_domain / unblock_domain (Panorama.yml).
            ["pan-os-register-ip-tag"] = ["tag", "IPs", "persistent", "timeout"],
            ["pan-os-unregister-ip-tag"] = ["tag", "IPs"],
            ["pan-os-edit-custom-url-category"] = ["name", "sites", "action", "categories", "device-group"],
        }) { Display = "Palo Alto Networks PAN-OS" }, ("Panorama_instance_1", true));
        // isolate_endpoint / unisolate_endpoint, add_watchlist (CrowdStrikeFalcon.yml).
        simulator.AddIntegration(new XsoarSeedIntegration("CrowdstrikeFalcon", new Dictionary<string, IReadOnlyList<string>>
        {
            ["cs-falcon-contain-host"] = ["ids"],
            ["cs-falcon-lift-host-containment"] = ["ids"],
            ["cs-falcon-upload-custom-ioc"] = ["ioc_type", "value", "action", "platforms", "severity", "expiration", "source", "description", "applied_globally", "host_groups", "tags", "file_name"],
        }) { Display = "CrowdStrike Falcon" }, ("CrowdstrikeFalcon_instance_1", true));
        simulator.AddIntegration(new XsoarSeedIntegration("Active Directory Query v2", new Dictionary<string, IReadOnlyList<string>>
        {
            ["ad-disable-account"] = ["username", "base-dn"],
            ["ad-enable-account"] = ["username", "base-dn"],
        }), ("Active Directory Query v2_instance_1", true));
        simulator.AddUser("analyst1", "Ana Lyst", "Analyst");
        simulator.AddUser("lead1", "Lee Ead", "Analyst", "Tier2");

        // Content playbooks: their id is their name.
        simulator.AddLibraryPlaybook("Phishing Investigation - Generic v2", "Phishing Investigation - Generic v2");
        simulator.AddLibraryPlaybook("Malware Investigation and Response", "Malware Investigation and Response");
        var phishing = simulator.AddIncident(new XsoarSeedIncident
        {
            Name = "Credential harvesting link reported by user",
            Type = "Phishing",
            Severity = 2,
            Details = "User reported an email asking to re-validate Microsoft 365 credentials.",
            Labels = [new("Email/from", "it-servicedesk@m365-mailbox-notice.com"), new("Email/subject", "Action required: re-validate your account")],
            CustomFields = new JsonObject
            {
                ["emailfrom"] = "it-servicedesk@m365-mailbox-notice.com", ["emailto"] = "kpatel@corp-example.com",
                ["url"] = "https://secure-login-micros0ft.com/owa/auth/logon.aspx",
            },
            Indicators = [new("URL", "https://secure-login-micros0ft.com/owa/auth/logon.aspx"), new("Domain", "secure-login-micros0ft.com")],
            PlaybookId = "Phishing Investigation - Generic v2",
            PlaybookTasks = [new("Extract indicators", "Completed", "Builtin|||extractIndicators"), new("Approve containment", "Waiting")],
        });
        var malware = simulator.AddIncident(new XsoarSeedIncident
        {
            Name = "Cobalt Strike beacon on FIN-WS-022",
            Type = "Malware",
            Severity = 3,
            CustomFields = new JsonObject { ["hostname"] = "FIN-WS-022", ["sourceip"] = "10.20.8.22", ["destinationip"] = "194.26.192.77", ["username"] = "tbrooks" },
            Indicators = [new("IP", "194.26.192.77")],
            PlaybookId = "Malware Investigation and Response",
            PlaybookTasks = [new("Block C2 address", "New", "Panorama|||pan-os-block-ip")],
        });
        return [phishing, malware];
    }
}
