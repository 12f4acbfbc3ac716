namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>The Splunk SOAR REST calls the bridge makes, for one configured instance. Implementations apply the
/// instance's resilience pipelines: reads are retried, writes only where an idempotency key makes it safe.
/// Errors: <see cref="SoarUnauthorizedException"/> (401/403: the instance is stopped until reconfigured),
/// <see cref="SoarUnavailableException"/> (retries exhausted, circuit open, timeouts), <see cref="SoarRequestException"/>
/// (the SOAR refused the request: <c>{"failed": true, "message": …}</c>).</summary>
internal interface ISplunkSoarClient
{
    /// <summary>Configured instance name.</summary>
    string InstanceName { get; }

    /// <summary><c>GET /rest/version</c>: connectivity and version probe.</summary>
    Task<string> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /rest/container</c> with label, id and update-time filters, sorted by id ascending; one page.</summary>
    Task<SoarPage<SoarContainer>> ListContainersAsync(ContainerQuery query, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/container/{id}</c>, or null when it does not exist.</summary>
    Task<SoarContainer?> GetContainerAsync(long containerId, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/container/{id}/artifacts</c>, every page, oldest first.</summary>
    Task<IReadOnlyList<SoarArtifact>> ListArtifactsAsync(long containerId, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/artifact?_filter_container_id=…&amp;_filter_source_data_identifier="…"</c>: the newest match or null.</summary>
    Task<SoarArtifact?> FindArtifactAsync(long containerId, string sourceDataIdentifier, CancellationToken cancellationToken);

    /// <summary><c>POST /rest/artifact</c>; an <c>existing_artifact_id</c> answer counts as success (<see cref="ArtifactWrite.AlreadyExisted"/>).</summary>
    Task<ArtifactWrite> CreateArtifactAsync(NewArtifact artifact, CancellationToken cancellationToken);

    /// <summary><c>POST /rest/artifact/{id}</c> with the new content.</summary>
    Task UpdateArtifactAsync(long artifactId, NewArtifact artifact, CancellationToken cancellationToken);

    /// <summary><c>POST /rest/note</c> (note_type general); returns the note id. Not retried after the request may have arrived.</summary>
    Task<long> CreateNoteAsync(NewNote note, CancellationToken cancellationToken);

    /// <summary><c>POST /rest/note/{id}</c>: replaces title and content (idempotent, retried).</summary>
    Task UpdateNoteAsync(long noteId, NewNote note, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/note?_filter_container=…</c>, every page.</summary>
    Task<IReadOnlyList<SoarNote>> ListNotesAsync(long containerId, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/container_comment?_filter_container=…&amp;_filter_id__gt=…</c>, oldest first.</summary>
    Task<IReadOnlyList<SoarComment>> ListCommentsAsync(long containerId, long afterId, CancellationToken cancellationToken);

    /// <summary><c>POST /rest/container_comment</c>; returns the comment id.</summary>
    Task<long> CreateCommentAsync(long containerId, string comment, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/ph_user/{id}</c>, or null.</summary>
    Task<SoarUser?> GetUserAsync(long userId, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/ph_user?_filter_username="…"</c>, or null.</summary>
    Task<SoarUser?> FindUserAsync(string username, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/role?page_size=0</c>: role ids and names (user records may list either).</summary>
    Task<IReadOnlyList<SoarRole>> ListRolesAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /rest/app?page_size=0</c>.</summary>
    Task<IReadOnlyList<SoarApp>> ListAppsAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /rest/app_action?page_size=0</c>.</summary>
    Task<IReadOnlyList<SoarAppAction>> ListAppActionsAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /rest/asset?page_size=0</c>.</summary>
    Task<IReadOnlyList<SoarAsset>> ListAssetsAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /rest/action_run</c>; returns the action_run id. Never retried once the request may have
    /// arrived (the caller's dispatch ledger decides about a second attempt).</summary>
    Task<long> RunActionAsync(ActionRunRequest request, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/action_run/{id}</c>.</summary>
    Task<SoarActionRun> GetActionRunAsync(long actionRunId, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/action_run/{id}/app_runs</c>, then each <c>GET /rest/app_run/{id}</c> with its result data.</summary>
    Task<IReadOnlyList<SoarAppRun>> ListAppRunsAsync(long actionRunId, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/action_run?_filter_container=…</c>: every action run on a container (playbooks' and analysts').</summary>
    Task<IReadOnlyList<SoarActionRun>> ListActionRunsAsync(long containerId, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/approval?_filter_action_run=…</c>: the SOAR's own approvals of an action run (asset approvers).</summary>
    Task<IReadOnlyList<SoarApproval>> ListApprovalsAsync(long actionRunId, CancellationToken cancellationToken);

    /// <summary><c>POST /rest/container</c> with a source data identifier: a second create with the same identifier and
    /// label answers <c>existing_container_id</c> and creates nothing (retried like a read). Returns the container id.</summary>
    Task<long> CreateContainerAsync(NewContainer container, CancellationToken cancellationToken) =>
        throw new NotSupportedException("this client cannot create containers");

    /// <summary><c>GET /rest/container?_filter_label="…"&amp;_filter_source_data_identifier="…"</c>: the oldest match, or null.</summary>
    Task<SoarContainer?> FindContainerAsync(string label, string sourceDataIdentifier, CancellationToken cancellationToken) =>
        throw new NotSupportedException("this client cannot look containers up by source data identifier");

    /// <summary><c>GET /rest/playbook_run?_filter_container=…</c>: playbook runs on a container.</summary>
    Task<IReadOnlyList<SoarPlaybookRun>> ListPlaybookRunsAsync(long containerId, CancellationToken cancellationToken);
}
