namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>How the bridge works one Splunk SOAR instance.</summary>
internal sealed record SplunkSoarBridgeOptions
{
    /// <summary>Containers asked for per list call.</summary>
    /// <value>The default value is 100.</value>
    public int PageSize { get; init; } = 100;

    /// <summary>Containers taken per intake pass at most, so one cycle stays bounded after an outage; the rest follow next cycle.</summary>
    /// <value>The default value is 500.</value>
    public int MaxContainersPerPoll { get; init; } = 500;

    /// <summary>How long a container whose label needs a playbook name may wait for its first playbook run before it
    /// is judged not to be that playbook's (and left alone).</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan PlaybookRunGrace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Overlap applied to the update-time cursor, so a container updated within the same clock tick as the
    /// cursor is not missed (artifacts already seen are skipped by id).</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan UpdateOverlap { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>User name of the automation user the worker's token belongs to; its comments are never read as commands.</summary>
    /// <value>The default value is null (only the reply marker identifies our comments).</value>
    public string? AutomationUser { get; init; }

    /// <summary>Investigations written back at once in a cycle.</summary>
    public const int DefaultWriteBackParallelism = 4;

    /// <summary>Largest note body sent, in UTF-8 bytes; longer notes are truncated with a marker.</summary>
    /// <value>The default value is 60 000.</value>
    public int MaxNoteBytes { get; init; } = 60_000;
}
