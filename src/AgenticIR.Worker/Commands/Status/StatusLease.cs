namespace AgenticIR.Worker.Commands.Status;

/// <summary>A pass that runs on one worker at a time (e.g. <c>soar:prod</c>, <c>outbox</c>): who holds its lease.</summary>
/// <param name="Name">The lease's name.</param>
/// <param name="Holder">The worker holding it (or that held it last).</param>
/// <param name="Since">When that worker took it.</param>
/// <param name="RenewedAt">Its latest renewal (the holder's latest pass).</param>
/// <param name="Expires">When another worker may take it unless renewed.</param>
/// <param name="Held">True while unexpired and its holder is not stopped; false when any worker may take it now.</param>
internal sealed record StatusLease(string Name, string Holder, DateTimeOffset Since, DateTimeOffset RenewedAt, DateTimeOffset Expires, bool Held);
