using System.Collections.Concurrent;
using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Soar;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.Soar.SplunkSoar.WriteBack;

namespace AgenticIR.Soar.SplunkSoar.Contract;

/// <summary>The SOAR-neutral view of one Splunk SOAR instance, delegating to the bridge's own parts: intake to
/// <see cref="ContainerPoller"/> (new containers, new artifacts merged), write-back to <see cref="WriteBackService"/>,
/// outcomes from the container (closed when it has a close time or status <c>closed</c>; the close reason is the
/// instance's disposition custom field, as the shadow comparison reads it) and people's container comments.</summary>
/// <param name="instance">Instance name.</param>
/// <param name="client">The instance's client.</param>
/// <param name="intake">The container poller.</param>
/// <param name="writeBack">The write-back service.</param>
/// <param name="dispositionField">The custom field analysts record the disposition in (config/soar.yaml <c>disposition_field</c>).</param>
internal sealed class SplunkSoarBridgeAdapter(string instance, ISplunkSoarClient client, ContainerPoller intake, WriteBackService writeBack, string dispositionField)
    : ISoarBridgeAdapter
{
    private readonly ConcurrentDictionary<long, string?> _users = new();

    public SoarPlatform Platform => SoarPlatform.SplunkSoar;

    public string Instance => instance;

    public Task<SoarPollResult> PollAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        var pass = await intake.PollOnceAsync(instance, cancellationToken);
        return new SoarPollResult(pass.ContainersTaken, pass.ArtifactUpdates, pass.ContainersLeftAlone, pass.Investigations);
    });

    public Task<SoarWriteResult> WriteBackAsync(InvestigationRecord record, CancellationToken cancellationToken) => Guard(async () =>
    {
        var result = await writeBack.SyncAsync(record, cancellationToken);
        return new SoarWriteResult(result.Created, result.Updated, result.Adopted, result.Unchanged, result.Refused);
    });

    public Task<SoarOutcome?> GetOutcomeAsync(string externalId, CancellationToken cancellationToken) => Guard(async () =>
    {
        if (await client.GetContainerAsync(ContainerId(externalId), cancellationToken) is not { } container) return null;
        var closed = container.CloseTime is not null || string.Equals(container.Status, "closed", StringComparison.OrdinalIgnoreCase);
        var closedBy = closed && container.Raw.TryGetProperty("closing_owner", out var owner) && owner.TryGetInt64(out var ownerId)
            ? await UserNameAsync(ownerId, cancellationToken)
            : null;
        return (SoarOutcome?)new SoarOutcome(externalId, closed, Text(container.CustomFields.GetValueOrDefault(dispositionField)), null,
            SeverityNames.TryParse(container.Severity, out var severity) ? severity : null, closedBy, closed ? container.CloseTime : null);
    });

    public Task<IReadOnlyList<SoarAnalystEntry>> ListAnalystEntriesAsync(string externalId, long afterSequence, CancellationToken cancellationToken) => Guard(async () =>
    {
        var comments = await client.ListCommentsAsync(ContainerId(externalId), afterSequence, cancellationToken);
        var entries = new List<SoarAnalystEntry>();
        foreach (var c in comments.Where(c => c.Id > afterSequence && !string.IsNullOrWhiteSpace(c.Comment)).OrderBy(c => c.Id))
        {
            var author = c.UserId is { } id ? await UserNameAsync(id, cancellationToken) : null;
            entries.Add(new SoarAnalystEntry(c.Id.ToString(CultureInfo.InvariantCulture), c.Id, author, c.Comment, c.Time));
        }
        return (IReadOnlyList<SoarAnalystEntry>)entries;
    });

    private async Task<string?> UserNameAsync(long userId, CancellationToken cancellationToken)
    {
        if (_users.TryGetValue(userId, out var known)) return known;
        var name = (await client.GetUserAsync(userId, cancellationToken))?.Username ?? userId.ToString(CultureInfo.InvariantCulture);
        _users[userId] = name;
        return name;
    }

    private static long ContainerId(string externalId) =>
        long.TryParse(externalId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new ArgumentException("A container id is a number.", nameof(externalId));

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (SoarUnavailableException ex)
        {
            throw new SoarOutageException(ex.Message, ex);
        }
    }
}
