using AgenticIR.Core.Bus;
using AgenticIR.Core.State;

namespace AgenticIR.Splunk.Heartbeat;

/// <summary>Which agent failed, read from the <see cref="MessageType.StageFailed"/> message the orchestrator saves with
/// the dead letter of a stage that threw (its source is <c>stage:&lt;stage the investigation was leaving&gt;</c>). Other
/// dead letters (unreadable inputs, failing bus subscribers) are not an agent's failure.</summary>
public static class StageFailures
{
    /// <summary>Prefix of a failed stage's dead-letter source.</summary>
    public const string SourcePrefix = "stage:";

    /// <summary>The agents whose work failed; empty when the dead letter is not a stage failure. Documentation and learning
    /// run in parallel within one stage, so a failure there counts for both, as its success does.</summary>
    public static IReadOnlyList<string> AgentsOf(DeadLetter deadLetter)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        if (!deadLetter.Source.StartsWith(SourcePrefix, StringComparison.Ordinal)
            || !Enum.TryParse<InvestigationStage>(deadLetter.Source.AsSpan(SourcePrefix.Length), ignoreCase: true, out var stage))
            return [];
        return AgentsOf(stage);
    }

    /// <summary>The agents whose work a <see cref="MessageType.StageFailed"/> message reports failed; empty for any other message.</summary>
    public static IReadOnlyList<string> AgentsOf(BusMessage message) =>
        StageFailure.StageOf(message) is { } stage ? AgentsOf(stage) : [];

    /// <summary>The agents that own the work of leaving <paramref name="stage"/>.</summary>
    public static IReadOnlyList<string> AgentsOf(InvestigationStage stage) => stage switch
    {
        InvestigationStage.Received => [AgentNames.Triage],
        InvestigationStage.Triaged or InvestigationStage.Investigating => [AgentNames.Investigation],
        InvestigationStage.Investigated or InvestigationStage.Planned or InvestigationStage.AwaitingApproval or InvestigationStage.Responding => [AgentNames.Response],
        InvestigationStage.Responded => [AgentNames.Documentation, AgentNames.Learning],
        _ => [],
    };
}
