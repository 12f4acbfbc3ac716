using AgenticIR.Core.Audit;
using AgenticIR.Governance.Audit;

namespace AgenticIR.Governance.Tests.Audit;

/// <summary>A small valid chain whose values contain every character the export formats must escape.</summary>
internal static class AuditSamples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, 123, TimeSpan.Zero);

    public static AuditEntry Tricky => new()
    {
        AgentName = "response_orchestrator",
        ActionType = "action_outcome",
        Target = @"CORP\j.doe",
        Justification = "pipe | equals = backslash \\ comma, \"quoted\"\r\nsecond line\nthird\rend",
        ApprovalStatus = "approved",
        ApproverIdentity = "alice=admin|ops",
        Outcome = "failed",
        EvidenceHash = new string('e', 64),
        InvestigationId = "inv-42",
        Details = new Dictionary<string, string> { ["z"] = "last", ["a=b"] = "x|y\\z", ["é"] = "ünïcode\n" },
    };

    public static IReadOnlyList<AuditRecord> Chain()
    {
        AuditEntry[] entries =
        [
            new() { AgentName = "triage_agent", ActionType = "decision", Target = "203.0.113.7", Justification = "score 87", Outcome = "success" },
            Tricky,
            new() { AgentName = "governance", ActionType = "kill_switch", Target = "", Justification = "", Outcome = "held" },
            new() { AgentName = "", ActionType = "", InvestigationId = "" },
        ];
        var records = new List<AuditRecord>();
        var previous = AuditCanonicalEncoding.GenesisHash;
        for (var i = 0; i < entries.Length; i++)
        {
            var timestamp = Start.AddMinutes(i);
            var hash = AuditCanonicalEncoding.ComputeHash(i + 1, timestamp, entries[i], previous);
            records.Add(new AuditRecord(i + 1, timestamp, entries[i], previous, hash));
            previous = hash;
        }
        return records;
    }

    /// <summary>The trailer of a complete export of <paramref name="records"/>.</summary>
    public static AuditExportTrailer Trailer(IReadOnlyList<AuditRecord> records) => new()
    {
        Head = records.Count == 0
            ? new AuditHead(0, AuditCanonicalEncoding.GenesisHash, 0)
            : new AuditHead(records[^1].Sequence, records[^1].Hash, records.Count),
        Complete = true,
        ExportedAt = Start.AddHours(1),
    };

    public static async IAsyncEnumerable<AuditRecord> Stream(IEnumerable<AuditRecord> records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    public static void AssertSameEntry(AuditEntry expected, AuditEntry actual)
    {
        Assert.Equal(expected with { Details = null! }, actual with { Details = null! });
        Assert.Equal(expected.Details.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Details.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
