using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgenticIR.Core.Audit;
using AgenticIR.Governance.Audit;

namespace AgenticIR.Governance.Tests.Audit;

public sealed class CefAuditFormatTests
{
    private static readonly AuditExportOptions Options = new() { Vendor = "Agentic|IR", Product = @"Audit\Trail", ProductVersion = "1.2" };

    [Fact]
    public async Task WriteAsync_Cef_EveryLineParsesBackToTheRecordWithEscapesHonoured()
    {
        var chain = AuditSamples.Chain();
        using var writer = new StringWriter();

        await AuditExporter.WriteAsync(AuditSamples.Stream(chain), AuditSamples.Trailer(chain), writer, AuditExportFormat.Cef, Options, TestContext.Current.CancellationToken);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(chain.Count + 1, lines.Length); // the records, then the trailer
        for (var i = 0; i < chain.Count; i++)
        {
            var (header, ext) = CefParser.Parse(lines[i]);
            var record = chain[i];
            var entry = record.Entry;
            Assert.Equal(["0", "Agentic|IR", @"Audit\Trail", "1.2", entry.ActionType], header[..5]);
            Assert.Equal(CefAuditFormat.Severity(entry).ToString(CultureInfo.InvariantCulture), header[6]);
            Assert.Equal(record.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ext["rt"]);
            Assert.Equal(record.Sequence.ToString(CultureInfo.InvariantCulture), ext["externalId"]);
            Assert.Equal(record.Sequence.ToString(CultureInfo.InvariantCulture), ext["cn1"]);
            Assert.Equal(record.PreviousHash, ext["cs2"]);
            Assert.Equal(record.Hash, ext["cs3"]);
            Assert.Equal(entry.Justification, ext.GetValueOrDefault("msg", ""));
            Assert.Equal(entry.ApproverIdentity, ext.GetValueOrDefault("suser", ""));
            Assert.Equal(entry.Target, ext.GetValueOrDefault("cs4", ""));
            Assert.Equal(entry.Outcome, ext.GetValueOrDefault("outcome", ""));
            Assert.Equal(entry.AgentName, ext.GetValueOrDefault("sproc", ""));
            Assert.Equal(string.IsNullOrEmpty(entry.InvestigationId) ? "" : entry.InvestigationId, ext.GetValueOrDefault("cs1", ""));
            if (ext.ContainsKey("cs1")) Assert.Equal("incidentId", ext["cs1Label"]);
            if (entry.Details.Count > 0)
            {
                Assert.Equal(entry.Details.OrderBy(p => p.Key, StringComparer.Ordinal),
                    JsonSerializer.Deserialize<Dictionary<string, string>>(ext["flexString1"])!.OrderBy(p => p.Key, StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void Format_ValuesWithPipeEqualsBackslashAndNewlines_AreEscapedPerReference()
    {
        var line = CefAuditFormat.Format(AuditSamples.Chain()[1], Options);

        Assert.StartsWith(@"CEF:0|Agentic\|IR|Audit\\Trail|1.2|action_outcome|response_orchestrator: action_outcome on CORP\\j.doe|7|", line, StringComparison.Ordinal);
        Assert.Contains(@"msg=pipe | equals \= backslash \\ comma, ""quoted""\r\nsecond line\nthird\rend ", line, StringComparison.Ordinal);
        Assert.Contains(@"suser=alice\=admin|ops ", line, StringComparison.Ordinal);
        Assert.Contains(@" duser=CORP\\j.doe ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_HeaderWithLineBreak_ReplacesItWithSpace()
    {
        var record = AuditSamples.Chain()[0] with { Entry = AuditSamples.Chain()[0].Entry with { ActionType = "odd\r\ntype" } };

        var (header, _) = CefParser.Parse(CefAuditFormat.Format(record, new AuditExportOptions()));

        Assert.Equal("odd  type", header[4]);
    }

    [Theory]
    [InlineData("203.0.113.7", "dst")]
    [InlineData("2001:db8::1", "dst")]
    [InlineData("j.doe@corp.example", "duser")]
    [InlineData(@"CORP\j.doe", "duser")]
    [InlineData("ws-0042.corp.example", "dhost")]
    [InlineData("1", "dhost")]
    public void Format_Target_GoesToTheMatchingDestinationKey(string target, string key)
    {
        var record = AuditSamples.Chain()[0] with { Entry = AuditSamples.Chain()[0].Entry with { Target = target } };

        var (_, ext) = CefParser.Parse(CefAuditFormat.Format(record, new AuditExportOptions()));

        Assert.Equal(target, ext[key]);
        Assert.Equal(target, ext["cs4"]);
    }

    [Theory]
    [InlineData("kill_switch", "", 9)]
    [InlineData("circuit_breaker", "", 8)]
    [InlineData("policy_change", "", 7)]
    [InlineData("audit_pruned", "success", 7)]
    [InlineData("action_outcome", "failed", 7)]
    [InlineData("action_outcome", "success", 5)]
    [InlineData("approval_answer", "refused", 6)]
    [InlineData("approval_request", "", 4)]
    [InlineData("decision", "", 3)]
    [InlineData("enrichment_query", "", 1)]
    [InlineData("something_new", "", 3)]
    public void Severity_ActionType_MapsToCefBand(string actionType, string outcome, int expected)
    {
        Assert.Equal(expected, CefAuditFormat.Severity(new AuditEntry { AgentName = "a", ActionType = actionType, Outcome = outcome }));
    }

    [Fact]
    public async Task WriteAsync_CefWithSyslog_EachLineHasRfc5424HeaderAroundTheCefEvent()
    {
        var chain = AuditSamples.Chain();
        using var writer = new StringWriter();
        var options = new AuditExportOptions { Syslog = true, HostName = "soc host 1", ProcessId = "4242" };

        await AuditExporter.WriteAsync(AuditSamples.Stream(chain), AuditSamples.Trailer(chain), writer, AuditExportFormat.Cef, options, TestContext.Current.CancellationToken);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shape = new Regex(@"^<(?<pri>\d{1,3})>1 (?<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z) (?<host>[!-~]+) (?<app>[!-~]{1,48}) (?<proc>[!-~]+) (?<msgid>[!-~]{1,32}) - (?<msg>CEF:0\|.*)$");
        for (var i = 0; i < chain.Count; i++)
        {
            var match = shape.Match(lines[i]);
            Assert.True(match.Success, lines[i]);
            var cef = CefAuditFormat.Severity(chain[i].Entry);
            Assert.Equal(13 * 8 + SyslogFrame.SyslogSeverity(cef), int.Parse(match.Groups["pri"].Value, CultureInfo.InvariantCulture));
            Assert.Equal(chain[i].Timestamp, DateTimeOffset.Parse(match.Groups["ts"].Value, CultureInfo.InvariantCulture));
            Assert.Equal("sochost1", match.Groups["host"].Value);
            Assert.Equal("agentic-ir", match.Groups["app"].Value);
            Assert.Equal("4242", match.Groups["proc"].Value);
            Assert.Equal(chain[i].Entry.ActionType.Length == 0 ? "-" : chain[i].Entry.ActionType, match.Groups["msgid"].Value);
            Assert.Equal(CefAuditFormat.Format(chain[i], options), match.Groups["msg"].Value);
        }
        Assert.StartsWith("<106>1 ", lines[2], StringComparison.Ordinal); // kill_switch: CEF 9 → critical (2), facility 13
    }

    [Fact]
    public async Task WriteAsync_SyslogWithJson_IsRefused()
    {
        using var writer = new StringWriter();

        await Assert.ThrowsAsync<ArgumentException>(() => AuditExporter.WriteAsync(AuditSamples.Stream([]), AuditSamples.Trailer([]), writer,
            AuditExportFormat.JsonLines, new AuditExportOptions { Syslog = true }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_CefWithSyslog_LastEventIsTheTrailerWithTheHead()
    {
        var chain = AuditSamples.Chain();
        using var writer = new StringWriter();

        await AuditExporter.WriteAsync(AuditSamples.Stream(chain), AuditSamples.Trailer(chain), writer, AuditExportFormat.Cef,
            new AuditExportOptions { Syslog = true }, TestContext.Current.CancellationToken);

        var last = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("<110>1 2026-03-01T09:00:00.123000Z - agentic-ir - audit_export - CEF:0|", last, StringComparison.Ordinal);
        var (header, ext) = CefParser.Parse(last[last.IndexOf("CEF:", StringComparison.Ordinal)..]);
        Assert.Equal("audit_export", header[4]);
        Assert.Equal(("headHash", chain[^1].Hash), (ext["cs3Label"], ext["cs3"]));
        Assert.Equal(("headSequence", "4"), (ext["cn1Label"], ext["cn1"]));
        Assert.Equal(("recordCount", "4"), (ext["cn2Label"], ext["cn2"]));
        Assert.Equal(("exportedCount", "4"), (ext["cn3Label"], ext["cn3"]));
        Assert.Equal("complete", ext["outcome"]);
    }
}
