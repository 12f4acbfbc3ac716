using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.SoarSimulator.Xsoar;

/// <summary>A seeded Cortex XSOAR playbook library with 90 days of realistic run history, for <c>agentic-ir playbooks
/// audit</c>: each run is an incident created when its playbook started, with the work plan it left (state, start, the
/// tasks it ran with their integration commands and arguments, sub-playbooks). Commands are those of the content
/// integrations the connectors' xsoar bindings use; automation scripts and built-in commands sit beside them as real
/// playbooks have them. The profiles are those of the Splunk SOAR inventory (<c>samples/soar/README.md</c>, "Playbook
/// inventory"); docs/migration.md (section 1) says what the audit makes of them.</summary>
public static class XsoarPlaybookInventorySeed
{
    /// <summary>Playbooks the seed creates (names as XSOAR shows them), by the profile they were given.</summary>
    public static class Names
    {
        public const string PhishingInvestigation = "Phishing Investigation - Custom";
        public const string MalwareContainment = "Malware Containment - Falcon";
        public const string PasswordReset = "Password Reset Request";
        public const string TicketAndNotify = "Open Ticket and Notify";
        public const string CloudChangeTicket = "Cloud Change Ticket";
        public const string GeoBlock = "Geo Block Address";
        public const string VulnScanDigest = "Vulnerability Scan Digest";
        public const string LegacySandbox = "Legacy Sandbox Detonation";
        public const string InsiderThreatReview = "Insider Threat Review";
        public const string UnusedDraft = "Unused Draft";
        public const string DeprecatedTriage = "Deprecated Triage";
    }

    /// <summary>Seeds the library and the runs with times relative to <paramref name="now"/>.</summary>
    public static void Seed(XsoarSimulator simulator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var seeder = new Seeder(simulator, now);

        // Investigation and response: enrichment from two integrations (in a sub-playbook, as content playbooks do),
        // containment only when the findings call for it.
        seeder.Spread(Names.PhishingInvestigation, "Phishing", 60, 90, i => i % 12 == 5 ? "failed" : "completed", i => (i % 3) switch
        {
            0 => [Task.ParseEmail, Enrichment(Task.UrlReputation, Task.UserLookup), Task.RevokeSessions, Task.Close],
            1 => [Task.ParseEmail, Enrichment(Task.UrlReputation, Task.UserLookup), Task.Close],
            _ => [Task.ParseEmail, Enrichment(Task.UrlReputation, Task.UserLookup), Task.BlockUrl, Task.RevokeSessions, Task.Close],
        });
        seeder.Run(Names.PhishingInvestigation, "Phishing", now.AddMinutes(-3), "waiting", [Task.ParseEmail, Enrichment(Task.UrlReputation, Task.UserLookup), Task.Approval]);
        seeder.Run(Names.PhishingInvestigation, "Phishing", now.AddDays(-100), "completed", [Enrichment(Task.UrlReputation, Task.UserLookup)]); // before the window
        seeder.Spread(Names.MalwareContainment, "Malware", 36, 90, i => i % 12 == 0 ? "failed" : "completed",
            i => i % 2 == 0 ? [Task.FileReputation, Task.HuntHash, Task.IsolateHost] : [Task.FileReputation, Task.HuntHash]);

        // Simple deterministic automation: the same one or two commands on every run (scripts and built-ins beside them).
        seeder.Spread(Names.PasswordReset, "Account Request", 30, 90, _ => "completed", _ => [Task.SetOwner, Task.ResetPassword, Task.Close]);
        seeder.Spread(Names.TicketAndNotify, "Generic", 45, 90, i => i == 7 ? "failed" : "completed", _ => [Task.CreateTicket, Task.Notify]);

        // Boundaries: exactly 5 runs a month (15 in 90 days) and exactly 50% success are not retired.
        seeder.Spread(Names.CloudChangeTicket, "AWS CloudTrail", 15, 90, _ => "completed", _ => [Task.CreateTicket]);
        seeder.Spread(Names.GeoBlock, "Network", 20, 90, i => i % 2 == 0 ? "completed" : "failed", _ => [Task.BlockIp]);

        // Retire: too rare, failing too often, rare even though it investigates, never run; one deprecated.
        seeder.Spread(Names.VulnScanDigest, "Vulnerability", 3, 90, _ => "completed", _ => [Task.Notify]);
        seeder.Spread(Names.LegacySandbox, "Malware", 20, 90, i => i < 9 ? "completed" : "failed", _ => [Task.FileReputation, Task.Detonate]);
        seeder.Spread(Names.InsiderThreatReview, "Identity", 6, 90, _ => "completed",
            i => i % 2 == 0 ? [Task.UserLookup, Task.IpReputation, Task.DisableAccount] : [Task.UserLookup, Task.IpReputation]);
        simulator.AddLibraryPlaybook(Id(Names.UnusedDraft), Names.UnusedDraft);
        simulator.AddLibraryPlaybook(Id(Names.DeprecatedTriage), Names.DeprecatedTriage, deprecated: true);
    }

    /// <summary>The playbook's id in the library: content-style, distinct from its name.</summary>
    public static string Id(string name) => name.ToLowerInvariant().Replace(' ', '_').Replace("_-_", "_", StringComparison.Ordinal);

