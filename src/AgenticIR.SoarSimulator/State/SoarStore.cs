using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.SoarSimulator.Query;

namespace AgenticIR.SoarSimulator.State;

/// <summary>The simulator's whole state. Every member takes one lock, so HTTP handlers and the test API can run
/// concurrently; entities are kept as the JSON objects the REST API returns and handed out as deep clones.</summary>
internal sealed partial class SoarStore(TimeProvider time)
{
    public const long AdminUserId = 1;
    public const long AutomationUserId = 2;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _lastIds = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, JsonObject> _containers = [];
    private readonly SortedDictionary<long, JsonObject> _artifacts = [];
    private readonly SortedDictionary<long, JsonObject> _notes = [];
    private readonly SortedDictionary<long, JsonObject> _comments = [];
    private readonly SortedDictionary<long, JsonObject> _users = [];
    private readonly SortedDictionary<long, JsonObject> _apps = [];
    private readonly SortedDictionary<long, JsonObject> _appActions = [];
    private readonly SortedDictionary<long, JsonObject> _assets = [];
    private readonly SortedDictionary<long, JsonObject> _playbooks = [];
    private readonly SortedDictionary<long, JsonObject> _actionRuns = [];
    private readonly SortedDictionary<long, JsonObject> _appRuns = [];
    private readonly SortedDictionary<long, JsonObject> _playbookRuns = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedActionRun> _actionRunLog = [];

    public TimeProvider Time { get; } = time;

    /// <summary>User records list role ids instead of role names.</summary>
    public bool UserRolesAsIds { get; init; }

    /// <summary>Container records are answered without their update timestamps.</summary>
    public bool OmitContainerUpdateTimes { get; init; }

    private string Now() => SoarTime.Format(Time.GetUtcNow());

    private long NextId(string table)
    {
        _lastIds.TryGetValue(table, out var last);
        _lastIds[table] = last + 1;
        return last + 1;
    }

    // Round-trips through text so copies behave exactly like JSON read from the wire (numbers are JsonElement-backed
    // and convert to any numeric type, as they would for a client).
    private static JsonObject Clone(JsonObject item) => (JsonObject)JsonNode.Parse(item.ToJsonString())!;

    private SimReply ListOf(SortedDictionary<long, JsonObject> table, ListQuery query, Func<JsonObject, bool>? scope = null)
    {
        lock (_gate)
        {
            var items = table.Values.Where(i => scope is null || scope(i)).Select(Clone);
            return SimReply.Ok(query.ToPage(items));
        }
    }

    private SimReply OneOf(SortedDictionary<long, JsonObject> table, long id)
    {
        lock (_gate)
        {
            return table.TryGetValue(id, out var item) ? SimReply.Ok(Clone(item)) : SimReply.NotFound();
        }
    }

    private IReadOnlyList<JsonObject> SnapshotOf(SortedDictionary<long, JsonObject> table)
    {
        lock (_gate)
        {
            return [.. table.Values.Select(Clone)];
        }
    }

    public void Record(RecordedRequest request)
    {
        lock (_gate) _requests.Add(request);
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) return [.. _requests]; }
    }

    public void ClearRequests()
    {
        lock (_gate) _requests.Clear();
    }

    public IReadOnlyList<RecordedActionRun> ActionRunLog
    {
        get { lock (_gate) return [.. _actionRunLog.Select(r => r with { Body = Clone(r.Body) })]; }
    }

    public IReadOnlyList<JsonObject> Containers => [.. SnapshotOf(_containers).Select(ShapeContainer)];
    public IReadOnlyList<JsonObject> Artifacts => SnapshotOf(_artifacts);
    public IReadOnlyList<JsonObject> Notes => SnapshotOf(_notes);
    public IReadOnlyList<JsonObject> Comments => SnapshotOf(_comments);
    public IReadOnlyList<JsonObject> ActionRunsState => SnapshotOf(_actionRuns);
    public IReadOnlyList<JsonObject> AppRuns => SnapshotOf(_appRuns);
    public IReadOnlyList<JsonObject> PlaybookRuns => SnapshotOf(_playbookRuns);
}
