namespace AgenticIR.Storage.Postgres;

/// <summary>Advisory-lock keys (per database): the writes that must be serialized across every worker sharing the
/// database take one of these for their transaction (<c>pg_advisory_xact_lock</c>).</summary>
internal static class PostgresLocks
{
    // "agentIR" in ASCII, then a small number per purpose: unlikely to meet another application's keys.
    private const long Base = 0x6167_656E_7449_5200;

    /// <summary>Schema migrations: workers and commands starting together on an empty database apply each script once.</summary>
    public const long Migrations = Base + 1;

    /// <summary>The audit chain: one appender (or pruner) at a time reads the head and writes after it.</summary>
    public const long AuditChain = Base + 2;

    /// <summary>Dispatch reservations: counting against a limit and reserving the slot are one step for all workers.</summary>
    public const long DispatchReservations = Base + 3;

    /// <summary>Policy versions: reading the latest and recording the next are one step for all workers.</summary>
    public const long PolicyVersions = Base + 4;
}
