using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.SoarSimulator.Inventory;

/// <summary>A seeded Splunk SOAR playbook inventory with 90 days of realistic run history, for <c>agentic-ir playbooks
/// audit</c>, onboarding and break-glass checks. Needs the default app catalogue. Each run has its own container (label
/// as a SOAR ingests it) and the action runs the playbook launched through the catalogue's apps; see
/// <c>samples/soar/README.md</c> ("Playbook inventory") for the profile of every playbook.</summary>
public static class PlaybookInventorySeed
{
    /// <summary>Playbooks the seed creates, by the profile they were given.</summary>
    public static class Names
    {
        public const string PhishingInvestigate = "local/phishing_investigate";
        public const string MalwareContain = "local/malware_contain";
        public const string PasswordResetRequest = "local/password_reset_request";
        public const string TicketAndNotify = "local/ticket_and_notify";
        public const string VulnScanDigest = "local/vuln_scan_digest";
        public const string CloudChangeTicket = "local/cloud_change_ticket";
        public const string GeoBlock = "local/geo_block";
        public const string LegacySandbox = "local/legacy_sandbox";
        public const string InsiderThreatReview = "local/insider_threat_review";
        public const string UnusedDraft = "local/unused_draft";
        public const string BreakGlassIsolateHost = "local/break_glass_isolate_host";
        public const string BreakGlassDisableAccount = "local/break_glass_disable_account";
        public const string BreakGlassPurgeMail = "local/break_glass_purge_mail";
    }

    /// <summary>Seeds the inventory with run times relative to <paramref name="now"/>.</summary>
    public static void Seed(SplunkSoarSimulator simulator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var seeder = new Seeder(simulator, now);

        // Investigation and response: enrichment from two apps, containment only when the findings call for it.
        seeder.Spread(Names.PhishingInvestigate, "phishing", 60, 90, i => i % 12 == 5 ? "failed" : "success", i => (i % 3) switch
        {
            0 => Of(Act.UrlReputation, Act.UserLookup, Act.QuarantineEmail),
            1 => Of(Act.UrlReputation, Act.UserLookup),
            _ => Of(Act.UrlReputation, Act.UserLookup, Act.BlockUrl, Act.QuarantineEmail),
        });
        seeder.Run(Names.PhishingInvestigate, "phishing", now.AddMinutes(-3), "running", [Act.UrlReputation]);
        seeder.Run(Names.PhishingInvestigate, "phishing", now.AddDays(-100), "success", [Act.UrlReputation, Act.UserLookup]); // before the window
        seeder.Spread(Names.MalwareContain, "endpoint", 36, 90, i => i % 12 == 0 ? "failed" : "success",
            i => i % 2 == 0 ? [Act.FileReputation, Act.HuntHash, Act.IsolateHost] : [Act.FileReputation, Act.HuntHash]);

        // Simple deterministic automation: the same one or two actions on every run.
        seeder.Spread(Names.PasswordResetRequest, "account", 30, 90, _ => "success", _ => [Act.ResetPassword]);
        seeder.Spread(Names.TicketAndNotify, "events", 45, 90, i => i == 7 ? "failed" : "success", _ => [Act.CreateTicket, Act.Notify]);

        // Boundaries: exactly 5 runs a month (15 in 90 days) and exactly 50% success are not retired.
        seeder.Spread(Names.CloudChangeTicket, "aws", 15, 90, _ => "success", _ => [Act.CreateTicket]);
        seeder.Spread(Names.GeoBlock, "network", 20, 90, i => i % 2 == 0 ? "success" : "failed", _ => [Act.BlockIp]);

        // Retire: too rare, failing too often, rare even though it investigates, never run.
        seeder.Spread(Names.VulnScanDigest, "vulnerability", 3, 90, _ => "success", _ => [Act.Notify]);
        seeder.Spread(Names.LegacySandbox, "malware", 20, 90, i => i < 9 ? "success" : "failed", _ => [Act.FileReputation, Act.DetonateUrl]);
        seeder.Spread(Names.InsiderThreatReview, "identity", 6, 90, _ => "success",
            i => i % 2 == 0 ? [Act.UserLookup, Act.IpReputation, Act.DisableAccount] : [Act.UserLookup, Act.IpReputation]);
        simulator.AddPlaybook(Names.UnusedDraft, active: false);

        // Break-glass fallbacks: tested last month; tested only 200 days ago; switched off. contain_address has none.
        seeder.Run(Names.BreakGlassIsolateHost, "endpoint", now.AddDays(-40), "success", [Act.IsolateHost]);
        seeder.Run(Names.BreakGlassDisableAccount, "account", now.AddDays(-200), "success", [Act.DisableAccount]);
        seeder.Run(Names.BreakGlassPurgeMail, "phishing", now.AddDays(-20), "success", [Act.QuarantineEmail]);
        simulator.AddPlaybook(Names.BreakGlassPurgeMail, active: false);
    }

