using AgenticIR.Core.Investigation;
using AgenticIR.Core.Response;

namespace AgenticIR.Core.Reporting;

/// <summary>The incident report, built incrementally from triage on: the one model rendered as the report files (JSON
/// and Markdown) and as the report note in a SOAR container (<see cref="IncidentReportMarkdown"/>).</summary>
public sealed record IncidentReport
{
    /// <summary>The investigation id.</summary>
    public required string IncidentId { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>Stage the report reflects (it is rewritten at each stage).</summary>
    public required string Stage { get; init; }

    /// <summary>Plain-language summary for leadership.</summary>
    public required string ExecutiveSummary { get; init; }

    /// <summary>Timeline in order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Technical analysis paragraph(s).</summary>
    public string TechnicalAnalysis { get; init; } = "";

    /// <summary>Indicators of compromise with their verdicts, judged ones first.</summary>
    public IReadOnlyList<ReportIndicator> Indicators { get; init; } = [];

    /// <summary>The investigation's findings.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Affected assets.</summary>
    public IReadOnlyList<AffectedAsset> AffectedAssets { get; init; } = [];

    /// <summary>Planned or executed actions.</summary>
    public IReadOnlyList<ResponseAction> Actions { get; init; } = [];

    /// <summary>ATT&amp;CK techniques.</summary>
    public IReadOnlyList<MitreMapping> Mitre { get; init; } = [];

    /// <summary>Forward-looking recommendations.</summary>
    public IReadOnlyList<string> Recommendations { get; init; } = [];

    /// <summary>NIST 800-61 phases.</summary>
    public IReadOnlyList<NistPhase> NistPhases { get; init; } = [];

    /// <summary>Evidence hashes.</summary>
    public IReadOnlyList<EvidenceHash> EvidenceHashes { get; init; } = [];

    /// <summary>What a language model cost the investigation so far; null when no model was configured.</summary>
    public Reasoning.ModelUsage? ModelUsage { get; init; }

    /// <summary>The model's hypotheses and narrative, shown as its proposal (<c>model-written</c>, with its name); null
    /// when no model wrote any. Nothing that decides reads it.</summary>
    public Reasoning.ModelWriting? ModelWriting { get; init; }

    /// <summary>When this version was generated.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }
}
