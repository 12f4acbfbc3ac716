using System.Globalization;
using System.Text;
using AgenticIR.Core.Audit;
using AgenticIR.Governance.Audit;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.AuditTrail;

/// <summary>Attacker-written alert text through the real replay path into the audit trail and out through every export
/// format: the chain still verifies, every record reads back as it was hashed, and no export carries a formula cell or a raw
/// control character.</summary>
public sealed class HostileAlertAuditTests
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

    public static TheoryData<string> Cases => new(HostileText.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Replay_HostileTextInEveryAlertField_TrailVerifiesAndEveryExportIsSafe(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var hostile = HostileText.Get(name);
        await using var harness = await ReplayHarness.CreateAsync(cancellationToken: ct);
        var alert = Path.Combine(harness.Work.FullName, "hostile.json");
        await File.WriteAllTextAsync(alert, AlertJson(hostile), new UTF8Encoding(false), ct);

        var run = await harness.ReplayAsync([alert], ct);

        var line = Assert.Single(run.Lines);
        Assert.Equal("processed", line.Status);
        var trail = harness.Pipeline.Get<IAuditTrail>();
        var verification = await trail.VerifyAsync(null, ct);
        Assert.True(verification.IsIntact, verification.Problem);
        var records = await trail.StreamAsync(AuditQuery.All, ct).ToListAsync(ct);
        Assert.All(records, r => Assert.Equal(r.Hash, AuditCanonicalEncoding.ComputeHash(r)));
        // What the agents wrote reaches the trail whole, NUL and all: the triage reasoning, which quotes the alert's title.
        var investigation = await harness.InvestigationAsync(line.InvestigationId!, ct);
        var triage = Assert.Single(records, r => r.Entry.AgentName == "triage_agent" && r.Entry.InvestigationId == investigation.Id);
        var reasoning = investigation.Triage!.Reasoning;
        Assert.Equal(AuditCanonicalEncoding.CanonicalText(reasoning.Length <= 2000 ? reasoning : reasoning[..2000] + "…"), triage.Entry.Justification);
        Assert.Contains(AuditCanonicalEncoding.CanonicalText(investigation.PrimaryAlert.Title), triage.Entry.Justification, StringComparison.Ordinal);

        var head = await trail.ReadHeadAsync(ct);
        var trailer = new AuditExportTrailer { Head = head, Complete = true, ExportedAt = harness.Pipeline.Time.GetUtcNow() };
        var json = await ExportAsync(records, trailer, AuditExportFormat.JsonLines, new AuditExportOptions(), ct);
        var exported = await AuditExportVerifier.VerifyAsync(new StringReader(json), ct);
        Assert.True(exported.IsIntact, exported.Problem);
        Assert.Equal(records.Count, exported.RecordsVerified);

        var csv = await ExportAsync(records, trailer, AuditExportFormat.Csv, new AuditExportOptions(), ct);
        Assert.All(CsvCells(csv), cell => Assert.False(cell.Length > 0 && FormulaStarts.Contains(cell[0]), $"formula cell: {cell}"));

        foreach (var syslog in new[] { false, true })
        {
            var cef = await ExportAsync(records, trailer, AuditExportFormat.Cef, new AuditExportOptions { Syslog = syslog }, ct);
            var lines = cef.Split('\n');
            Assert.Equal(records.Count + 2, lines.Length);
            Assert.All(lines, l => Assert.DoesNotContain(l, c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E'));
        }
    }

    private static string AlertJson(string hostile)
    {
        // Written by hand so an unpaired surrogate reaches the parser as the escape an attacker would send.
        var fields = new (string Key, string Value)[]
        {
            ("title", "Beacon " + hostile),
            ("description", hostile),
            ("src_ip", "45.155.205.233"),
            ("user", "nul01" + hostile),
            ("host", "ws-" + hostile),
            ("command_line", "powershell -enc " + hostile),
            ("severity", "high"),
        };
        return "{" + string.Join(",", fields.Select(f => Quote(f.Key) + ":" + Quote(f.Value))) + "}";
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\' || char.IsControl(c) || char.IsSurrogate(c) || c > '\u007E')
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else text.Append(c);
        }
        return text.Append('"').ToString();
    }

    private static async Task<string> ExportAsync(List<AuditRecord> records, AuditExportTrailer trailer, AuditExportFormat format,
        AuditExportOptions options, CancellationToken cancellationToken)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await AuditExporter.WriteAsync(records.ToAsyncEnumerable(), trailer, writer, format, options, cancellationToken);
        return writer.ToString();
    }

    /// <summary>Every cell of an RFC 4180 text (quotes removed, doubled quotes undone).</summary>
    private static List<string> CsvCells(string text)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c is ',' or '\n')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c != '\r') cell.Append(c);
        }
        return cells;
    }
}
