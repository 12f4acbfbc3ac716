using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;

namespace AgenticIR.Agents.Context;

public sealed partial class LocalContextStore
{
    private readonly Dictionary<string, int> _rowCounts = new(StringComparer.Ordinal);

    /// <summary>
    /// Loads every context file in <paramref name="dataFolder"/>; a missing file is empty.
    /// </summary>
    /// <exception cref="ContextDataException">A row is malformed (names the file and line).</exception>
    public static LocalContextStore Load(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        var store = new LocalContextStore();
        store.LoadAssets(Path.Combine(dataFolder, "assets.csv"));
        store.LoadIdentities(Path.Combine(dataFolder, "identities.csv"));
        store.LoadIndicators(Path.Combine(dataFolder, "threat_intel.csv"));
        store.LoadHistory(Path.Combine(dataFolder, "alert_history.csv"));
        store.LoadSignIns(Path.Combine(dataFolder, "sign_ins.csv"));
        store.LoadMail(Path.Combine(dataFolder, "mail_trace.csv"));
        store.LoadEndpoint(Path.Combine(dataFolder, "endpoint_events.csv"));
        store.LoadCloud(Path.Combine(dataFolder, "cloud_audit.csv"));
        return store;
    }

    private static List<T> ReadAll<T>(string path, string[] columns, Func<CsvRow, T> map) => CsvTable.Read(path, columns).Select(map).ToList();

    private void Count(string path, int rows) => _rowCounts[Path.GetFileName(path)] = rows;

    private void LoadAssets(string path)
    {
        var rows = ReadAll(path, ["hostname", "ip", "criticality", "owner", "business_service", "role", "os"], r => new AssetRecord
        {
            Hostname = r.Required("hostname"),
            Ip = r.Optional("ip"),
            Criticality = r.OneOf("criticality", "critical", "high", "medium", "low"),
            Owner = r.Optional("owner"),
            BusinessService = r.Optional("business_service"),
            Role = r.Optional("role"),
            Os = r.Optional("os"),
        });
        foreach (var a in rows)
        {
            _assets[ContextKeys.Host(a.Hostname)] = a;
            _assets[a.Hostname] = a;
            if (a.Ip is not null) _assets[a.Ip] = a;
        }
        Count(path, rows.Count);
    }

    private void LoadIdentities(string path)
    {
        var rows = ReadAll(path, ["user", "email", "display_name", "department", "role", "privileged", "usual_countries", "manager"], r => new IdentityRecord
        {
            User = r.Required("user"),
            Email = r.Optional("email"),
            DisplayName = r.Optional("display_name"),
            Department = r.Optional("department"),
            Role = r.Optional("role"),
            Privileged = r.Boolean("privileged"),
            UsualCountries = r.List("usual_countries").Select(c => c.ToUpperInvariant()).ToList(),
            Manager = r.Optional("manager"),
        });
        foreach (var i in rows)
        {
            _identities[i.User] = i;
            _identities[ContextKeys.User(i.User)] = i;
            if (i.Email is not null) _identities.TryAdd(i.Email, i);
        }
        Count(path, rows.Count);
    }

    private void LoadIndicators(string path)
    {
        var rows = ReadAll(path, ["type", "value", "verdict", "confidence", "campaign", "source", "first_seen"], r => new ThreatIndicator
        {
            Type = r.ObservableType("type"),
            Value = r.Required("value"),
            Verdict = r.OneOf("verdict", "malicious", "suspicious", "benign"),
            Confidence = r.Probability("confidence"),
            Campaign = r.Optional("campaign"),
            Source = r.Optional("source"),
        });
        foreach (var t in rows)
        {
            var key = new Observable(t.Type, t.Value).Key;
            // Two feeds may list one value: keep the stronger opinion.
            if (!_indicators.TryGetValue(key, out var existing) || existing.Confidence < t.Confidence) _indicators[key] = t;
            if (t.Type == ObservableType.Url) _indicators.TryAdd("url:" + ContextKeys.UrlWithoutQuery(t.Value), t);
        }
        Count(path, rows.Count);
    }

