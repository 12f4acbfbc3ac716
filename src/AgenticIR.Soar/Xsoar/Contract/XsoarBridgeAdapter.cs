using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Soar;
using AgenticIR.Core.State;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Intake;
using AgenticIR.Soar.Xsoar.WriteBack;

namespace AgenticIR.Soar.Xsoar.Contract;

/// <summary>The SOAR-neutral view of one Cortex XSOAR instance: intake through <see cref="XsoarIncidentPoller"/>,
/// write-back through <see cref="XsoarWriteBackService"/>, outcomes from the incident (status 2 = closed,
/// <c>closeReason</c>, <c>closeNotes</c>, <c>severity</c>, <c>closingUserId</c>, <c>closed</c>; Swagger <c>Incident</c>)
/// and people's war-room entries.</summary>
internal sealed class XsoarBridgeAdapter(IXsoarClient client, XsoarIncidentPoller poller, XsoarWriteBackService writeBack, XsoarSelf self) : ISoarBridgeAdapter
{
    private const int ClosedStatus = 2;

    public SoarPlatform Platform => SoarPlatform.Xsoar;

    public string Instance => client.InstanceName;

    public Task<SoarPollResult> PollAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        var pass = await poller.PollOnceAsync(cancellationToken);
        return new SoarPollResult(pass.Taken, pass.Merged, pass.LeftAlone, pass.InvestigationIds);
    });

    public Task<SoarWriteResult> WriteBackAsync(InvestigationRecord record, CancellationToken cancellationToken) =>
        Guard(() => writeBack.SyncAsync(record, cancellationToken));

    public Task<SoarOutcome?> GetOutcomeAsync(string externalId, CancellationToken cancellationToken) => Guard(async () =>
    {
        if (await client.GetIncidentAsync(externalId, cancellationToken) is not { } incident) return null;
        var closed = incident.Status == ClosedStatus;
        return new SoarOutcome(incident.Id, closed, Text(incident.CloseReason), Text(incident.CloseNotes), SeverityOf(incident.Severity),
            closed ? Text(XsoarJson.String(incident.Raw, "closingUserId")) : null,
            closed && XsoarJson.Date(incident.Raw, "closed") is { Year: > 1 } at ? at : null);
    });

    public Task<IReadOnlyList<SoarAnalystEntry>> ListAnalystEntriesAsync(string externalId, long afterSequence, CancellationToken cancellationToken) => Guard(async () =>
    {
        var me = await self.IdAsync(cancellationToken);
        var entries = await client.GetEntriesAsync(externalId, cancellationToken);
        return (IReadOnlyList<SoarAnalystEntry>)[.. entries
            .Where(e => XsoarEntryNumber.Of(e.Id) > afterSequence && XsoarPeopleEntries.IsByPerson(e, me))
            .OrderBy(e => XsoarEntryNumber.Of(e.Id))
            .Select(e => new SoarAnalystEntry(e.Id, XsoarEntryNumber.Of(e.Id), e.User, e.Contents!, e.Created))];
    });

    // XSOAR severity: 0 unknown, 0.5 informational, 1 low, 2 medium, 3 high, 4 critical.
    private static Severity? SeverityOf(double? value) => value switch
    {
        >= 4 => Severity.Critical,
        >= 3 => Severity.High,
        >= 2 => Severity.Medium,
        >= 1 => Severity.Low,
        > 0 => Severity.Informational,
        _ => null,
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (XsoarUnavailableException ex)
        {
            throw new SoarOutageException(ex.Message, ex);
        }
    }
}
