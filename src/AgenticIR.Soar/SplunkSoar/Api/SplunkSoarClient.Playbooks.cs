namespace AgenticIR.Soar.SplunkSoar.Api;

internal sealed partial class SplunkSoarClient : ISplunkSoarHistoryClient
{
    /// <summary>The list's records carry <c>id</c>, <c>name</c>, <c>active</c> (documented on <c>/rest/playbook/{id}</c>)
    /// and the repository (UNVERIFIED: <c>_pretty_scm</c>, or <c>scm_name</c> as the simulator writes it).</summary>
    public Task<IReadOnlyList<SoarPlaybook>> ListPlaybooksAsync(CancellationToken cancellationToken) =>
        ListEverythingAsync("rest/playbook", SoarParsers.Playbook, cancellationToken);

    /// <summary>UNVERIFIED: <c>start_time</c> as a filterable field of <c>playbook_run</c> (a documented queryable type;
    /// the field is named as on action runs).</summary>
    public Task<IReadOnlyList<SoarPlaybookRun>> ListPlaybookRunsStartedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ListAllAsync("rest/playbook_run", q => q.Date("_filter_start_time__gte", since), SoarParsers.PlaybookRun, cancellationToken);

    /// <summary>An action run starts after the playbook run that launched it, so every action run of a run inside the
    /// window is inside it too. UNVERIFIED: <c>_filter_playbook_run__isnull</c> (Django's lookup on the run's foreign key).</summary>
    public Task<IReadOnlyList<SoarActionRun>> ListPlaybookActionRunsStartedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ListAllAsync("rest/action_run", q => q.Date("_filter_start_time__gte", since).Raw("_filter_playbook_run__isnull", "False"),
            SoarParsers.ActionRun, cancellationToken);
}
