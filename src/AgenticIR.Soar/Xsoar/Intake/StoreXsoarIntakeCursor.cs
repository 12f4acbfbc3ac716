using AgenticIR.Core.Playbooks;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>The intake cursor kept in the bridge store (SQLite or PostgreSQL), in the update-time column the Splunk SOAR
/// intake uses, under <see cref="XsoarIntakeNames.CursorKey"/>: a restart resumes the search where the last pass left it,
/// and every worker on the store shares it. Only ever moves forward.</summary>
internal sealed class StoreXsoarIntakeCursor(ISoarBridgeStore store) : IXsoarIntakeCursor
{
    public async Task<DateTimeOffset?> GetAsync(string instance, CancellationToken cancellationToken) =>
        (await store.GetCursorAsync(XsoarIntakeNames.CursorKey(instance), cancellationToken)).LastUpdateTime;

    public Task AdvanceAsync(string instance, DateTimeOffset modified, CancellationToken cancellationToken) =>
        store.AdvanceUpdateCursorAsync(XsoarIntakeNames.CursorKey(instance), modified, cancellationToken);
}
