namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>How XSOAR dispatch treats a command another worker (or a crashed one) may still be sending.</summary>
public sealed class XsoarDispatchOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Soar:Xsoar:Dispatch";

    /// <summary>A ledger row still <c>sending</c> and younger than this may belong to another worker whose
    /// <c>/entry/execute/sync</c> has not answered yet: the war room is read for its entry and it is waited for, never
    /// re-sent. Older, and with no entry of the command in the war room, it is taken over and sent.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait between two war-room reads while a row is within its lease.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
