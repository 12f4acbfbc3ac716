namespace AgenticIR.Core.State;

/// <summary>What intake saw when it decided that an alert opens a new investigation: the newest investigation with the
/// alert's fingerprint created at or after <paramref name="CreatedSince"/> (the duplicate window), or none. The store
/// opens the investigation only if that is still so, checked under a per-fingerprint lock in the creating transaction;
/// otherwise another worker opened one in between and the store throws <see cref="ConcurrencyConflictException"/>, so
/// intake looks again and merges into it.</summary>
/// <param name="CreatedSince">Start of the duplicate window.</param>
/// <param name="NewestSeen">Id of the newest investigation with the fingerprint in the window that intake saw (and chose
/// not to merge into), or null when it saw none.</param>
public sealed record FingerprintCheck(DateTimeOffset CreatedSince, string? NewestSeen);
