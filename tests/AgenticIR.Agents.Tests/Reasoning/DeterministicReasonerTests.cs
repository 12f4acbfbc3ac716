using AgenticIR.Agents.Reasoning;
using AgenticIR.Agents.Tests.Support;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Tests.Reasoning;

public sealed class DeterministicReasonerTests
{
    private static InvestigationContext Context() => new()
    {
        Investigation = Scenarios.Phishing().Record(), Steps = [], Findings = [], Known = [], Confidence = 0,
    };

    [Fact]
    public async Task ChooseNextStepAsync_PicksHighestPriorityWithItsReason()
    {
        var user = new Observable(ObservableType.User, "kpatel");
        StepChoice[] candidates = [new("identity_lookup", user, "who", 0.6), new("sign_in_history", user, "where", 0.9), new("alert_history", user, "seen", 0.35)];

        var choice = await new DeterministicReasoner().ChooseNextStepAsync(Context(), candidates, TestContext.Current.CancellationToken);

        Assert.Equal(("sign_in_history", "where"), (choice?.Tool, choice?.Reason));
    }

    [Fact]
    public async Task ChooseNextStepAsync_AllBelowFloor_Concludes()
    {
        StepChoice[] candidates = [new("alert_history", new Observable(ObservableType.Host, "h"), "weak", PivotRules.Floor - 0.01)];

        Assert.Null(await new DeterministicReasoner().ChooseNextStepAsync(Context(), candidates, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Pivots_MaliciousDomain_MailboxSearchOutranksEveryOpeningStep()
    {
        var sweep = PivotRules.Pivots.Single(r => r.WhenKind == "malicious_domain" && r.Tool == "mailbox_search");

        Assert.True(sweep.Priority > 0.9);
        Assert.All(Enum.GetValues<ObservableType>(), t =>
            Assert.True(PivotRules.Opening("threat_intel_lookup", new Observable(t, "x"), AlertFamily.Phishing).Priority < sweep.Priority));
    }
}
