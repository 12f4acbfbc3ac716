using AgenticIR.Core.Response;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Dispatch;

internal sealed partial class XsoarActionDispatcher
{
    // How much of an entry's contents an execution keeps (the war room has the rest).
    private const int ExcerptLength = 300;

    /// <summary>The one POST. Its ledger row is already 'sending'; a refusal is recorded as the final outcome (nothing
    /// ran). An outage or a lost answer propagates and leaves the row 'sending', so the next attempt reads the war room
    /// for the command's entries before it sends anything.</summary>
    private async Task<ActionExecution> SendAsync(XsoarDispatchRequest request, string usingInstance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<XsoarEntry> entries;
        try
        {
            entries = await request.Client.ExecuteCommandAsync(request.IncidentId, request.Binding.Command, request.Arguments, usingInstance, cancellationToken);
        }
        catch (XsoarRequestException ex)
        {
            var refused = new ActionExecution
            {
                Status = DispatchStatus.Failed, Platform = XsoarDispatchNames.Platform, DispatchKey = request.Key,
                StartedAt = now, FinishedAt = time.GetUtcNow(),
                Message = $"XSOAR refused the command {request.Binding.Command} (HTTP {ex.Status}): {ex.XsoarMessage}",
            };
            await ledger.CompleteAsync(request.Key, refused, time.GetUtcNow(), cancellationToken);
            return refused;
        }
        var execution = Outcome(request, entries, usingInstance, now, adopted: false);
        await ledger.CompleteAsync(request.Key, execution, time.GetUtcNow(), cancellationToken);
        XsoarDispatchLog.Ran(logger, request.ActionId, request.Definition.Name, request.InvestigationId, request.Binding.Command,
            request.Client.InstanceName, request.IncidentId, usingInstance, execution.Status, request.Key);
        return execution;
    }

    /// <summary>The war-room entries of this command: those whose command line (<c>parentContent</c>) is the command with
    /// these arguments, pinned to any instance or none.</summary>
    private static async Task<IReadOnlyList<XsoarEntry>> FindOwnEntriesAsync(XsoarDispatchRequest request, CancellationToken cancellationToken)
    {
        var bare = request.BareLine;
        var pinned = bare + " using=";
        var entries = await request.Client.GetEntriesAsync(request.IncidentId, cancellationToken);
        return [.. entries.Where(e => e.ParentContent?.Trim() is { } parent
            && (string.Equals(parent, bare, StringComparison.Ordinal) || parent.StartsWith(pinned, StringComparison.Ordinal)))];
    }

    /// <summary>The outcome the command's entries report: failed when there is none or any is an error entry (type 4).</summary>
    private ActionExecution Outcome(XsoarDispatchRequest request, IReadOnlyList<XsoarEntry> entries, string? usingInstance, DateTimeOffset startedAt, bool adopted)
    {
        var results = entries.Select(e => new TargetResult(e.Instance ?? usingInstance ?? "", e.IsError ? "failed" : "success", Excerpt(e.Contents))).ToList();
        var succeeded = entries.Count > 0 && !entries.Any(e => e.IsError);
        var found = adopted ? " (found in the war room after a lost answer; not run again)" : "";
        var message = entries.Count == 0
            ? $"{request.Binding.Command} answered no war-room entry; check incident {request.IncidentId} in XSOAR"
            : succeeded
                ? $"{request.Binding.Command} ran on {usingInstance ?? entries[0].Instance ?? "XSOAR"}{found}"
                : $"{request.Binding.Command} failed on {usingInstance ?? entries[0].Instance ?? "XSOAR"}{found}: {Excerpt(entries.First(e => e.IsError).Contents)}";
        return new ActionExecution
        {
            Status = succeeded ? DispatchStatus.Succeeded : DispatchStatus.Failed,
            Platform = XsoarDispatchNames.Platform,
            ExternalId = string.Join(",", entries.Select(e => e.Id)),
            DispatchKey = request.Key,
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            Message = message,
            Results = results,
        };
    }

    private static string Excerpt(string? contents)
    {
        if (string.IsNullOrWhiteSpace(contents)) return "";
        var flat = contents.ReplaceLineEndings(" ").Trim();
        return flat.Length <= ExcerptLength ? flat : flat[..ExcerptLength] + "…";
    }
}
