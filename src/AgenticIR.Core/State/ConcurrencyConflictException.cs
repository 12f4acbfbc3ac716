namespace AgenticIR.Core.State;

/// <summary>Thrown when a save finds the stored version is not the one the caller read.</summary>
public sealed class ConcurrencyConflictException(string investigationId, long expectedVersion)
    : Exception($"Investigation {investigationId} changed since version {expectedVersion} was read.")
{
    /// <summary>Investigation id.</summary>
    public string InvestigationId { get; } = investigationId;

    /// <summary>Version the caller held.</summary>
    public long ExpectedVersion { get; } = expectedVersion;
}
