using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.SoarSimulator.Xsoar;

public sealed partial class XsoarSimulator
{
    /// <summary>The user the API key belongs to: entries, commands and task completions made through the API carry it.</summary>
    public const string ApiUser = State.XsoarStore.ServiceUser;

    /// <summary>Every request received, in order (the key and nonce headers masked).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _store.Requests();

    /// <summary>Every command run through <c>/entry/execute/sync</c>, in order.</summary>
    public IReadOnlyList<XsoarRecordedCommand> Commands => _store.Commands();

    /// <summary>The incident as <c>/incidents/search</c> returns it; null when absent.</summary>
    public JsonObject? Incident(string incidentId) => _store.Incident(incidentId);

    /// <summary>Every incident of exactly this name, oldest first.</summary>
    public IReadOnlyList<JsonObject> IncidentsNamed(string name) => _store.IncidentsNamed(name);

    /// <summary>The incident's war-room entries, oldest first.</summary>
    public IReadOnlyList<JsonObject> Entries(string incidentId) =>
        _store.Entries(incidentId)?.OfType<JsonObject>().ToList() ?? [];

    /// <summary>The incident's playbook state as <c>/inv-playbook/{id}</c> returns it; null when none.</summary>
    public JsonObject? Playbook(string incidentId) => _store.Playbook(incidentId);
}
