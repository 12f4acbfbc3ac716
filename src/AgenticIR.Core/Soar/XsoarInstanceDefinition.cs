namespace AgenticIR.Core.Soar;

/// <summary>One configured Cortex XSOAR instance (<c>config/soar.yaml</c>, list <c>xsoar</c>). Holds where the API key
/// comes from, never the key itself, so this record is safe to log and to print. Without <see cref="AuthId"/> it is an
/// XSOAR 6 server; with it, XSOAR 8 / XSIAM.</summary>
public sealed record XsoarInstanceDefinition
{
    /// <summary>Instance name, unique among the XSOAR instances (e.g. <c>prod</c>); playbook entries refer to it.</summary>
    public required string Name { get; init; }

    /// <summary>XSOAR 6: the server, e.g. <c>https://xsoar.example.com</c>. XSOAR 8 / XSIAM: the API URL,
    /// e.g. <c>https://api-tenant.xdr.eu.paloaltonetworks.com</c> (the client adds <c>/xsoar</c>).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Environment variable holding the API key; exactly one of this and <see cref="ApiKeyFile"/> is set.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>File holding the API key (e.g. a mounted secret); read and trimmed at start-up.</summary>
    public string? ApiKeyFile { get; init; }

    /// <summary>The key's id (<c>x-xdr-auth-id</c>) on XSOAR 8 / XSIAM; null for XSOAR 6. Not a secret.</summary>
    public string? AuthId { get; init; }

    /// <summary>The key is an advanced key: each request is signed with a nonce and a timestamp (XSOAR 8 / XSIAM only).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AdvancedKey { get; init; }

    /// <summary>Verify the server's TLS certificate.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool VerifyTls { get; init; } = true;

    /// <summary>Accept an <c>http://</c> base URL (tests and the simulator only).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowHttp { get; init; }

    /// <summary>Per-request timeout in seconds.</summary>
    /// <value>The default value is 30.</value>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Seconds between incident searches.</summary>
    /// <value>The default value is 30.</value>
    public int PollIntervalSeconds { get; init; } = 30;

    /// <summary>Incidents requested per search page.</summary>
    /// <value>The default value is 100.</value>
    public int PageSize { get; init; } = 100;

    /// <summary>Where actions that need a human are answered.</summary>
    /// <value>The default value is <see cref="XsoarApprovalChannel.WarRoom"/>.</value>
    public XsoarApprovalChannel Approvals { get; init; } = XsoarApprovalChannel.WarRoom;

    /// <summary>True for XSOAR 8 / XSIAM (an <see cref="AuthId"/> is set).</summary>
    public bool IsV8 => AuthId is not null;

    /// <summary><see cref="TimeoutSeconds"/> as a time span.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary><see cref="PollIntervalSeconds"/> as a time span.</summary>
    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);

    /// <summary>Where the key is read from, for messages: <c>environment variable X</c> or <c>file /path</c>.</summary>
    public string ApiKeySource => ApiKeyEnv is not null ? $"environment variable {ApiKeyEnv}" : $"file {ApiKeyFile}";
}
