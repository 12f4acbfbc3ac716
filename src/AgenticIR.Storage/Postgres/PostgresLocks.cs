using System.Globalization;
using AgenticIR.Core.Security;

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

    /// <summary>Opening an investigation for a fingerprint: the first key of the two-key form
    /// (<c>pg_advisory_xact_lock(int, int)</c>, a key space apart from the one-key locks above), "agir" in ASCII.</summary>
    public const int FingerprintSpace = 0x6167_6972;

    /// <summary>The second key for <paramref name="fingerprint"/>: the first 32 bits of its SHA-256, the same in every
    /// process (two fingerprints sharing a key only wait for each other).</summary>
    public static int FingerprintKey(string fingerprint) =>
        unchecked((int)uint.Parse(TextHash.Sha256Hex(fingerprint).AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
