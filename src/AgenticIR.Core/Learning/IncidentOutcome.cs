using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Learning;

/// <summary>What really happened, from the analyst, the playbook or the SOAR's final state.</summary>
public sealed record IncidentOutcome
{
    /// <summary>Final severity.</summary>
    public Severity? ActualSeverity { get; init; }

    /// <summary>Final disposition.</summary>
    public Disposition? Disposition { get; init; }

    /// <summary>Logical actions the analyst or playbook actually took.</summary>
    public IReadOnlyList<string> ActionsTaken { get; init; } = [];

    /// <summary>Who or what reported the outcome.</summary>
    public string Source { get; init; } = "analyst";
}
