using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Documentation;

/// <summary>Writes the incident report incrementally: from triage on, each call fills in whatever the investigation
/// has reached (report and plan may still be missing) and is rendered as Markdown and JSON.</summary>
/// <remarks>The policy is optional only so the agent can be built without one; it names the agent responsible for
/// each NIST 800-61 phase, and the article's mapping is used when it is absent.</remarks>
public sealed class DocumentationAgent(IReasoner reasoner, TimeProvider time, IPolicyProvider? policy = null)
{
    /// <summary>Builds and renders the report for <paramref name="stage"/> (e.g. <c>triaged</c>, <c>documented</c>).</summary>
    public async Task<RenderedReport> DocumentAsync(InvestigationRecord investigation, string stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);

        var summary = await reasoner.SummarizeAsync(investigation, cancellationToken);
        var iocs = IocList.Build(investigation);
        var mitre = MitreMapper.Map(investigation);
        var mapping = policy?.Current.Compliance.Nist80061 is { Count: > 0 } configured ? configured : NistPhases.DefaultMapping;
        var report = new IncidentReport
        {
            IncidentId = investigation.Id,
            Title = IncidentTitle.For(investigation),
            Stage = stage,
            ExecutiveSummary = summary,
            Timeline = ReportSections.Timeline(investigation),
            TechnicalAnalysis = ReportSections.TechnicalAnalysis(investigation, iocs),
            Indicators = iocs,
            Findings = investigation.Report?.Findings ?? [],
            AffectedAssets = ReportSections.AffectedAssets(investigation),
            Actions = investigation.Plan?.Actions ?? [],
            Mitre = mitre,
            Recommendations = ReportSections.Recommendations(investigation),
            NistPhases = NistPhases.Build(investigation, stage, mapping),
            EvidenceHashes = EvidenceHasher.Hash(investigation),
            ModelUsage = reasoner.UsageOf(investigation.Id),
            ModelWriting = reasoner.WritingOf(investigation.Id),
            GeneratedAt = time.GetUtcNow(),
        };

        return new RenderedReport(
            report,
            () => IncidentReportMarkdown.File(report),
            () => JsonSerializer.Serialize(report, CoreJson.Indented));
    }
}
