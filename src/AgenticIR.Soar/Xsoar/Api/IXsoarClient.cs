using AgenticIR.Soar.Xsoar.Instances;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>The Cortex XSOAR REST calls the bridge uses, for one instance (XSOAR 6, or XSOAR 8 / XSIAM). Every call may
/// throw <see cref="XsoarUnauthorizedException"/>, <see cref="XsoarUnavailableException"/> or
/// <see cref="XsoarRequestException"/>. Sources: shared/reference/soar-api.md §2, the Swagger of demisto-py 1bfe3ab and
/// the demisto/content scripts named on each member; calls marked UNVERIFIED there are not in the Swagger.</summary>
internal interface IXsoarClient
{
    string InstanceName { get; }

    /// <summary>Stopped after a 401/403 until the process restarts or the instance is reconfigured.</summary>
    XsoarInstanceHealth Health { get; }

    /// <summary>The user the key belongs to: <c>GET /user</c> (Core REST API integration docs); the cheapest call that
    /// proves the key works.</summary>
    Task<XsoarUser> GetCurrentUserAsync(CancellationToken cancellationToken);

    /// <summary>One page of <c>POST /incidents/search</c> (Swagger <c>SearchIncidentsData</c>).</summary>
    Task<XsoarIncidentPage> SearchIncidentsAsync(XsoarIncidentQuery query, CancellationToken cancellationToken);

    /// <summary>One incident by id (a search on <c>id</c>, as demisto-sdk does; the Swagger has no GET); null when absent.</summary>
    Task<XsoarIncident?> GetIncidentAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Creates an incident with a war room (<c>POST /incident</c>). Not idempotent: callers search by name first.</summary>
    Task<XsoarIncident> CreateIncidentAsync(string name, string type, int severity, string details, CancellationToken cancellationToken) =>
        throw new NotSupportedException("this client cannot create incidents");

    /// <summary>Indicators linked to the incident: <c>POST /indicators/search</c> with the query
    /// <c>investigationIDs:&lt;id&gt;</c> (Swagger <c>IndicatorFilter</c> / <c>IndicatorResult.iocObjects</c>; the query
    /// field is the one content scripts filter on).</summary>
    Task<IReadOnlyList<XsoarIndicator>> GetIndicatorsAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>The war-room entries of an incident: <c>POST /investigation/{id}</c> with <c>pageSize</c> (demisto-sdk;
    /// UNVERIFIED against the Swagger, which lacks the path). An incident id is its investigation id.</summary>
    Task<IReadOnlyList<XsoarEntry>> GetEntriesAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Adds a markdown entry (<c>POST /entry</c> with <c>investigationId</c>, <c>data</c>, <c>markdown</c>).
    /// Not idempotent: the caller keeps the entry id (and tags it) so a retry never writes a second one.</summary>
    Task<XsoarEntry> AddEntryAsync(string incidentId, string markdown, CancellationToken cancellationToken);

    /// <summary>Replaces an entry's text: <c>POST /entry</c> with the entry's <c>id</c> and <c>version</c> (Swagger
    /// <c>updateEntry</c> carries both; UNVERIFIED that the server edits rather than adds; callers that must not risk
    /// a duplicate supersede instead: add a new entry and tag the old one).</summary>
    Task<XsoarEntry> EditEntryAsync(string incidentId, string entryId, long version, string markdown, CancellationToken cancellationToken);

    /// <summary>Sets an entry's tags (<c>POST /entry/tags</c>; <c>version: -1</c> as the Swagger example).</summary>
    Task<XsoarEntry> SetEntryTagsAsync(string incidentId, string entryId, IReadOnlyList<string> tags, CancellationToken cancellationToken);

    /// <summary>Runs a command in the incident's war room and waits for its entries (<c>POST /entry/execute/sync</c>);
    /// <paramref name="usingInstance"/> pins the integration instance (<c>using=</c>, XSOAR admin guide "Use an engine in
    /// an integration"). Not idempotent: the caller's dispatch ledger decides about a second run.</summary>
    Task<IReadOnlyList<XsoarEntry>> ExecuteCommandAsync(string incidentId, string command, IReadOnlyList<KeyValuePair<string, string>> arguments, string? usingInstance, CancellationToken cancellationToken);

    /// <summary>The playbook attached to the incident and its tasks (<c>GET /inv-playbook/{id}</c>, demisto-sdk
    /// <c>get_playbook_state</c>; schema in the Swagger); null when the incident has none.</summary>
    Task<XsoarPlaybookState?> GetPlaybookStateAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Completes a manual task (<c>POST /inv-playbook/task/complete</c>, multipart <c>investigationId</c>,
    /// <c>taskId</c>, <c>taskInput</c>); a repeat is <see cref="XsoarTaskCompletion.AlreadyCompleted"/>.</summary>
    Task<XsoarTaskCompletion> CompleteTaskAsync(string incidentId, string taskId, string input, CancellationToken cancellationToken);

    /// <summary>One page of the playbook library: <c>POST /playbook/search</c> with <c>{query, page, size}</c>, answered with
    /// <c>{total, playbooks[]}</c> (the body and answer content scripts such as GenerateAsBuilt use; UNVERIFIED: the path
    /// is not in the Swagger of demisto-py, its <c>Playbook</c> schema is). <paramref name="page"/> is 0-based.</summary>
    Task<XsoarPlaybookPage> SearchPlaybooksAsync(int page, CancellationToken cancellationToken);

    /// <summary>Installed integrations with their commands, and configured instances (<c>POST /settings/integration/search</c>).</summary>
    Task<XsoarIntegrationCatalog> GetIntegrationsAsync(CancellationToken cancellationToken);

    /// <summary>Every user with its role names (<c>GET /users</c>; UNVERIFIED: not in the Swagger).</summary>
    Task<IReadOnlyList<XsoarUser>> GetUsersAsync(CancellationToken cancellationToken);

    /// <summary>Every role (<c>GET /roles</c>, as content's DemistoSendInvite script reads it).</summary>
    Task<IReadOnlyList<XsoarRole>> GetRolesAsync(CancellationToken cancellationToken);
}
