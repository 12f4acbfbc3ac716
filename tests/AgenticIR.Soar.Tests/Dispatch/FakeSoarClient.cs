using System.Text.Json;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.Tests.Dispatch;

/// <summary>An in-memory Splunk SOAR for one instance: apps, actions and assets to resolve against, an action-run log
/// with a scripted pending → running → terminal lifecycle, and containers, artifacts and playbook runs for shadow mode.</summary>
internal sealed class FakeSoarClient(string instance = "prod") : ISplunkSoarClient
{
    private long _nextRunId = 500;
    private readonly Dictionary<long, RunState> _runs = [];

    public string InstanceName => instance;

    public List<SoarApp> Apps { get; } = [];
    public List<SoarAppAction> AppActions { get; } = [];
    public List<SoarAsset> Assets { get; } = [];
    public Dictionary<long, SoarContainer> Containers { get; } = [];
    public Dictionary<long, List<SoarArtifact>> Artifacts { get; } = [];
    public Dictionary<long, List<SoarPlaybookRun>> PlaybookRuns { get; } = [];

    /// <summary>Action runs someone else (playbooks, analysts) launched, per container.</summary>
    public List<SoarActionRun> OtherActionRuns { get; } = [];

    /// <summary>Every POST /rest/action_run that arrived, in order.</summary>
    public List<ActionRunRequest> Posted { get; } = [];

    /// <summary>Status sequence of the next runs (the last repeats); default pending, running, success.</summary>
    public Func<ActionRunRequest, IReadOnlyList<string>> Statuses { get; set; } = _ => ["pending", "running", "success"];

    /// <summary>App runs of a finished run, one per asset; default every asset succeeded.</summary>
    public Func<ActionRunRequest, string, IReadOnlyList<SoarAppRun>>? AppRuns { get; set; }

    /// <summary>Thrown by the next POST after it arrived (the answer is lost), then cleared.</summary>
    public Exception? LoseNextAnswer { get; set; }

    /// <summary>Thrown by the next POST before it arrives (the SOAR refused it), then cleared.</summary>
    public Exception? RefuseNextPost { get; set; }

    public int AppListCalls { get; private set; }

    public Task<long> RunActionAsync(ActionRunRequest request, CancellationToken cancellationToken)
    {
        if (RefuseNextPost is { } refuse) { RefuseNextPost = null; throw refuse; }
        Posted.Add(request);
        var id = ++_nextRunId;
        _runs[id] = new RunState(request, Statuses(request));
        if (LoseNextAnswer is { } lost) { LoseNextAnswer = null; throw lost; }
        return Task.FromResult(id);
    }

    public Task<SoarActionRun> GetActionRunAsync(long actionRunId, CancellationToken cancellationToken)
    {
        var state = _runs[actionRunId];
        var status = state.Statuses[Math.Min(state.Reads, state.Statuses.Count - 1)];
        state.Reads++;
        return Task.FromResult(ToRun(actionRunId, state, status));
    }

    public Task<IReadOnlyList<SoarAppRun>> ListAppRunsAsync(long actionRunId, CancellationToken cancellationToken)
    {
        var state = _runs[actionRunId];
        var final = state.Statuses[^1];
        IReadOnlyList<SoarAppRun> runs = AppRuns?.Invoke(state.Request, final)
            ?? [.. state.Request.Targets.SelectMany(t => t.Assets).Select((asset, i) =>
                new SoarAppRun(9000 + i, actionRunId, final, state.Request.Action, asset, final == "success" ? "done" : "error", default))];
        return Task.FromResult(runs);
    }

    public Task<IReadOnlyList<SoarActionRun>> ListActionRunsAsync(long containerId, CancellationToken cancellationToken)
    {
        IReadOnlyList<SoarActionRun> all = [.. OtherActionRuns.Where(r => r.ContainerId == containerId),
            .. _runs.Where(p => p.Value.Request.ContainerId == containerId).Select(p => ToRun(p.Key, p.Value, p.Value.Statuses[^1]))];
        return Task.FromResult(all);
    }

    public Task<IReadOnlyList<SoarRole>> ListRolesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<SoarApp>> ListAppsAsync(CancellationToken cancellationToken)
    {
        AppListCalls++;
        return Task.FromResult<IReadOnlyList<SoarApp>>([.. Apps]);
    }

    public Task<IReadOnlyList<SoarAppAction>> ListAppActionsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SoarAppAction>>([.. AppActions]);

    public Task<IReadOnlyList<SoarAsset>> ListAssetsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SoarAsset>>([.. Assets]);

    public Task<SoarContainer?> GetContainerAsync(long containerId, CancellationToken cancellationToken) => Task.FromResult(Containers.GetValueOrDefault(containerId));

    public Task<IReadOnlyList<SoarArtifact>> ListArtifactsAsync(long containerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SoarArtifact>>([.. Artifacts.GetValueOrDefault(containerId) ?? []]);

    public Task<IReadOnlyList<SoarApproval>> ListApprovalsAsync(long actionRunId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SoarApproval>>([]);

    public Task<IReadOnlyList<SoarPlaybookRun>> ListPlaybookRunsAsync(long containerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SoarPlaybookRun>>([.. PlaybookRuns.GetValueOrDefault(containerId) ?? []]);

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => Task.FromResult("6.3.0");
    public Task<SoarPage<SoarContainer>> ListContainersAsync(ContainerQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<SoarArtifact?> FindArtifactAsync(long containerId, string sourceDataIdentifier, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<ArtifactWrite> CreateArtifactAsync(NewArtifact artifact, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task UpdateArtifactAsync(long artifactId, NewArtifact artifact, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<long> CreateNoteAsync(NewNote note, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task UpdateNoteAsync(long noteId, NewNote note, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<SoarNote>> ListNotesAsync(long containerId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<SoarComment>> ListCommentsAsync(long containerId, long afterId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<long> CreateCommentAsync(long containerId, string comment, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<SoarUser?> GetUserAsync(long userId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<SoarUser?> FindUserAsync(string username, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>An app run carrying <paramref name="resultDataJson"/> as its <c>result_data</c>.</summary>
    public static SoarAppRun AppRun(string asset, string status, string resultDataJson, long actionRunId = 0) =>
        new(7000, actionRunId, status, "ip reputation", asset, status == "success" ? "Done" : "Failed", JsonDocument.Parse(resultDataJson).RootElement.Clone());

    private static SoarActionRun ToRun(long id, RunState state, string status) => new(
        id, state.Request.ContainerId, state.Request.Action, state.Request.Name, status, status == "failed" ? "1 action failed" : $"{status}",
        null, null, null, state.Request.Targets);

    private sealed class RunState(ActionRunRequest request, IReadOnlyList<string> statuses)
    {
        public ActionRunRequest Request { get; } = request;
        public IReadOnlyList<string> Statuses { get; } = statuses;
        public int Reads { get; set; }
    }
}
