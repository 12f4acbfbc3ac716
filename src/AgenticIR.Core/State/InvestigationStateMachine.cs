namespace AgenticIR.Core.State;

/// <summary>The allowed transitions; anything else is a bug and throws.</summary>
public static class InvestigationStateMachine
{
    private static readonly Dictionary<InvestigationStage, InvestigationStage[]> Allowed = new()
    {
        [InvestigationStage.Received] = [InvestigationStage.Triaged],
        [InvestigationStage.Triaged] = [InvestigationStage.Investigating],
        [InvestigationStage.Investigating] = [InvestigationStage.Investigated],
        [InvestigationStage.Investigated] = [InvestigationStage.Planned],
        [InvestigationStage.Planned] = [InvestigationStage.AwaitingApproval, InvestigationStage.Responding, InvestigationStage.Responded],
        [InvestigationStage.AwaitingApproval] = [InvestigationStage.Responding, InvestigationStage.Responded],
        [InvestigationStage.Responding] = [InvestigationStage.Responded, InvestigationStage.AwaitingApproval],
        [InvestigationStage.Responded] = [InvestigationStage.Documented],
        [InvestigationStage.Documented] = [InvestigationStage.Closed],
        [InvestigationStage.Closed] = [],
    };

    /// <summary>True when <paramref name="to"/> may follow <paramref name="from"/>. Any unfinished stage may close: that is how
    /// the agents stand aside and hand an investigation back to the playbook.</summary>
    public static bool CanMove(InvestigationStage from, InvestigationStage to) =>
        Allowed[from].Contains(to) || (to == InvestigationStage.Closed && !IsFinished(from));

    /// <summary>Throws when the transition is not allowed.</summary>
    public static void EnsureCanMove(InvestigationStage from, InvestigationStage to)
    {
        if (!CanMove(from, to))
            throw new InvalidOperationException($"Investigation cannot move from {from} to {to}.");
    }

    /// <summary>True for stages after which the pipeline has nothing left to do.</summary>
    public static bool IsFinished(InvestigationStage stage) => stage is InvestigationStage.Documented or InvestigationStage.Closed;
}
