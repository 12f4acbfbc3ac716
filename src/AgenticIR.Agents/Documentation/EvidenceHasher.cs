using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.State;
using AgenticIR.Core.Security;

namespace AgenticIR.Agents.Documentation;

/// <summary>Chain-of-custody hashes: SHA-256 over the canonical JSON (<see cref="CoreJson.Options"/>) of each alert, the
/// investigation report and the plan. Attribute maps are sorted first so equal content always hashes equally.</summary>
internal static class EvidenceHasher
{
    public static IReadOnlyList<EvidenceHash> Hash(InvestigationRecord investigation)
    {
        var hashes = investigation.Alerts
            .Select(a => new EvidenceHash($"alert:{a.AlertId}",
                Sha256(a with { Attributes = new SortedDictionary<string, string>(a.Attributes.ToDictionary(), StringComparer.Ordinal) })))
            .ToList();
        if (investigation.Report is { } report) hashes.Add(new EvidenceHash("investigation_report", Sha256(report)));
        if (investigation.Plan is { } plan) hashes.Add(new EvidenceHash("response_plan", Sha256(plan)));
        return hashes;
    }

    // Hashed as serialised (UTF-8): the same digest as of the JSON text, without building the text.
    private static string Sha256<T>(T value) =>
        TextHash.Sha256Hex(JsonSerializer.SerializeToUtf8Bytes(value, CoreJson.Options));
}
