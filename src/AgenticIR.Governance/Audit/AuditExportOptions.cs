namespace AgenticIR.Governance.Audit;

/// <summary>How exported records are labelled.</summary>
public sealed record AuditExportOptions
{
    /// <summary>Wrap each CEF event in an RFC 5424 syslog header.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Syslog { get; init; }

    /// <summary>Syslog HOSTNAME.</summary>
    /// <value>The default value is <c>-</c> (the RFC 5424 nil value).</value>
    public string HostName { get; init; } = "-";

    /// <summary>Syslog APP-NAME.</summary>
    /// <value>The default value is <c>agentic-ir</c>.</value>
    public string AppName { get; init; } = "agentic-ir";

    /// <summary>Syslog PROCID.</summary>
    /// <value>The default value is <c>-</c>.</value>
    public string ProcessId { get; init; } = "-";

    /// <summary>Syslog facility (0–23).</summary>
    /// <value>The default value is 13, "log audit".</value>
    public int Facility { get; init; } = 13;

    /// <summary>CEF Device Vendor.</summary>
    /// <value>The default value is <c>AgenticIR</c>.</value>
    public string Vendor { get; init; } = "AgenticIR";

    /// <summary>CEF Device Product.</summary>
    /// <value>The default value is <c>AgenticIR</c>.</value>
    public string Product { get; init; } = "AgenticIR";

    /// <summary>CEF Device Version.</summary>
    /// <value>The default value is <c>1</c>.</value>
    public string ProductVersion { get; init; } = "1";
}
