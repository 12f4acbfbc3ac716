using AgenticIR.Agents.Response;
using AgenticIR.Agents.Tests.Support;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Agents.Tests.Response;

/// <summary>Where an observable came from decides what may be done to it; the organization section keeps plans off us,
/// our partners and consumer mail providers.</summary>
public sealed class ResponsePlannerProvenanceTests
{
    private static readonly Organization Corp = new(["corp.example"], ["10.0.0.0/8"], ["supplier.example"], ["gmail.com"]);

    private static ResponsePlan Plan(Scenario scenario) =>
        new ResponsePlanner(TestCatalog.Standard(), (TestPolicies.Default() with { Organization = Corp }).Provider()).Plan(scenario.Build());

    private static Observable FreeText(ObservableType type, string value) => new(type, value, "free_text") { Origin = ObservableOrigin.FreeText };

    private static Scenario PhishingWith(params Observable[] extra) => new Scenario()
        .WithAlert(Alerts.Phishing() with { Observables = [.. Alerts.Phishing().Observables, .. extra] })
        .WithTriage(Severity.High, InvestigationPath.Assisted);

    [Fact]
    public void Plan_MaliciousDomainFoundOnlyInFreeText_IsNeverATarget()
    {
        var smuggled = FreeText(ObservableType.Domain, "victim-partner.example");
        var plan = Plan(PhishingWith(smuggled).WithFinding(Findings.Of("F1", "malicious_domain", smuggled)));

        Assert.DoesNotContain(plan.Actions, a => a.Target.Value == smuggled.Value);
        Assert.Contains(plan.Notes, n => n.Contains("victim-partner.example", StringComparison.Ordinal) && n.Contains("free text", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_FindingAboutFreeText_JustifiesNoContainmentEvenOnAnEntity()
    {
        var plan = Plan(PhishingWith().WithFinding(Findings.Of("F1", "malicious_domain", new Observable(ObservableType.Domain, Alerts.Domain)) with { AboutFreeText = true }));

        Assert.DoesNotContain(plan.Actions, a => a.Kind is ActionKind.Containment or ActionKind.Eradication);
    }

    [Fact]
    public void Plan_InternalAddressInFreeText_NeverIsolatedAsAHost()
    {
        var dc = FreeText(ObservableType.Ipv4, "10.10.1.10");
        var scenario = new Scenario()
            .WithAlert(Alerts.Beacon() with { Observables = [new(ObservableType.Ipv4, "185.220.101.4", "destination"), dc] })
            .WithTriage(Severity.High, InvestigationPath.Assisted)
            .WithFinding(Findings.Of("F1", "c2_communication", new Observable(ObservableType.Ipv4, "185.220.101.4")));

        var plan = Plan(scenario);

        Assert.Contains(plan.Actions, a => a.LogicalAction == "block_ip" && a.Target.Value == "185.220.101.4");
        Assert.DoesNotContain(plan.Actions, a => a.LogicalAction == "isolate_endpoint");
    }

    [Fact]
    public void Plan_MalwareOnAHostTheAlertIsNotAbout_DoesNotIsolateThatHost()
    {
        var otherHost = new Observable(ObservableType.Host, "corp-dc01");
        var scenario = new Scenario().WithAlert(Alerts.Beacon()).WithTriage(Severity.High, InvestigationPath.Assisted)
            .WithFinding(Findings.Of("F1", "malware_execution", otherHost));

        var plan = Plan(scenario);

        Assert.DoesNotContain(plan.Actions, a => a.LogicalAction == "isolate_endpoint" && a.Target.Value == "corp-dc01");
    }

    [Theory]
    [InlineData("helpdesk@corp.example", "our own domain")]
    [InlineData("billing@supplier.example", "partner domain")]
    [InlineData("ceo.private@gmail.com", "consumer mail provider")]
    public void Plan_MaliciousSenderAtProtectedDomain_NeverBlocksTheDomain(string sender, string reason)
    {
        var from = new Observable(ObservableType.Email, sender, "sender");
        var domain = sender[(sender.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var scenario = new Scenario()
            .WithAlert(Alerts.Phishing() with { Observables = [from, new(ObservableType.Email, Alerts.Victim, "recipient"), new(ObservableType.Domain, domain)] })
            .WithTriage(Severity.High, InvestigationPath.Assisted)
            .WithFinding(Findings.Of("F1", "malicious_sender", from))
            .WithFinding(Findings.Of("F2", "malicious_domain", new Observable(ObservableType.Domain, domain)));

        var plan = Plan(scenario);

        Assert.DoesNotContain(plan.Actions, a => a.LogicalAction == "block_domain");
        Assert.Contains(plan.Notes, n => n.Contains(domain, StringComparison.Ordinal) && n.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_AddressInOurNetworks_NeverBlocked()
    {
        var scenario = new Scenario().WithAlert(Alerts.Beacon()).WithTriage(Severity.High, InvestigationPath.Assisted)
            .WithFinding(Findings.Of("F1", "malicious_ip", new Observable(ObservableType.Ipv4, "10.20.30.40")));

        Assert.DoesNotContain(Plan(scenario).Actions, a => a.LogicalAction == "block_ip");
    }
}
