using AgenticIR.Agents.Investigation;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Tests.Investigation;

public sealed class ConfidenceModelTests
{
    private static Finding F(string tool, Verdict verdict, double confidence, ObservableType type, string value) => new()
    {
        Id = "F",
        Title = "t",
        Verdict = verdict,
        Confidence = confidence,
        Subject = new Observable(type, value),
        Evidence = "e",
        Tool = tool,
    };

    [Fact]
    public void Assess_BenignFindingAboutAnotherSubject_DoesNotLowerMaliciousConfidence()
    {
        List<Finding> bad = [F("threat_intel_lookup", Verdict.Malicious, 0.9, ObservableType.Domain, "evil.example"),
            F("mailbox_search", Verdict.Malicious, 0.9, ObservableType.Domain, "evil.example")];
        var withContext = bad.Append(F("sign_in_history", Verdict.Benign, 0.7, ObservableType.User, "kpatel")).ToList();

        Assert.Equal(ConfidenceModel.Assess(bad), ConfidenceModel.Assess(withContext));
    }

    [Fact]
    public void Assess_BenignFindingAboutTheSameSubject_LowersMaliciousConfidence()
    {
        List<Finding> bad = [F("threat_intel_lookup", Verdict.Malicious, 0.9, ObservableType.Domain, "evil.example"),
            F("mailbox_search", Verdict.Malicious, 0.9, ObservableType.Domain, "evil.example")];
        var contradicted = bad.Append(F("alert_history", Verdict.Benign, 0.8, ObservableType.Domain, "EVIL.example")).ToList();

        Assert.True(ConfidenceModel.Assess(contradicted) < ConfidenceModel.Assess(bad));
    }
}
