namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>How far incident intake has come on each XSOAR instance: every incident modified before the cursor was
/// handed over (or deliberately left alone).</summary>
internal interface IXsoarIntakeCursor
{
    Task<DateTimeOffset?> GetAsync(string instance, CancellationToken cancellationToken);

    /// <summary>Moves the cursor forward; an earlier time than the stored one changes nothing.</summary>
    Task AdvanceAsync(string instance, DateTimeOffset modified, CancellationToken cancellationToken);
}
