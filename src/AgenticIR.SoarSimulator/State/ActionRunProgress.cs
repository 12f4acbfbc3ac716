namespace AgenticIR.SoarSimulator.State;

/// <summary>Where an action run is in its scripted life: each GET shows the current step, then moves one on
/// (pending, running, then <see cref="FinalStatus"/>).</summary>
internal sealed class ActionRunProgress(string finalStatus, string finalMessage)
{
    public int Step { get; set; }

    /// <summary>True while asset approvers hold the run: it shows <c>pending</c> and does not move on.</summary>
    public bool AwaitingApproval { get; set; }
    public string FinalStatus { get; } = finalStatus;
    public string FinalMessage { get; } = finalMessage;

    public string StatusAt(int step) => step switch
    {
        0 => "pending",
        1 => "running",
        _ => FinalStatus,
    };
}
