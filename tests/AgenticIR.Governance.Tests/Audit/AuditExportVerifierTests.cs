using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Governance.Audit;

namespace AgenticIR.Governance.Tests.Audit;

/// <summary>An export verified away from the database: its trailer (the store's head and counts) shows a cut or padded file
/// that the records alone would not.</summary>
public sealed class AuditExportVerifierTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VerifyAsync_CompleteExport_IsIntactWithTheTrailerHead()
    {
        var chain = Chain(1, 8);

        var verification = await VerifyAsync(await ExportLinesAsync(chain));

        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(8, verification.RecordsVerified);
        Assert.Equal(new AuditHead(8, chain[^1].Hash, 8), verification.AnchoredHead);
    }

    [Fact]
    public async Task VerifyAsync_RecordEdited_ReportsIt()
    {
        var lines = await ExportLinesAsync(Chain(1, 8));
        lines[3] = lines[3].Replace("\"outcome\":\"success\"", "\"outcome\":\"failed\"", StringComparison.Ordinal);

        var verification = await VerifyAsync(lines);

        Assert.Equal(4, Assert.Single(verification.Breaks).Sequence);
        Assert.Contains("record 4 was edited", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_MiddleRecordDeleted_ReportsItMissing()
    {
        var lines = await ExportLinesAsync(Chain(1, 8));
        lines.RemoveAt(4);

        var verification = await VerifyAsync(lines);

        Assert.Equal([5L, null], verification.Breaks.Select(b => b.Sequence));
        Assert.StartsWith("record 5 is missing: the export jumps from record 4 to record 6", verification.Problem, StringComparison.Ordinal);
        Assert.Equal("the trailer counts 8 exported records, the export holds 7", verification.Breaks[1].Problem);
    }

    [Fact]
    public async Task VerifyAsync_LastRecordCut_ReportsTheTruncation()
    {
        var lines = await ExportLinesAsync(Chain(1, 8));
        lines.RemoveAt(7);

        var verification = await VerifyAsync(lines);

        Assert.Contains(verification.Breaks, b => b.Sequence == 8 && b.Problem.StartsWith("record 8 is missing from the end", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_ForgedRecordAppendedWithValidHashAndCountsAdjusted_ReportsItPastTheHead()
    {
        var chain = Chain(1, 8);
        var lines = await ExportLinesAsync(chain);
        var forged = Chain(1, 9)[^1];
        lines.Insert(8, JsonLinesAuditFormat.Format(forged));
        lines[9] = lines[9].Replace("\"exported_count\":8", "\"exported_count\":9", StringComparison.Ordinal);

        var verification = await VerifyAsync(lines);

        var problem = Assert.Single(verification.Breaks);
        Assert.Equal(9, problem.Sequence);
        Assert.StartsWith("the export goes past the trailer's head (record 8) to record 9", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_TrailerCutOff_ReportsTheFileCutShort()
    {
        var lines = await ExportLinesAsync(Chain(1, 5));
        lines.RemoveAt(lines.Count - 1);

        var verification = await VerifyAsync(lines);

        Assert.StartsWith("the export has no trailer: it was cut short", Assert.Single(verification.Breaks).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ExportAfterAPruning_StartsFromTheAuditPrunedRecordsAnchor()
    {
        // Records 1–4 were pruned; record 7 is the audit_pruned record naming record 4's hash, which record 5 links to.
        var full = Chain(1, 6);
        var pruned = Append(full, new AuditEntry
        {
            AgentName = "audit_trail", ActionType = AuditActionTypes.AuditPruned, Target = "audit_records",
            Details = new Dictionary<string, string> { ["pruned_through_sequence"] = "4", ["last_pruned_hash"] = full[3].Hash },
        });
        var remaining = pruned.Skip(4).ToList();

        var intact = await VerifyAsync(await ExportLinesAsync(remaining));
        var withoutAnchor = await VerifyAsync(await ExportLinesAsync(remaining.Take(2).ToList()));

        Assert.True(intact.IsIntact, intact.Problem);
        Assert.StartsWith("the export starts at record 5 but holds no audit_pruned record", withoutAnchor.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_FilteredExport_ChecksEachRecordButNotTheLinks()
    {
        var chain = Chain(1, 8);
        var filtered = chain.Where(r => r.Sequence % 3 == 0).ToList();
        var lines = await ExportLinesAsync(filtered, AuditSamples.Trailer(chain) with { Complete = false });

        var intact = await VerifyAsync(lines);
        lines[0] = lines[0].Replace("\"outcome\":\"success\"", "\"outcome\":\"failed\"", StringComparison.Ordinal);
        var edited = await VerifyAsync(lines);

        Assert.True(intact.IsIntact, intact.Problem);
        Assert.Equal(3, Assert.Single(edited.Breaks).Sequence);
    }

    [Fact]
    public async Task VerifyAsync_LineThatIsNotARecord_IsReportedWithItsLineNumber()
    {
        var lines = await ExportLinesAsync(Chain(1, 3));
        lines.Insert(1, "{\"hello\":1}");

        var verification = await VerifyAsync(lines);

        Assert.Contains(verification.Breaks, b => b.Sequence is null && b.Problem.StartsWith("line 2 is neither an audit record nor the trailer", StringComparison.Ordinal));
    }

    private static List<AuditRecord> Chain(int from, int to)
    {
        var records = new List<AuditRecord>();
        for (var i = from; i <= to; i++)
        {
            records = Append(records, new AuditEntry
            {
                AgentName = "investigation_agent", ActionType = "enrichment_query", Target = $"host-{i}",
                Justification = $"step {i}", Outcome = "success", InvestigationId = "inv-1",
                Details = new Dictionary<string, string> { ["step"] = i.ToString(CultureInfo.InvariantCulture) },
            });
        }
        return records;
    }

    private static List<AuditRecord> Append(List<AuditRecord> records, AuditEntry entry)
    {
        var sequence = records.Count == 0 ? 1 : records[^1].Sequence + 1;
        var previous = records.Count == 0 ? AuditCanonicalEncoding.GenesisHash : records[^1].Hash;
        var timestamp = AuditSamples.Start.AddMinutes(sequence);
        return [.. records, new AuditRecord(sequence, timestamp, entry, previous, AuditCanonicalEncoding.ComputeHash(sequence, timestamp, entry, previous))];
    }

    private static async Task<List<string>> ExportLinesAsync(List<AuditRecord> records, AuditExportTrailer? trailer = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var head = trailer ?? AuditSamples.Trailer(records);
        await AuditExporter.WriteAsync(AuditSamples.Stream(records), head, writer, AuditExportFormat.JsonLines, new AuditExportOptions(), Ct);
        return [.. writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static Task<AuditVerification> VerifyAsync(List<string> lines) =>
        AuditExportVerifier.VerifyAsync(new StringReader(string.Join('\n', lines) + "\n"), Ct);
}
