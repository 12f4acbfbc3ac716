using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Tests.Support;

internal static class Findings
{
    public static Finding Of(string id, string kind, Observable? subject, Verdict verdict = Verdict.Malicious, double confidence = 0.9,
        IReadOnlyList<Observable>? discovered = null, IReadOnlyList<string>? techniques = null, string? title = null) => new()
    {
        Id = id,
        Title = title ?? $"{kind} finding",
        Verdict = verdict,
        Confidence = confidence,
        Subject = subject,
        Discovered = discovered ?? [],
        Evidence = $"evidence for {id}",
        Tool = "test_tool",
        Techniques = techniques ?? [],
        Kind = kind,
        ObservedAt = Scenario.T0.AddMinutes(-5),
    };
}
