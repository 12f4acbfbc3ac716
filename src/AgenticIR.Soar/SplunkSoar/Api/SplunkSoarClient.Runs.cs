using AgenticIR.Soar.Resilience;

namespace AgenticIR.Soar.SplunkSoar.Api;

internal sealed partial class SplunkSoarClient
{
    public Task<long> RunActionAsync(ActionRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(SoarCall.Post("rest/action_run", SoarCallKind.UnsafeWrite, SoarBodies.ActionRun(request)),
            r => CreatedId(r, "action_run_id"), cancellationToken);
    }

    public Task<SoarActionRun> GetActionRunAsync(long actionRunId, CancellationToken cancellationToken) =>
        SendAsync(SoarCall.Get($"rest/action_run/{actionRunId}"), r => SoarParsers.ActionRun(SoarJson.ParseObject(r.Content)), cancellationToken);

    /// <summary>The list gives the app runs; each is then read with <c>include_expensive</c>, which the Phantom app sets
    /// to get <c>result_data</c> (UNVERIFIED on the single-record endpoint).</summary>
    public async Task<IReadOnlyList<SoarAppRun>> ListAppRunsAsync(long actionRunId, CancellationToken cancellationToken)
    {
        var listed = await ListAllAsync($"rest/action_run/{actionRunId}/app_runs", _ => { }, SoarParsers.AppRun, cancellationToken);
        var runs = new List<SoarAppRun>(listed.Count);
        foreach (var run in listed)
        {
            runs.Add(await SendAsync(SoarCall.Get($"rest/app_run/{run.Id}", new SoarQuery().Flag("include_expensive")),
                r => SoarParsers.AppRun(SoarJson.ParseObject(r.Content)), cancellationToken));
        }
        return runs;
    }

    public Task<IReadOnlyList<SoarActionRun>> ListActionRunsAsync(long containerId, CancellationToken cancellationToken) =>
        ListAllAsync("rest/action_run", q => q.Number("_filter_container", containerId), SoarParsers.ActionRun, cancellationToken);

    /// <summary>UNVERIFIED: the filter field (<c>container</c>, by analogy with artifacts). A run that names its playbook
    /// only by numeric id (as <c>playbook</c> does on a real instance) gets the name from <c>GET /rest/playbook/{id}</c>.</summary>
    public async Task<IReadOnlyList<SoarPlaybookRun>> ListPlaybookRunsAsync(long containerId, CancellationToken cancellationToken)
    {
        var runs = await ListAllAsync("rest/playbook_run", q => q.Number("_filter_container", containerId), SoarParsers.PlaybookRun, cancellationToken);
        var named = new List<SoarPlaybookRun>(runs.Count);
        foreach (var run in runs)
        {
            named.Add(long.TryParse(run.Playbook, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? run with { Playbook = await PlaybookNameAsync(id, cancellationToken) ?? run.Playbook }
                : run);
        }
        return named;
    }

    // Playbook names change only when an author renames one, so each id is asked once per process.
    private async Task<string?> PlaybookNameAsync(long playbookId, CancellationToken cancellationToken)
    {
        if (_playbookNames.TryGetValue(playbookId, out var known)) return known;
        var name = await GetOrNullAsync($"rest/playbook/{playbookId}", SoarParsers.PlaybookName, cancellationToken);
        if (name is not null) _playbookNames[playbookId] = name;
        return name;
    }

    /// <summary>UNVERIFIED: the filter field (<c>action_run</c>, as the approval record names it).</summary>
    public Task<IReadOnlyList<SoarApproval>> ListApprovalsAsync(long actionRunId, CancellationToken cancellationToken) =>
        ListAllAsync("rest/approval", q => q.Number("_filter_action_run", actionRunId), SoarParsers.Approval, cancellationToken);
}
