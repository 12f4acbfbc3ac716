using System.Globalization;
using AgenticIR.Core.Response;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

internal sealed partial class SplunkSoarActionDispatcher
{
    private readonly record struct SendResult(long RunId, ActionExecution? Failure);

    /// <summary>The one POST. Its ledger row is already 'sending'; a refusal is recorded as the final outcome (nothing
    /// ran), while a transport failure propagates and leaves the row for the next attempt to look up by name.</summary>
    private async Task<SendResult> SendAsync(DispatchRequest request, AppTarget appTarget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var run = new ActionRunRequest(
            request.ContainerId, request.Binding.Action, request.RunName,
            [new ActionRunTarget(appTarget.Assets, [request.Parameters], appTarget.AppId)]);
        long runId;
        try
        {
            runId = await request.Client.RunActionAsync(run, cancellationToken);
        }
        catch (SoarRequestException ex)
        {
            var failed = new ActionExecution
            {
                Status = DispatchStatus.Failed, Platform = SoarDispatchNames.Platform, DispatchKey = request.Key,
                StartedAt = now, FinishedAt = time.GetUtcNow(),
                Message = $"Splunk SOAR refused the action run (HTTP {ex.Status}): {ex.SoarMessage}",
            };
            await ledger.CompleteAsync(request.Key, failed, time.GetUtcNow(), cancellationToken);
            return new SendResult(0, failed);
        }
        await ledger.MarkSentAsync(request.Key, runId.ToString(CultureInfo.InvariantCulture), time.GetUtcNow(), cancellationToken);
        DispatchLog.Sent(logger, request.ActionId, request.Definition.Name, request.InvestigationId, SoarDispatchNames.Platform,
            request.Client.InstanceName, runId, request.Key);
        return new SendResult(runId, null);
    }

    /// <summary>Polls the run to a terminal state within the action's budget and records the outcome with one result per asset.</summary>
    private async Task<ActionExecution> TrackAsync(DispatchRequest request, long runId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var budget = options.DispatchBudget(request.Definition.ExpectedDuration);
        var outcome = await _poller.PollAsync(request.Client, runId, budget, cancellationToken);
        var external = runId.ToString(CultureInfo.InvariantCulture);
        ActionExecution execution;
        if (outcome.TimedOut)
        {
            DispatchLog.BudgetExhausted(logger, runId, request.Key, outcome.Run.Status, (long)outcome.Waited.TotalMilliseconds);
            execution = new ActionExecution
            {
                Status = DispatchStatus.Failed, Platform = SoarDispatchNames.Platform, ExternalId = external, DispatchKey = request.Key,
                StartedAt = startedAt, FinishedAt = time.GetUtcNow(),
                Message = string.Create(CultureInfo.InvariantCulture,
                    $"action_run {runId} was still '{outcome.Run.Status}' after the {budget.TotalSeconds:0} s wait budget; it was not re-sent and may still finish in Splunk SOAR, so check it there"),
            };
        }
        else
        {
            execution = await FinishedAsync(request.Client, request.Key, runId, outcome.Run, startedAt, cancellationToken);
            DispatchLog.Finished(logger, runId, request.Key, outcome.Run.Status, (long)outcome.Waited.TotalMilliseconds);
        }
        await ledger.CompleteAsync(request.Key, execution, time.GetUtcNow(), cancellationToken);
        return execution;
    }

    /// <summary>The outcome of a run that reached <c>success</c> or <c>failed</c>, with one result per asset.</summary>
    private async Task<ActionExecution> FinishedAsync(ISplunkSoarClient client, string key, long runId, SoarActionRun run, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var appRuns = await client.ListAppRunsAsync(runId, cancellationToken);
        var results = appRuns.Select(r => new TargetResult(r.Asset ?? $"app_run {r.Id}", r.Status, r.Message ?? "")).ToList();
        var succeeded = run.Status == "success" && appRuns.All(r => r.Status == "success");
        return new ActionExecution
        {
            Status = succeeded ? DispatchStatus.Succeeded : DispatchStatus.Failed,
            Platform = SoarDispatchNames.Platform, ExternalId = runId.ToString(CultureInfo.InvariantCulture), DispatchKey = key,
            StartedAt = startedAt, FinishedAt = time.GetUtcNow(),
            Message = Summarize(run, results, succeeded),
            Results = results,
        };
    }

    private static ActionExecution AwaitingApproval(DispatchRequest request, long runId, DateTimeOffset startedAt) => new()
    {
        Status = DispatchStatus.AwaitingSoarApproval, Platform = SoarDispatchNames.Platform,
        ExternalId = runId.ToString(CultureInfo.InvariantCulture), DispatchKey = request.Key, StartedAt = startedAt,
        Message = $"action_run {runId} waits for the asset approvers in Splunk SOAR",
    };

    private static string Summarize(SoarActionRun run, IReadOnlyList<TargetResult> results, bool succeeded)
    {
        var head = string.IsNullOrWhiteSpace(run.Message) ? run.Status : run.Message!;
        if (succeeded) return head;
        var failures = results.Where(r => r.Status != "success").Select(r => $"{r.Asset}: {r.Message}").ToList();
        return failures.Count == 0 ? head : $"{head} ({string.Join("; ", failures)})";
    }
}
