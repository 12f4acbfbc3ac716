using AgenticIR.Core.Shadow;
using AgenticIR.Soar.SplunkSoar.Shadow;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.Shadow;

public sealed class ShadowReportTests
{
    private static ShadowComparison C(string playbook, string severity, bool? sev, bool? disp, double overlap, int extra, double? agent, double? pb, bool final = true) => new()
    {
        Instance = "prod", ContainerId = Guid.NewGuid().ToString("N"), InvestigationId = "inv", Playbook = playbook,
        AgentSeverity = severity, SeverityAgreement = sev, AgentDisposition = "true_positive", DispositionAgreement = disp,
        ActionOverlap = overlap, ExtraFindings = [.. Enumerable.Range(1, extra).Select(i => $"F{i}")],
        AgentDecisionSeconds = agent, PlaybookDecisionSeconds = pb, Final = final, ObservedAt = T0,
    };

    [Fact]
    public void Summarize_ByPlaybookAndSeverity_WithTotals()
    {
        var rows = ShadowReport.Summarize(
        [
            C("phishing", "medium", true, true, 1.0, 0, 10, 300),
            C("phishing", "high", true, false, 0.5, 2, 20, 100),
            C("phishing", "high", false, null, 0.0, 1, 40, 200, final: false),
            C("phishing", "high", null, true, 0.25, 0, null, 600),
            C("malware", "critical", true, true, 1.0, 3, 5, null),
        ]);

        Assert.Equal(
        [
            new ShadowReportRow("malware", "critical", 1, 1, 100, 100, 1.0, 3, 5, null),
            new ShadowReportRow("malware", "*", 1, 1, 100, 100, 1.0, 3, 5, null),
            new ShadowReportRow("phishing", "high", 3, 2, 50, 50, 0.25, 3, 30, 200),
            new ShadowReportRow("phishing", "medium", 1, 1, 100, 100, 1.0, 0, 10, 300),
            new ShadowReportRow("phishing", "*", 4, 3, 100.0 * 2 / 3, 100.0 * 2 / 3, 0.4375, 3, 20, 250),
            new ShadowReportRow("*", "*", 5, 4, 75, 75, 0.55, 6, 15, 250),
        ], rows);
    }

    [Fact]
    public void Summarize_Nothing_NoRows() => Assert.Empty(ShadowReport.Summarize([]));
}
