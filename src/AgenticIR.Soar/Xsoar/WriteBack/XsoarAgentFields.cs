using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Security;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>The incident fields the bridge sets: its own custom fields only (<c>agenticir…</c>, created by the XSOAR admin
/// beside the incident type), never severity, owner, status or any field analysts or playbooks own. Set with the built-in
/// <c>setIncident</c> command, which takes a field's machine name as an argument (XSOAR admin guide, "Incident Field Trigger
/// Scripts": <c>executeCommand("setIncident", {cliName: value})</c>) and changes only the fields named.</summary>
internal static class XsoarAgentFields
{
    public const string Command = "setIncident";
    public const string SeverityProposal = "agenticirseverityproposal";
    public const string Confidence = "agenticirconfidence";
    public const string Path = "agenticirpath";
    public const string InvestigationId = "agenticirinvestigationid";

    /// <summary>Every field name the bridge may write.</summary>
    public static IReadOnlyList<string> Owned { get; } = [SeverityProposal, Confidence, Path, InvestigationId];

    public static string Key(string investigationId) => investigationId + "/agent_fields";

    /// <summary>The fields for the record, or empty before triage.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(InvestigationRecord record)
    {
        if (record.Triage is not { } triage) return [];
        return
        [
            new(SeverityProposal, triage.Severity.ToWire()),
            new(Confidence, triage.Confidence.ToString("0.00", CultureInfo.InvariantCulture)),
            new(Path, ReportFormat.Wire(triage.Path)),
            new(InvestigationId, record.Id),
        ];
    }

    public static string HashOf(IReadOnlyList<KeyValuePair<string, string>> fields) =>
        TextHash.Sha256Hex(string.Join("\n", fields.Select(f => f.Key + "=" + f.Value)));
}
