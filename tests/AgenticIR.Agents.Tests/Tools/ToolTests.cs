using AgenticIR.Agents.Tests.Support;
using AgenticIR.Agents.Tools;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Tests.Tools;

public sealed class ToolTests : IDisposable
{
    private readonly ContextFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static InvestigationContext Context(AlertBuilder alert) => new()
    {
        Investigation = alert.Record(), Steps = [], Findings = [], Known = [], Confidence = 0,
    };

    private async Task<ToolResult> Run(string tool, Observable subject, AlertBuilder alert) =>
        await ToolRegistry.CreateDefault(_fixture.Load()).Find(tool)!.RunAsync(subject, Context(alert), TestContext.Current.CancellationToken);

    [Fact]
    public async Task SignInHistory_TwoCountriesWithinTwoHours_ImpossibleTravelAndCompromise()
    {
        var result = await Run(ToolNames.SignInHistory, new Observable(ObservableType.User, "kpatel"), Scenarios.RiskySignIn());

        var travel = Assert.Single(result.Findings, f => f.Kind == FindingKinds.ImpossibleTravel);
        Assert.Contains("US then RU", travel.Title, StringComparison.Ordinal);
        var compromised = Assert.Single(result.Findings, f => f.Kind == FindingKinds.CompromisedAccount);
        Assert.Contains("45.155.205.233 malicious", compromised.Evidence, StringComparison.Ordinal);
        Assert.Contains(new Observable(ObservableType.Ipv4, "45.155.205.233"), compromised.Discovered);
    }

    [Fact]
    public async Task MailboxSearch_Domain_DiscoversOnlyOtherDeliveredRecipients()
    {
        var result = await Run(ToolNames.MailboxSearch, new Observable(ObservableType.Domain, "evil-login.example"), Scenarios.Phishing());

        var lure = Assert.Single(result.Findings);
        Assert.Equal(FindingKinds.LureDelivered, lure.Kind);
        Assert.Equal("Lure delivered to 2 other mailbox(es)", lure.Title);
        Assert.Equal(["gbaker@corp.example", "lnguyen@corp.example"], lure.Discovered.Where(d => d.Role == "recipient").Select(d => d.Value).Order());
    }

    [Fact]
    public void Registry_For_ListsToolsAcceptingType()
    {
        var registry = ToolRegistry.CreateDefault(_fixture.Load());

        Assert.Equal(
            [ToolNames.ThreatIntel, ToolNames.Asset, ToolNames.AlertHistory, ToolNames.IpSignInActivity, ToolNames.IpConnections],
            registry.For(ObservableType.Ipv4).Select(t => t.Name));
    }

    [Theory]
    [InlineData("powershell.exe", "powershell.exe -nop -w hidden -enc JAB1AD0AJwBoAHQAdABwADoALwAvADkAMQA=", FindingKinds.SuspiciousProcess, "T1059.001")]
    [InlineData("PsExec64.exe", @"PsExec64.exe \\FIN-DB01 -accepteula -s cmd.exe", FindingKinds.LateralMovement, "T1569.002")]
    [InlineData("WMIC.exe", "wmic /node:CORP-FS01 process call create cmd.exe", FindingKinds.LateralMovement, "T1047")]
    [InlineData("schtasks.exe", "schtasks.exe /create /tn x /tr c:\\x.exe /sc onlogon", FindingKinds.Persistence, "T1053.005")]
    [InlineData("reg.exe", @"reg.exe add ""HKCU\Software\Microsoft\Windows\CurrentVersion\Run"" /v x", FindingKinds.Persistence, "T1547.001")]
    public void ProcessPatterns_KnownShapes_Flagged(string process, string commandLine, string kind, string technique)
    {
        var hit = ProcessPatterns.Match(process, commandLine).First();

        Assert.Equal((kind, technique), (hit.Kind, hit.Technique));
    }

    [Fact]
    public void ProcessPatterns_OrdinaryCommand_NotFlagged()
    {
        Assert.Empty(ProcessPatterns.Match("vssadmin.exe", "vssadmin.exe create shadow /for=D: /autoretry=3"));
    }
}
