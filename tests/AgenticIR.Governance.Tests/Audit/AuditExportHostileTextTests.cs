using System.Globalization;
using System.Text.Json;
using AgenticIR.Core.Audit;
using AgenticIR.Governance.Audit;
using AgenticIR.Testing;

namespace AgenticIR.Governance.Tests.Audit;

/// <summary>Alert text that reaches the audit trail is exported to spreadsheets and SIEMs: it must not become a formula, a
/// raw control character or a forged line there, and JSON lines must still give back the exact stored value.</summary>
public sealed class AuditExportHostileTextTests
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Cases => new(HostileText.Names);

    [Fact]
    public async Task WriteAsync_CsvWithFormulaInJustification_CellIsPrefixedWithAQuote()
    {
        var chain = Chain(new AuditEntry
        {
            AgentName = "investigation_agent", ActionType = "enrichment_query", Target = "user:nul01",
            Justification = "=cmd|' /C calc'!A0: not in the identity directory", Outcome = "+1", ApproverIdentity = "@ciso",
        });

        var rows = Rfc4180Parser.Parse(await ExportAsync(chain, AuditExportFormat.Csv));

        var row = Row(rows, 1);
        Assert.Equal("'=cmd|' /C calc'!A0: not in the identity directory", row["justification"]);
        Assert.Equal("'+1", row["outcome"]);
        Assert.Equal("'@ciso", row["approver_identity"]);
    }

    [Fact]
    public async Task WriteAsync_CefWithNulInJustification_WritesNoRawNul()
    {
        var chain = Chain(new AuditEntry { AgentName = "triage_agent", ActionType = "decision", Justification = "\"Beacon\0hidden tail\" triaged medium" });

        var text = await ExportAsync(chain, AuditExportFormat.Cef);

        Assert.DoesNotContain('\0', text);
        Assert.Contains(@"msg=""Beacon\u0000hidden tail"" triaged medium", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WriteAsync_CsvWithHostileTextInEveryField_NoCellIsAFormulaAndEveryValueComesBack(string name)
    {
        var (chain, expected) = HostileChain(name);

        var rows = Rfc4180Parser.Parse(await ExportAsync(chain, AuditExportFormat.Csv));

        Assert.Equal(chain.Count + 2, rows.Count);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && FormulaStarts.Contains(cell[0]), $"formula cell: {cell}"));
        var row = Row(rows, 2);
        Assert.Equal("agent " + expected, Restore(row["agent_name"]));
        foreach (var column in new[] { "target", "justification", "approval_status", "approver_identity", "outcome", "evidence_hash", "investigation_id" })
            Assert.Equal(expected, Restore(row[column]));
        Assert.Equal(expected, JsonSerializer.Deserialize<Dictionary<string, string>>(Restore(row["details"]))!["k" + expected]);
        Assert.Equal(chain[1].Hash, row["hash"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WriteAsync_CefWithHostileTextInEveryField_NoRawControlAndEveryValueComesBack(string name)
    {
        var (chain, expected) = HostileChain(name);

        foreach (var syslog in new[] { false, true })
        {
            var text = await ExportAsync(chain, AuditExportFormat.Cef, new AuditExportOptions { Syslog = syslog });

            var lines = text.Split('\n');
            Assert.Equal(chain.Count + 2, lines.Length); // the records, the trailer, and nothing after the last LF
            Assert.Equal("", lines[^1]);
            Assert.All(lines, line => Assert.DoesNotContain(line, CefEscaping.IsHidden));
            var line = lines[1];
            var (_, ext) = CefParser.Parse(syslog ? line[line.IndexOf("CEF:", StringComparison.Ordinal)..] : line);
            Assert.Equal(expected, ext["msg"]);
            Assert.Equal(expected, ext["cs4"]);
            Assert.Equal(expected, ext["suser"]);
            Assert.Equal(expected, ext["outcome"]);
            Assert.Equal(expected, ext["cs1"]);
            Assert.Equal(expected, JsonSerializer.Deserialize<Dictionary<string, string>>(ext["flexString1"])!["k" + expected]);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WriteAsync_JsonLinesWithHostileTextInEveryField_ParsesBackExactlyAndTheExportVerifies(string name)
    {
        var (chain, expected) = HostileChain(name);

        var text = await ExportAsync(chain, AuditExportFormat.JsonLines);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.DoesNotContain(line, char.IsControl));
        var parsed = JsonLinesAuditFormat.Parse(lines[1]);
        Assert.Equal(expected, parsed.Entry.Justification);
        Assert.Equal(expected, parsed.Entry.InvestigationId);
        Assert.Equal(chain[1].Hash, AuditCanonicalEncoding.ComputeHash(parsed));
        var verification = await AuditExportVerifier.VerifyAsync(new StringReader(text), Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    private static (IReadOnlyList<AuditRecord> Chain, string Expected) HostileChain(string name)
    {
        var hostile = HostileText.Get(name);
        var chain = Chain(
            new AuditEntry { AgentName = "governance", ActionType = "policy_change", Justification = "policy loaded at start-up" },
            new AuditEntry
            {
                AgentName = "agent " + hostile, ActionType = "decision", Target = hostile, Justification = hostile, ApprovalStatus = hostile,
                ApproverIdentity = hostile, Outcome = hostile, EvidenceHash = hostile, InvestigationId = hostile,
                Details = new Dictionary<string, string> { ["k" + hostile] = hostile },
            });
        return (chain, AuditCanonicalEncoding.CanonicalText(hostile));
    }

    private static List<AuditRecord> Chain(params AuditEntry[] entries)
    {
        var records = new List<AuditRecord>();
        var previous = AuditCanonicalEncoding.GenesisHash;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = AuditCanonicalEncoding.Canonical(entries[i]);
            var timestamp = AuditSamples.Start.AddMinutes(i);
            var hash = AuditCanonicalEncoding.ComputeHash(i + 1, timestamp, entry, previous);
            records.Add(new AuditRecord(i + 1, timestamp, entry, previous, hash));
            previous = hash;
        }
        return records;
    }

    private static async Task<string> ExportAsync(IReadOnlyList<AuditRecord> chain, AuditExportFormat format, AuditExportOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await AuditExporter.WriteAsync(AuditSamples.Stream(chain), AuditSamples.Trailer(chain), writer, format, options ?? new AuditExportOptions(), Ct);
        return writer.ToString();
    }

    private static Dictionary<string, string> Row(List<string[]> rows, int index) =>
        rows[0].Zip(rows[index]).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    // The documented way back: one leading single quote is removed from every field that has one.
    private static string Restore(string cell) => cell.StartsWith('\'') ? cell[1..] : cell;
}
