using AgenticIR.Soar.SplunkSoar.WriteBack;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>What one bridge cycle did on one instance.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="ContainersTaken">New containers handed over.</param>
/// <param name="ArtifactUpdates">Containers whose new artifacts were added to their investigation.</param>
/// <param name="Written">Write-back totals.</param>
/// <param name="CommandsProcessed">Approval commands answered.</param>
/// <param name="MoreWaiting">True when intake stopped early and more containers wait (run again without waiting a full interval).</param>
internal sealed record BridgeCycleResult(BridgeCycleStatus Status, int ContainersTaken, int ArtifactUpdates, WriteBackResult Written, int CommandsProcessed, bool MoreWaiting)
{
    public static BridgeCycleResult Of(BridgeCycleStatus status) => new(status, 0, 0, WriteBackResult.None, 0, false);
}