    private void LoadHistory(string path)
    {
        var rows = ReadAll(path, ["timestamp", "alert_id", "rule_name", "severity", "disposition", "observable_type", "observable_value"], r => new HistoricalAlert
        {
            Timestamp = r.Timestamp("timestamp"),
            AlertId = r.Required("alert_id"),
            RuleName = r.Required("rule_name"),
            Severity = r.Severity("severity"),
            Disposition = r.OneOf("disposition", "true_positive", "false_positive", "benign", "open"),
            Observable = new Observable(r.ObservableType("observable_type"), r.Required("observable_value")),
        }).OrderBy(h => h.Timestamp).ToList();
        foreach (var h in rows)
        {
            var o = h.Observable;
            var key = o.Type switch
            {
                ObservableType.Host => "host:" + ContextKeys.Host(o.Value),
                ObservableType.User => "user:" + ContextKeys.User(o.Value),
                _ => o.Key,
            };
            _historyByObservable.Add(key, h);
            if (o.Type == ObservableType.Email) _historyByObservable.Add("user:" + ContextKeys.User(o.Value), h);
            _historyByRule.Add(h.RuleName, h);
        }
        Count(path, rows.Count);
    }

    private void LoadSignIns(string path)
    {
        var rows = ReadAll(path, ["timestamp", "user", "src_ip", "country", "city", "host", "app", "result"], r => new SignInEvent(
            r.Timestamp("timestamp"), r.Required("user"), r.Required("src_ip"), r.Required("country").ToUpperInvariant(),
            r.Optional("city"), r.Optional("host"), r.Optional("app"), r.OneOf("result", "success", "failure") == "success"))
            .OrderBy(s => s.Timestamp).ToList();
        foreach (var s in rows)
        {
            _signInsByUser.Add(ContextKeys.User(s.User), s);
            _signInsByIp.Add(s.SourceIp, s);
        }
        Count(path, rows.Count);
    }

    private void LoadMail(string path)
    {
        var rows = ReadAll(path, ["timestamp", "message_id", "sender", "recipient", "subject", "url_domains", "attachment_sha256", "delivery"], r => new MailMessage
        {
            Timestamp = r.Timestamp("timestamp"),
            MessageId = r.Required("message_id"),
            Sender = r.Required("sender"),
            Recipient = r.Required("recipient"),
            Subject = r.Optional("subject"),
            UrlDomains = r.List("url_domains"),
            AttachmentSha256 = r.Optional("attachment_sha256"),
            Delivery = r.OneOf("delivery", "delivered", "quarantined", "blocked"),
        }).OrderBy(m => m.Timestamp).ToList();
        foreach (var m in rows)
        {
            // A link on login.evil.com is also a message "with domain" evil.com.
            foreach (var d in m.UrlDomains.SelectMany(ContextKeys.DomainAndParents).Distinct()) _mailByDomain.Add(d, m);
            _mailBySender.Add(m.Sender, m);
            _mailByAttachment.Add(m.AttachmentSha256, m);
        }
        Count(path, rows.Count);
    }

    private void LoadEndpoint(string path)
    {
        var rows = ReadAll(path, ["timestamp", "host", "user", "process", "command_line", "sha256", "parent_process", "remote_ip"], r => new EndpointEvent
        {
            Timestamp = r.Timestamp("timestamp"),
            Host = r.Required("host"),
            User = r.Optional("user"),
            Process = r.Required("process"),
            CommandLine = r.Optional("command_line"),
            Sha256 = r.Optional("sha256"),
            ParentProcess = r.Optional("parent_process"),
            RemoteIp = r.Optional("remote_ip"),
        }).OrderBy(e => e.Timestamp).ToList();
        foreach (var e in rows)
        {
            _eventsByHost.Add(ContextKeys.Host(e.Host), e);
            _eventsByHash.Add(e.Sha256, e);
            _eventsByRemoteIp.Add(e.RemoteIp, e);
        }
        Count(path, rows.Count);
    }

    private void LoadCloud(string path)
    {
        var rows = ReadAll(path, ["timestamp", "principal", "action", "resource", "src_ip", "region", "result"], r => new CloudAuditEvent(
            r.Timestamp("timestamp"), r.Required("principal"), r.Required("action"), r.Required("resource"),
            r.Optional("src_ip"), r.Optional("region"), r.OneOf("result", "success", "failure")))
            .OrderBy(c => c.Timestamp).ToList();
        foreach (var c in rows)
        {
            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { c.Principal };
            if (c.Resource != "*") keys.UnionWith(ContextKeys.CloudResource(c.Resource));
            foreach (var k in keys) _cloudByKey.Add(k, c);
        }
        Count(path, rows.Count);
    }
}
