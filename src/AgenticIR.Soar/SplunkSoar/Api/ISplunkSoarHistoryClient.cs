namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>Read-only history calls the playbook audit makes: the playbook inventory and the runs it left. Kept apart
/// from <see cref="ISplunkSoarClient"/> so the bridge's fakes need not implement them.</summary>
internal interface ISplunkSoarHistoryClient : ISplunkSoarClient
{
    /// <summary><c>GET /rest/playbook?page_size=0</c>: every playbook with its <c>active</c> flag.</summary>
    Task<IReadOnlyList<SoarPlaybook>> ListPlaybooksAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /rest/playbook_run?_filter_start_time__gte="…"</c>, every page: runs started at or after
    /// <paramref name="since"/>, whatever their status.</summary>
    Task<IReadOnlyList<SoarPlaybookRun>> ListPlaybookRunsStartedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary><c>GET /rest/action_run?_filter_start_time__gte="…"&amp;_filter_playbook_run__isnull=false</c>, every
    /// page: action runs launched by playbooks since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<SoarActionRun>> ListPlaybookActionRunsStartedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
