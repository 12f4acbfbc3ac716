namespace AgenticIR.Core.Soar;

/// <summary>One configured Splunk SOAR instance (<c>config/soar.yaml</c>, list <c>splunk_soar</c>). Holds where the
/// token comes from, never the token itself, so this record is safe to log and to print.</summary>
public sealed record SoarInstanceDefinition
{
    /// <summary>Instance name, unique in the file (e.g. <c>prod</c>); other configuration refers to it.</summary>
    public required string Name { get; init; }

    /// <summary>Base URL without <c>/rest</c>, e.g. <c>https://soar.example.com</c>. HTTPS unless <see cref="AllowHttp"/>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Environment variable holding the automation user's token; exactly one of this and <see cref="TokenFile"/> is set.</summary>
    public string? TokenEnv { get; init; }

    /// <summary>File holding the token (e.g. a mounted secret); read and trimmed at start-up.</summary>
    public string? TokenFile { get; init; }

    /// <summary>Verify the server's TLS certificate.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool VerifyTls { get; init; } = true;

    /// <summary>Accept an <c>http://</c> base URL (tests and the simulator only).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowHttp { get; init; }

    /// <summary>Per-request timeout in seconds.</summary>
    /// <value>The default value is 30.</value>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Seconds between container polls.</summary>
    /// <value>The default value is 30.</value>
    public int PollIntervalSeconds { get; init; } = 30;

    /// <summary>Records requested per page on list calls.</summary>
    /// <value>The default value is 100.</value>
    public int PageSize { get; init; } = 100;

    /// <summary>Container custom field holding the analyst's verdict, for shadow comparison; null when not configured.</summary>
    public string? DispositionField { get; init; }

    /// <summary>Label of an artifact, written by playbooks by convention, whose CEF carries <c>severity</c> and
    /// <c>disposition</c>; null when the convention is not used.</summary>
    public string? VerdictArtifactLabel { get; init; }

    /// <summary>Who answers actions that need a human: this worker's approver tiers through container comments (the
    /// default), or the approvers configured on the SOAR's own assets.</summary>
    /// <value>The default value is <see cref="SoarApprovalChannel.Comments"/>.</value>
    public SoarApprovalChannel Approvals { get; init; } = SoarApprovalChannel.Comments;

    /// <summary><see cref="TimeoutSeconds"/> as a time span.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary><see cref="PollIntervalSeconds"/> as a time span.</summary>
    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);

    /// <summary>Where the token is read from, for messages: <c>environment variable X</c> or <c>file /path</c>.</summary>
    public string TokenSource => TokenEnv is not null ? $"environment variable {TokenEnv}" : $"file {TokenFile}";
}
