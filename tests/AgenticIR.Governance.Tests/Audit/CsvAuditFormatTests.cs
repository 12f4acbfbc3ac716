using System.Globalization;
using System.Text.Json;
using AgenticIR.Core.Audit;
using AgenticIR.Governance.Audit;

namespace AgenticIR.Governance.Tests.Audit;

public sealed class CsvAuditFormatTests
{
    [Fact]
    public async Task WriteAsync_Csv_ParsesBackWithRfc4180ParserToTheSameFields()
    {
        var chain = AuditSamples.Chain();
        using var writer = new StringWriter();

        await AuditExporter.WriteAsync(AuditSamples.Stream(chain), AuditSamples.Trailer(chain), writer, AuditExportFormat.Csv, new AuditExportOptions(), TestContext.Current.CancellationToken);

        var rows = Rfc4180Parser.Parse(writer.ToString());
        Assert.Equal(CsvAuditFormat.Columns, rows[0]);
        Assert.Equal(chain.Count + 2, rows.Count); // header, records, trailer
        for (var i = 0; i < chain.Count; i++)
        {
            var row = rows[0].Zip(rows[i + 1]).ToDictionary(p => p.First, p => p.Second);
            var expected = chain[i];
            Assert.Equal(expected.Sequence, long.Parse(row["sequence"], CultureInfo.InvariantCulture));
            Assert.Equal(AuditCanonicalEncoding.FormatTimestamp(expected.Timestamp), row["timestamp"]);
            Assert.Equal(expected.Entry.Target, row["target"]);
            Assert.Equal(expected.Entry.Justification, row["justification"]);
            Assert.Equal(expected.Entry.ApproverIdentity, row["approver_identity"]);
            Assert.Equal(expected.Entry.InvestigationId ?? "", row["investigation_id"]);
            Assert.Equal(expected.Entry.Details.OrderBy(p => p.Key, StringComparer.Ordinal),
                JsonSerializer.Deserialize<Dictionary<string, string>>(row["details"])!.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(expected.PreviousHash, row["previous_hash"]);
            Assert.Equal(expected.Hash, row["hash"]);
        }
    }

    [Fact]
    public void Format_FieldWithQuoteCommaAndNewline_IsQuotedWithQuotesDoubledAndRowEndsInCrlf()
    {
        var line = CsvAuditFormat.Format(AuditSamples.Chain()[1]);

        Assert.Contains("\"pipe | equals = backslash \\ comma, \"\"quoted\"\"\r\nsecond line\nthird\rend\"", line, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Csv_LastRowIsTheTrailerWithTheHeadAndCounts()
    {
        var chain = AuditSamples.Chain();
        using var writer = new StringWriter();

        await AuditExporter.WriteAsync(AuditSamples.Stream(chain.Take(2)), AuditSamples.Trailer(chain) with { Complete = false }, writer,
            AuditExportFormat.Csv, new AuditExportOptions(), TestContext.Current.CancellationToken);

        var rows = Rfc4180Parser.Parse(writer.ToString());
        var trailer = rows[0].Zip(rows[^1]).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("", trailer["sequence"]);
        Assert.Equal("audit_export", trailer["action_type"]);
        Assert.Equal("filtered", trailer["outcome"]);
        Assert.Equal(chain[^1].Hash, trailer["hash"]);
        Assert.Equal(new Dictionary<string, string> { ["exported_count"] = "2", ["head_sequence"] = "4", ["record_count"] = "4" },
            JsonSerializer.Deserialize<Dictionary<string, string>>(trailer["details"]));
    }
}
