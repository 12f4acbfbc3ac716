using AgenticIR.Agents.Investigation;
using AgenticIR.Agents.Reasoning;
using AgenticIR.Agents.Tools;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Policy;
using AgenticIR.Core.State;
using AgenticIR.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Agents.Tests.Support;

/// <summary>Agents wired with the deterministic reasoner, a manual clock and a policy built in code.</summary>
public static class AgentFactory
{
    /// <summary>Where the agents' clock starts; it moves only when a test (or a counting tool) advances it.</summary>
    public static readonly DateTimeOffset ClockStart = new(2026, 11, 19, 16, 0, 0, TimeSpan.Zero);

    public static TriageAgent Triage(IContextStore context, GovernancePolicy? policy = null) =>
        new(context, new FixedPolicyProvider(policy ?? TestPolicies.Default()), new DeterministicReasoner());

    public static InvestigationAgent Investigation(ToolRegistry tools, GovernancePolicy? policy = null, TimeProvider? time = null) =>
        new(tools, new DeterministicReasoner(), new FixedPolicyProvider(policy ?? TestPolicies.Default()), time ?? new FakeTimeProvider(AgentFactory.ClockStart));

    /// <summary>Runs the loop, collecting every checkpoint.</summary>
    public static async Task<(InvestigationReport Report, List<InvestigationReport> Checkpoints)> RunAsync(
        InvestigationAgent agent, InvestigationRecord record, InvestigationReport? resumeFrom = null)
    {
        var checkpoints = new List<InvestigationReport>();
        var report = await agent.InvestigateAsync(record, resumeFrom, (partial, _) => { checkpoints.Add(partial()); return Task.CompletedTask; }, TestContext.Current.CancellationToken);
        return (report, checkpoints);
    }
}
