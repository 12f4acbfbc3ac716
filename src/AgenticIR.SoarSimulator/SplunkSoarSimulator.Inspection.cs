using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.SoarSimulator;

public sealed partial class SplunkSoarSimulator
{
    /// <summary>Every accepted <c>POST /rest/action_run</c>, in order, with its body.</summary>
    public IReadOnlyList<RecordedActionRun> ActionRuns => _store.ActionRunLog;

    /// <summary>Every request received (also the ones answered 401/503/faults), in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _store.Requests;

    public void ClearRequests() => _store.ClearRequests();

    /// <summary>Containers as <c>GET /rest/container/{id}</c> returns them (copies).</summary>
    public IReadOnlyList<JsonObject> Containers => _store.Containers;

    public IReadOnlyList<JsonObject> Artifacts => _store.Artifacts;
    public IReadOnlyList<JsonObject> Notes => _store.Notes;
    public IReadOnlyList<JsonObject> Comments => _store.Comments;
    public IReadOnlyList<JsonObject> AppRuns => _store.AppRuns;
    public IReadOnlyList<JsonObject> PlaybookRuns => _store.PlaybookRuns;

    /// <summary>Action runs as the REST API shows them now (the <see cref="ActionRuns"/> log keeps the request bodies).</summary>
    public IReadOnlyList<JsonObject> ActionRunStates => _store.ActionRunsState;

    /// <summary>Approval records (asset approvers), oldest first.</summary>
    public IReadOnlyList<JsonObject> Approvals => _store.Approvals;

    public JsonObject? GetContainer(long id) => _store.Containers.FirstOrDefault(c => (long?)c["id"] == id);
}