    private static XsoarHistoricalTask Enrichment(params XsoarHistoricalTask[] tasks) =>
        new("Entity Enrichment - Generic v3", null) { SubPlaybook = "Entity Enrichment - Generic v3", SubTasks = tasks };

    private sealed class Seeder(XsoarSimulator simulator, DateTimeOffset now)
    {
        private readonly HashSet<string> _added = new(StringComparer.Ordinal);

        /// <summary><paramref name="count"/> runs spread evenly over the last <paramref name="days"/> days, all inside them.</summary>
        public void Spread(string playbook, string type, int count, int days, Func<int, string> state, Func<int, IReadOnlyList<XsoarHistoricalTask>> tasks)
        {
            var gap = TimeSpan.FromDays(days) / count;
            for (var i = 0; i < count; i++) Run(playbook, type, now - gap * (i + 0.5), state(i), tasks(i));
        }

        public void Run(string playbook, string type, DateTimeOffset start, string state, IReadOnlyList<XsoarHistoricalTask> tasks)
        {
            if (_added.Add(playbook)) simulator.AddLibraryPlaybook(Id(playbook), playbook);
            // A failed run stops at an error in its last command; the tasks before it ran.
            var ran = state == "failed" && tasks.Count > 0 ? [.. tasks.Take(tasks.Count - 1), Failing(tasks[^1])] : tasks;
            simulator.AddHistoricalRun(new XsoarHistoricalRun
            {
                PlaybookId = Id(playbook),
                IncidentType = type,
                Start = start,
                State = state,
                Duration = TimeSpan.FromSeconds(40 + (25 * tasks.Count)),
                Tasks = ran,
            });
        }

        private static XsoarHistoricalTask Failing(XsoarHistoricalTask task) => task.SubTasks.Count == 0
            ? task with { State = "Error" }
            : task with { State = "Error", SubTasks = [.. task.SubTasks.Take(task.SubTasks.Count - 1), task.SubTasks[^1] with { State = "Error" }] };
    }

    private static class Task
    {
        public static XsoarHistoricalTask UrlReputation { get; } = Command("Check URL reputation", "VirusTotal (API v3)|||url", ("url", "${URL.Data}"));
        public static XsoarHistoricalTask IpReputation { get; } = Command("Check IP reputation", "VirusTotal (API v3)|||ip", ("ip", "${IP.Address}"));
        public static XsoarHistoricalTask FileReputation { get; } = Command("Check file reputation", "VirusTotal (API v3)|||file", ("file", "${File.SHA256}"));
        public static XsoarHistoricalTask Detonate { get; } = Command("Detonate in the sandbox", "Cuckoo Sandbox|||cuckoo-create-task-from-url", ("url", "${URL.Data}"));
        public static XsoarHistoricalTask UserLookup { get; } = Command("Get the user from AD", "Active Directory Query v2|||ad-get-user", ("username", "${Account.Username}"));
        public static XsoarHistoricalTask HuntHash { get; } = Command("Hosts that saw the hash", "CrowdstrikeFalcon|||cs-falcon-device-count-ioc", ("type", "sha256"), ("value", "${File.SHA256}"));
        public static XsoarHistoricalTask IsolateHost { get; } = Command("Contain the host", "CrowdstrikeFalcon|||cs-falcon-contain-host", ("ids", "${Endpoint.ID}"));
        public static XsoarHistoricalTask BlockUrl { get; } = Command("Block the URL", "Panorama|||pan-os-edit-custom-url-category", ("name", "Phishing-Blocked"), ("action", "add"), ("sites", "${URL.Data}"));
        public static XsoarHistoricalTask BlockIp { get; } = Command("Tag the address for the block rule", "Panorama|||pan-os-register-ip-tag", ("tag", "geo-blocked"), ("IPs", "${IP.Address}"));
        public static XsoarHistoricalTask RevokeSessions { get; } = Command("Revoke the user's sessions", "Microsoft Graph User|||msgraph-user-session-revoke", ("user", "${Account.Email}"));
        public static XsoarHistoricalTask ResetPassword { get; } = Command("Expire the password", "Active Directory Query v2|||ad-expire-password", ("username", "${incident.username}"));
        public static XsoarHistoricalTask DisableAccount { get; } = Command("Disable the account", "Active Directory Query v2|||ad-disable-account", ("username", "${Account.Username}"));
        public static XsoarHistoricalTask CreateTicket { get; } = Command("Open a ServiceNow ticket", "ServiceNow v2|||servicenow-create-ticket", ("ticket_type", "incident"), ("short_description", "${incident.name}"));
        public static XsoarHistoricalTask Notify { get; } = Command("Mail the SOC", "Mail Sender (New)|||send-mail", ("to", "soc@corp-example.com"), ("subject", "${incident.name}"));
        public static XsoarHistoricalTask ParseEmail { get; } = new("Parse the reported mail", "ParseEmailFilesV2");
        public static XsoarHistoricalTask SetOwner { get; } = Command("Assign to the helpdesk", "Builtin|||setIncident", ("owner", "helpdesk"));
        public static XsoarHistoricalTask Close { get; } = Command("Close the incident", "Builtin|||closeInvestigation", ("closeReason", "Resolved"));
        public static XsoarHistoricalTask Approval { get; } = new("Approve containment", null) { State = "Waiting" };

        private static XsoarHistoricalTask Command(string name, string scriptId, params (string Key, string Value)[] arguments) =>
            new(name, scriptId) { Arguments = arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal) };
    }
}
