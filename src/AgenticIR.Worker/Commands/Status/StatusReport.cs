namespace AgenticIR.Worker.Commands.Status;

/// <summary>What <c>agentic-ir status --json</c> prints: one object, snake_case.</summary>
internal sealed record StatusReport(
    string Store,
    StatusInputs Inputs,
    StatusInvestigations Investigations,
    IReadOnlyList<StatusPartitionLag> ConsumerLag,
    IReadOnlyList<StatusWorker> Workers,
    IReadOnlyList<StatusLease> Leases,
    IReadOnlyList<StatusSoarInstance> SoarInstances,
    IReadOnlyList<StatusKillSwitch> KillSwitches,
    bool Healthy,
    IReadOnlyList<string> Problems)
{
    /// <summary>Each agent's health (kill switch, breaker, recent failed stages).</summary>
    public IReadOnlyList<StatusAgent> Agents { get; init; } = [];

    /// <summary>The notification outbox by state.</summary>
    public StatusNotifications Notifications { get; init; } = new(0, 0, 0, null);
}
