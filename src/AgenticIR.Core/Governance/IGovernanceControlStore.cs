namespace AgenticIR.Core.Governance;

/// <summary>Kill switches, dispatch counters and failure streaks, kept in the state store so they hold across restarts
/// and across workers sharing the store.</summary>
public interface IGovernanceControlStore
{
    /// <summary>Engages a kill switch; engaging an already engaged scope keeps the first engagement.</summary>
    Task EngageAsync(KillSwitch killSwitch, CancellationToken cancellationToken);

    /// <summary>Releases an engaged scope; false when it was not engaged.</summary>
    Task<bool> ReleaseAsync(string scope, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Engaged kill switches.</summary>
    Task<IReadOnlyList<KillSwitch>> ActiveAsync(CancellationToken cancellationToken);

    /// <summary>Engaged kill switches as read at most <paramref name="maxAge"/> ago: a store on a database server may answer
    /// from its last read, which an engagement or release through that store discards at once; one made elsewhere (another
    /// worker, the command line) is seen within <paramref name="maxAge"/>. For checks made at every stage of every
    /// investigation; what guards a dispatch reads <see cref="ActiveAsync(CancellationToken)"/>. This default reads every time.</summary>
    Task<IReadOnlyList<KillSwitch>> ActiveAsync(TimeSpan maxAge, CancellationToken cancellationToken) => ActiveAsync(cancellationToken);

    /// <summary>Kill switches engaged or released since a time, oldest first.</summary>
    Task<IReadOnlyList<KillSwitch>> HistoryAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Counts the dispatch against every limit in one transaction: reserves it and returns null when every
    /// limit still has room, or returns the name of the first limit it would exceed and counts nothing. A reservation
    /// repeated for the same investigation and action counts once.</summary>
    Task<string?> TryReserveAsync(DispatchReservation reservation, IReadOnlyList<DispatchLimit> limits, CancellationToken cancellationToken);

    /// <summary>Dispatches of a category since a time.</summary>
    Task<int> CountAsync(string category, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Records a dispatch outcome; returns the failure streak after it (0 after a success).</summary>
    Task<int> RecordOutcomeAsync(bool succeeded, CancellationToken cancellationToken);
}
