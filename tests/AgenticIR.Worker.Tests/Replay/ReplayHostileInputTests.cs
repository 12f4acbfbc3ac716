using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Replay;

/// <summary>Inputs that used to be dead-lettered for the wrong reason or leave no trace, replayed end to end.</summary>
public sealed class ReplayHostileInputTests
{
    private const long MaxInputBytes = 8192;

    [Fact]
    public async Task Replay_CharsetsRepeatedKeysEmptyAndOversizedInputs_EachTakenOrDeadLetteredWithItsReason()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("agentic-ir-hostile-inputs-");
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "latin1.eml"), Encoding.Latin1.GetBytes(
            "From: \"Jos\u00e9 Garc\u00eda\" <billing@pay-invoice.net>\r\nTo: ana@corp.example\r\nSubject: =?iso-8859-1?Q?Factura_pendiente_=E9?= =?iso-8859-1?Q?_urgente?=\r\n" +
            "Date: Mon, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: <latin1-1@pay-invoice.net>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nEstimado se\u00f1or, pague aqu\u00ed desde 45.155.205.233\r\n"), ct);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "empty-array.json"), "[]", ct);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "repeated.json"), """{"title":"Beacon","src_ip":"10.20.30.40","user":"rk01","src_ip":"45.155.205.233"}""", ct);
        var big = "{\"title\":\"big\",\"src_ip\":\"185.220.101.4\",\"description\":\"" + new string('A', 3 * (int)MaxInputBytes) + "\"}";
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "big.json"), big, ct);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "lines.jsonl"), big + "\n{\"title\":\"small\",\"src_ip\":\"185.220.101.5\"}\n", ct);

        await using var harness = await ReplayHarness.CreateAsync(cancellationToken: ct);
        var run = await harness.ReplayAsync([folder.FullName], ct, maxInputBytes: MaxInputBytes);

        var lines = run.Lines.ToDictionary(l => l.Input);
        Assert.Equal(["big.json", "empty-array.json", "latin1.eml", "lines.jsonl:1", "lines.jsonl:2", "repeated.json"], lines.Keys.Order(StringComparer.Ordinal));

        Assert.Equal("processed", lines["latin1.eml"].Status);
        var mail = (await harness.InvestigationAsync(lines["latin1.eml"].InvestigationId!, ct)).PrimaryAlert;
        Assert.Equal("Factura pendiente \u00e9 urgente", mail.Title);
        Assert.Equal("Jos\u00e9 Garc\u00eda", mail.Attributes["from_name"]);

        Assert.Equal("dead_lettered", lines["empty-array.json"].Status);
        Assert.Contains("empty JSON array", lines["empty-array.json"].Reason, StringComparison.Ordinal);

        Assert.Equal("processed", lines["repeated.json"].Status);
        var repeated = await harness.InvestigationAsync(lines["repeated.json"].InvestigationId!, ct);
        Assert.Contains(new Observable(ObservableType.Ipv4, "45.155.205.233"), repeated.PrimaryAlert.Observables);
        Assert.DoesNotContain(repeated.AllObservables, o => o.Value == "10.20.30.40");
        Assert.Contains(repeated.Timeline, t => t.Description.Contains("repeats keys: $.src_ip", StringComparison.Ordinal));

        foreach (var oversized in new[] { "big.json", "lines.jsonl:1" })
        {
            Assert.Equal("dead_lettered", lines[oversized].Status);
            Assert.StartsWith($"input is {big.Length} bytes, above the maximum of {MaxInputBytes} bytes", lines[oversized].Reason, StringComparison.Ordinal);
        }
        Assert.Equal("processed", lines["lines.jsonl:2"].Status);

        var letters = await harness.Pipeline.Store.ListDeadLettersAsync(100, ct);
        Assert.Equal(3, letters.Count);
        Assert.All(letters.Where(l => l.Reason.StartsWith("input is", StringComparison.Ordinal)), l => Assert.Equal(big[..(int)MaxInputBytes], l.Payload));
        folder.Delete(recursive: true);
    }
}
