using System.Text.Json;
using AgenticIR.Core.Audit;
using AgenticIR.Governance.Audit;

namespace AgenticIR.Governance.Tests.Audit;

public sealed class JsonLinesAuditFormatTests
{
    [Fact]
    public async Task WriteAsync_JsonLines_EachLineParsesBackToARecordWhoseHashRecomputes()
    {
        var chain = AuditSamples.Chain();
        using var writer = new StringWriter();

        var count = await AuditExporter.WriteAsync(AuditSamples.Stream(chain), AuditSamples.Trailer(chain), writer, AuditExportFormat.JsonLines, new AuditExportOptions(), TestContext.Current.CancellationToken);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(chain.Count, count);
        Assert.Equal(chain.Count + 1, lines.Length); // the records, then the trailer
        for (var i = 0; i < chain.Count; i++)
        {
            var parsed = JsonLinesAuditFormat.Parse(lines[i]);
            Assert.Equal(chain[i].Sequence, parsed.Sequence);
            Assert.Equal(chain[i].Timestamp, parsed.Timestamp);
            Assert.Equal(chain[i].Hash, parsed.Hash);
            AuditSamples.AssertSameEntry(chain[i].Entry, parsed.Entry);
            // An export carries everything hashed, so an auditor can re-verify it away from the database.
            Assert.Equal(parsed.Hash, AuditCanonicalEncoding.ComputeHash(parsed));
        }
    }

    [Fact]
    public void Format_Record_UsesColumnNamesAndExplicitNullInvestigation()
    {
        var record = AuditSamples.Chain()[0];

        using var document = JsonDocument.Parse(JsonLinesAuditFormat.Format(record));

        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["sequence", "timestamp", "agent_name", "action_type", "target", "justification", "approval_status",
            "approver_identity", "outcome", "evidence_hash", "investigation_id", "details", "previous_hash", "hash"], names);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("investigation_id").ValueKind);
        Assert.Equal("2026-03-01T08:00:00.1230000Z", document.RootElement.GetProperty("timestamp").GetString());
    }
}
