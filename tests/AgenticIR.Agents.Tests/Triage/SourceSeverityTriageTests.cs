using AgenticIR.Agents.Tests.Support;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Tests.Triage;

/// <summary>The source's own severity is an explicit part of triage; unknown context is unknown, not benign.</summary>
public sealed class SourceSeverityTriageTests : IDisposable
{
    private readonly ContextFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static AlertBuilder UnknownHostDetection(Severity vendor) => new AlertBuilder()
        .Id("EDR-9").Title("Ransomware behaviour detected").Rule("Mass file encryption").Category("malware")
        .Severity(vendor).At("2026-11-19T15:20:00Z")
        .With(ObservableType.Host, "WS-NOT-IN-INVENTORY", "host");

    [Theory]
    [InlineData(Severity.High, Severity.High)]
    [InlineData(Severity.Critical, Severity.High)]
    [InlineData(Severity.Medium, Severity.Medium)]
    public async Task TriageAsync_VendorSeverityOnUnknownAsset_NotBelowThePolicyFloor(Severity vendor, Severity floor)
    {
        var result = await AgentFactory.Triage(_fixture.Load()).TriageAsync(UnknownHostDetection(vendor).Record(), TestContext.Current.CancellationToken);

        Assert.True(result.Severity >= floor, $"{result.Severity} for vendor {vendor}");
        Assert.Equal(vendor, result.SourceSeverity);
        Assert.Contains("unknown, not benign", result.SourceSeverityNote, StringComparison.Ordinal);
        Assert.Contains("Severity versus source", result.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriageAsync_VendorHighWithBenignEvidence_LoweredAndSaysWhy()
    {
        var alert = Scenarios.BenignAdminLogin().Severity(Severity.High).Record();

        var result = await AgentFactory.Triage(_fixture.Load()).TriageAsync(alert, TestContext.Current.CancellationToken);

        Assert.True(result.Severity <= Severity.Low, result.Severity.ToString());
        Assert.Contains("benign evidence", result.SourceSeverityNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriageAsync_MaliciousIndicatorOnlyInFreeText_DoesNotRaiseSeverity()
    {
        var plain = Scenarios.BenignAdminLogin().Build();
        var smuggled = plain with
        {
            Observables = [.. plain.Observables, new Observable(ObservableType.Url, "https://login.evil-login.example/owa/auth?u=kpatel", "free_text") { Origin = ObservableOrigin.FreeText }],
        };
        var triage = AgentFactory.Triage(_fixture.Load());

        var baseline = await triage.TriageAsync(AlertBuilder.RecordOf(plain), TestContext.Current.CancellationToken);
        var hostile = await triage.TriageAsync(AlertBuilder.RecordOf(smuggled), TestContext.Current.CancellationToken);

        Assert.Equal(baseline.Severity, hostile.Severity);
        Assert.Equal(baseline.Score, hostile.Score);
    }
}
