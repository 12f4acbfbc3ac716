using System.Globalization;
using System.Text;
using System.Text.Json;
using AgenticIR.Agents.Audit;
using AgenticIR.Core.Audit;

namespace AgenticIR.Agents.Tests.Audit;

public sealed class CsvAuditFormatTests
{
    [Fact]
    public async Task WriteAsync_Csv_ParsesBackWithRfc4180ParserToTheSameFields()
    {
        var chain = AuditSamples.Chain();
        using var writer = new StringWriter();

        await AuditExporter.WriteAsync(AuditSamples.Stream(chain), writer, AuditExportFormat.Csv, new AuditExportOptions(), TestContext.Current.CancellationToken);

        var rows = ParseCsv(writer.ToString());
        Assert.Equal(CsvAuditFormat.Columns, rows[0]);
        Assert.Equal(chain.Count + 1, rows.Count);
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

    /// <summary>A strict RFC 4180 reader: records end at CRLF outside quotes; inside quotes "" is a quote.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); i++; break;
                case '"' or '\r' or '\n': throw new FormatException($"Unquoted {(int)c} at {i}");
                default: field.Append(c); break;
            }
        }
        Assert.False(quoted, "unterminated quote");
        Assert.Empty(row);
        return rows;
    }
}
