namespace AgenticIR.Core.Alerts;

/// <summary>An alert in the common schema every agent reads, whatever its source format.</summary>
public sealed record NormalizedAlert
{
    /// <summary>Stable id: the source's own id when it has one, otherwise a hash of the payload.</summary>
    public required string AlertId { get; init; }

    /// <summary>The mapping that produced this alert, e.g. <c>splunk_notable</c>.</summary>
    public required string SourceFormat { get; init; }

    /// <summary>Human title of the alert.</summary>
    public required string Title { get; init; }

    /// <summary>Detection rule or analytic name, when the source names one.</summary>
    public string? RuleName { get; init; }

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>The source's own severity, mapped onto ours.</summary>
    public Severity? SourceSeverity { get; init; }

    /// <summary>A category such as <c>phishing</c>, <c>malware</c>, <c>identity</c>, <c>cloud</c>.</summary>
    public string? Category { get; init; }

    /// <summary>When the activity happened (or was detected).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Vendor or product that raised the alert.</summary>
    public string? Product { get; init; }

    /// <summary>Typed observables, de-duplicated.</summary>
    public IReadOnlyList<Observable> Observables { get; init; } = [];

    /// <summary>ATT&amp;CK technique ids the source itself reports.</summary>
    public IReadOnlyList<string> SourceTechniques { get; init; } = [];

    /// <summary>Extra named attributes kept for the reasoner (country, action, result…); never used to pick actions.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Observables of one type.</summary>
    public IEnumerable<Observable> Of(ObservableType type) => Observables.Where(o => o.Type == type);
}