    private static LaunchedAction[] Of(params LaunchedAction[] actions) => actions;

    private sealed class Seeder(SplunkSoarSimulator simulator, DateTimeOffset now)
    {
        private int _containers;

        /// <summary><paramref name="count"/> runs spread evenly over the last <paramref name="days"/> days, all inside them.</summary>
        public void Spread(string playbook, string label, int count, int days, Func<int, string> status, Func<int, IReadOnlyList<LaunchedAction>> actions)
        {
            simulator.AddPlaybook(playbook);
            var gap = TimeSpan.FromDays(days) / count;
            for (var i = 0; i < count; i++) Run(playbook, label, now - gap * (i + 0.5), status(i), actions(i));
        }

        public void Run(string playbook, string label, DateTimeOffset start, string status, IReadOnlyList<LaunchedAction> actions)
        {
            var n = ++_containers;
            var container = simulator.AddContainer(new JsonObject
            {
                ["name"] = $"{label} event {n}",
                ["label"] = label,
                ["severity"] = "medium",
                ["status"] = "closed",
                ["source_data_identifier"] = $"inventory-{n}",
            });
            // A failed run stops at its first failing action; the actions before it ran.
            var launched = status == "failed" && actions.Count > 0
                ? [.. actions.Take(actions.Count - 1), actions[^1] with { Status = "failed" }]
                : actions;
            simulator.AddPlaybookRun(new HistoricalPlaybookRun
            {
                ContainerId = container,
                Playbook = playbook,
                Status = status,
                StartTime = start,
                Duration = TimeSpan.FromSeconds(30 + (20 * actions.Count) + (n % 7)),
                Actions = launched,
            });
        }
    }

    private static class Act
    {
        public static LaunchedAction UrlReputation { get; } = New("url reputation", "VirusTotal v3", "virustotal_v3", ("url", "http://login-check.example.net/a"));
        public static LaunchedAction IpReputation { get; } = New("ip reputation", "VirusTotal v3", "virustotal_v3", ("ip", "203.0.113.7"));
        public static LaunchedAction FileReputation { get; } = New("file reputation", "VirusTotal v3", "virustotal_v3", ("hash", "44d88612fea8a8f36de82e1278abb02f"));
        public static LaunchedAction DetonateUrl { get; } = New("detonate url", "VirusTotal v3", "virustotal_v3", ("url", "http://login-check.example.net/a"));
        public static LaunchedAction UserLookup { get; } = New("get attributes", "AD LDAP", "ad_ldap", ("principals", "jdoe"));
        public static LaunchedAction HuntHash { get; } = New("hunt file", "CrowdStrike OAuth API", "crowdstrike_oauth", ("hash", "44d88612fea8a8f36de82e1278abb02f"));
        public static LaunchedAction IsolateHost { get; } = New("quarantine device", "CrowdStrike OAuth API", "crowdstrike_oauth", ("hostname", "WS-0412"));
        public static LaunchedAction QuarantineEmail { get; } = New("block sender", "MS Graph for Office 365", "msgraph_office365", ("sender", "billing@invoices.example.org"), ("email_address", "security-quarantine@example.com"));
        public static LaunchedAction BlockUrl { get; } = New("block url", "Panorama", "panorama", ("url", "http://login-check.example.net/a"));
        public static LaunchedAction BlockIp { get; } = New("block ip", "Panorama", "panorama", ("ip", "198.51.100.23"));
        public static LaunchedAction ResetPassword { get; } = New("reset password", "AD LDAP", "ad_ldap", ("user", "jdoe"), ("use_samaccountname", "true"));
        public static LaunchedAction DisableAccount { get; } = New("disable account", "AD LDAP", "ad_ldap", ("user", "jdoe"), ("use_samaccountname", "true"));
        public static LaunchedAction CreateTicket { get; } = New("create ticket", "ServiceNow", "servicenow", ("short_description", "SOAR event"));
        public static LaunchedAction Notify { get; } = New("send email", "SMTP", "smtp", ("to", "soc@corp-example.com"));

        private static LaunchedAction New(string action, string app, string asset, params (string Key, string Value)[] parameters) => new()
        {
            Action = action,
            App = app,
            Asset = asset,
            Parameters = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        };
    }
}
