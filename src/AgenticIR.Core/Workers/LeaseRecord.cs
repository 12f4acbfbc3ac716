namespace AgenticIR.Core.Workers;

/// <summary>A named lease (e.g. <c>soar:prod</c>, one SOAR instance's polling) and its holder.</summary>
/// <param name="Name">The lease's name.</param>
/// <param name="Holder">The worker holding it.</param>
/// <param name="AcquiredAt">When the holder took it.</param>
/// <param name="RenewedAt">The holder's latest renewal (for a SOAR instance: its latest poll cycle).</param>
/// <param name="ExpiresAt">When another worker may take it over unless renewed.</param>
public sealed record LeaseRecord(string Name, string Holder, DateTimeOffset AcquiredAt, DateTimeOffset RenewedAt, DateTimeOffset ExpiresAt);
