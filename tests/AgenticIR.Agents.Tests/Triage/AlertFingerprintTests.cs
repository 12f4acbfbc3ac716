using AgenticIR.Agents.Tests.Support;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Tests.Triage;

public sealed class AlertFingerprintTests
{
    private static NormalizedAlert FromSplunk(string host = "FIN-WS-014.corp.local", string user = @"CORP\kpatel") => new AlertBuilder()
        .Id("notable-1").Format("splunk_notable").Title("Phishing link clicked").Rule("Email - Phishing URL Clicked - Rule").Category("phishing")
        .Severity(Severity.High).At("2026-11-19T15:14:00Z")
        .With(ObservableType.Host, host).With(ObservableType.User, user)
        .With(ObservableType.Url, "https://login.evil-login.example/owa/auth?u=kpatel").Build();

    private static NormalizedAlert FromDefender() => new AlertBuilder()
        .Id("da-99").Format("defender").Title("A user clicked a malicious email URL").Category("Phishing")
        .Severity(Severity.Medium).At("2026-11-19T15:20:00Z")
        .With(ObservableType.Domain, "LOGIN.evil-login.example").With(ObservableType.User, "kpatel@corp.example")
        .With(ObservableType.Host, "fin-ws-014").Build();

    [Fact]
    public void Compute_SameIncidentFromTwoProducts_Equal()
    {
        Assert.Equal(AlertFingerprint.Compute(FromSplunk()), AlertFingerprint.Compute(FromDefender()));
    }

    [Fact]
    public void Compute_HostOnlyAlertOnDifferentHost_Differs()
    {
        static NormalizedAlert OnHost(string host) => new AlertBuilder().Title("Beacon").Category("network")
            .With(ObservableType.Host, host).With(ObservableType.Ipv4, "91.240.118.50").Build();
        Assert.NotEqual(AlertFingerprint.Compute(OnHost("FIN-WS-014")), AlertFingerprint.Compute(OnHost("FIN-WS-015")));
    }

    [Fact]
    public void Compute_DifferentUser_Differs()
    {
        Assert.NotEqual(AlertFingerprint.Compute(FromSplunk()), AlertFingerprint.Compute(FromSplunk(user: "jhall")));
    }

    [Fact]
    public void Compute_SameActorDifferentIndicator_Differs()
    {
        var identity = new AlertBuilder().Title("Impossible travel").Category("identity")
            .With(ObservableType.Host, "FIN-WS-014").With(ObservableType.User, "kpatel")
            .With(ObservableType.Ipv4, "91.240.118.172").Build();

        Assert.NotEqual(AlertFingerprint.Compute(FromSplunk()), AlertFingerprint.Compute(identity));
    }

    [Fact]
    public void Describe_ShowsTheNormalizedKey()
    {
        Assert.Equal("v3|phishing|activity|user:kpatel|domain:login.evil-login.example", AlertFingerprint.Describe(FromSplunk()));
    }

    [Fact]
    public void Compute_TwoAlertsWithoutEntities_DifferentRulesStayApart()
    {
        var test = new AlertBuilder().Format("generic").Title("Scheduled test alert").Severity(Severity.Informational).Build();
        var ransomware = new AlertBuilder().Format("generic").Title("Ransomware mass file encryption detected").Severity(Severity.Critical).Build();

        Assert.NotEqual(AlertFingerprint.Compute(test), AlertFingerprint.Compute(ransomware));
    }

    [Fact]
    public void Compute_SameRuleWithoutEntitiesFromAnotherSource_StaysApart()
    {
        var one = new AlertBuilder().Format("generic").Title("Disk almost full").Build();

        Assert.Equal(AlertFingerprint.Compute(one), AlertFingerprint.Compute(new AlertBuilder().Format("generic").Title("Disk  almost FULL").Build()));
        Assert.NotEqual(AlertFingerprint.Compute(one), AlertFingerprint.Compute(new AlertBuilder().Format("ecs").Title("Disk almost full").Build()));
    }

    [Fact]
    public void Compute_ValueOnlyInFreeText_DoesNotChangeTheFingerprint()
    {
        var alert = FromSplunk();
        var smuggled = alert with
        {
            Observables = [.. alert.Observables, new Observable(ObservableType.User, "administrator") { Origin = ObservableOrigin.FreeText }],
        };

        Assert.Equal(AlertFingerprint.Compute(alert), AlertFingerprint.Compute(smuggled));
    }

    [Fact]
    public void Compute_FreeTextAndSweptValues_DoNotSplitOrMergeIncidents()
    {
        var withText = new AlertBuilder()
            .Id("notable-1").Format("splunk_notable").Title("Phishing link clicked").Rule("Email - Phishing URL Clicked - Rule").Category("phishing")
            .With(ObservableType.Host, "FIN-WS-014.corp.local").With(ObservableType.User, @"CORP\kpatel")
            .With(ObservableType.Url, "https://login.evil-login.example/owa/auth?u=kpatel")
            .WithFreeText(ObservableType.Sha256, "f13ac3ca23248dc389507e8fe38c34489ab7edb3e6d6700eb6da6a0b7e128eaf", Observable.PayloadSweepRole)
            .WithFreeText(ObservableType.User, "jhall", "free_text")
            .WithFreeText(ObservableType.Ipv4, "81.2.69.143", "free_text").Build();

        Assert.Equal(AlertFingerprint.Compute(FromSplunk()), AlertFingerprint.Compute(withText));
    }
}
