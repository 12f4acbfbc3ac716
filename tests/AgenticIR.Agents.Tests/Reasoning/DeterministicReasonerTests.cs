using AgenticIR.Agents.Reasoning;
using AgenticIR.Agents.Tools;
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

    [Fact]
    public void Candidates_ValuesSweptFromThePayload_LookedUpAfterTheAlertsEntities()
    {
        using var fixture = new ContextFixture();
        var tools = ToolRegistry.CreateDefault(fixture.Load());
        var user = new Observable(ObservableType.User, "kpatel", "recipient");
        var declared = new Observable(ObservableType.Md5, "af400f1e0f1f2ce5d694eddba27ad9ee", "attachment");
        var swept = new Observable(ObservableType.Md5, "f431b0a1a8744d2a8a92fc88fa3c13bc", Observable.PayloadSweepRole) { Origin = ObservableOrigin.FreeText };
        Observable[] own = [user, declared, swept];

        var candidates = PivotRules.Candidates(own, own, [], new HashSet<string>(), tools, AlertFamily.Phishing, []);

        var sweptBest = candidates.Where(c => c.Subject.Equals(swept)).Max(c => c.Priority);
        Assert.True(candidates.Where(c => c.Subject.Equals(declared)).Max(c => c.Priority) > sweptBest);
        Assert.True(candidates.Where(c => c.Subject.Equals(user)).Max(c => c.Priority) > sweptBest);
        Assert.All(candidates.Where(c => c.Subject.Equals(swept)), c => Assert.StartsWith("found by sweeping the payload", c.Reason, StringComparison.Ordinal));
    }
}
