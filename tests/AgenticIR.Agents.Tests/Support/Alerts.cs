using AgenticIR.Core.Alerts;
using static AgenticIR.Core.Alerts.ObservableType;

namespace AgenticIR.Agents.Tests.Support;

internal static class Alerts
{
    public const string Domain = "secure-login-micros0ft.com";
    public const string Url = "https://secure-login-micros0ft.com/owa/login.php";
    public const string Sender = "it-support@secure-login-micros0ft.com";
    public const string Victim = "cfo@corp.example";

    public static NormalizedAlert Phishing(string title = "Credential phishing link delivered to CFO") => new()
    {
        AlertId = "alert-phish-1",
        SourceFormat = "splunk_notable",
        Title = title,
        RuleName = "Phishing URL clicked",
        Category = "phishing",
        SourceSeverity = Severity.High,
        Timestamp = Scenario.T0,
        Product = "Defender for Office 365",
        Observables =
        [
            new(Email, Sender, "sender"),
            new(Email, Victim, "recipient"),
            new(ObservableType.Url, Url),
            new(ObservableType.Domain, Domain),
            new(User, "cfo"),
        ],
        SourceTechniques = ["T1566.002", "T1204.001"],
        Attributes = new Dictionary<string, string> { ["subject"] = "Password expiry", ["action"] = "delivered" },
    };

    public static NormalizedAlert Beacon() => new()
    {
        AlertId = "alert-c2-1",
        SourceFormat = "ecs",
        Title = "Beaconing from finance workstation",
        RuleName = "Periodic HTTPS beacon",
        Category = "network",
        SourceSeverity = Severity.High,
        Timestamp = Scenario.T0,
        Observables = [new(Host, "fin-ws-022"), new(Ipv4, "10.20.30.40", "source"), new(Ipv4, "185.220.101.4", "destination")],
        SourceTechniques = ["T1071.001"],
    };
}
