using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Tests.Support;

/// <summary>The alerts the fixture's stories produce.</summary>
public static class Scenarios
{
    /// <summary>kpatel reports the ORBIT-HARVEST lure; its link's domain is in TI and reached two other mailboxes.</summary>
    public static AlertBuilder Phishing() => new AlertBuilder()
        .Id("PH-1").Title("User reported phishing: mailbox storage full").Rule("User Reported Phishing").Category("phishing")
        .Severity(Severity.Medium).At("2026-11-19T15:12:00Z")
        .With(ObservableType.Url, "https://login.evil-login.example/owa/auth?u=kpatel", "url")
        .With(ObservableType.Email, "it-desk@notice.example", "sender")
        .With(ObservableType.Email, "kpatel@corp.example", "recipient");

    /// <summary>kpatel signs in from Moscow 80 minutes after Schaumburg.</summary>
    public static AlertBuilder RiskySignIn() => new AlertBuilder()
        .Id("ID-1").Title("Atypical travel for kpatel").Rule("Impossible Travel").Category("identity")
        .Severity(Severity.Medium).At("2026-11-19T15:20:00Z").Attribute("country", "RU")
        .With(ObservableType.User, "kpatel")
        .With(ObservableType.Ipv4, "45.155.205.233", "source");

    /// <summary>The domain admin's routine US sign-in that the rule flags every few days.</summary>
    public static AlertBuilder BenignAdminLogin() => new AlertBuilder()
        .Id("ADM-1").Title("Privileged account sign-in").Rule("Privileged Account Login").Category("identity")
        .Severity(Severity.Low).At("2026-11-18T13:55:00Z").Attribute("country", "US")
        .With(ObservableType.User, "adm_jwilson")
        .With(ObservableType.Ipv4, "73.110.62.5", "source");
}
