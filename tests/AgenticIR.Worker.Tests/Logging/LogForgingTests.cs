using System.Text.Json;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Logging;

/// <summary>The built CLI, fed alerts whose ids and file names carry line breaks and a forged entry: the log file and the
/// console show every value on the line it belongs to, visibly escaped.</summary>
public sealed class LogForgingTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-forge-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left-over temp files do not make a test wrong.
        }
    }

    private static string ForgedAlert() => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["id"] = LogFile.ForgedId,
        ["title"] = "Beacon\0hidden tail",
        ["src_ip"] = "45.155.205.233",
        ["user"] = "nul01",
    });

    [Fact]
    public async Task Replay_DuplicateAlertsWithForgedId_LogFileAndConsoleKeepEveryValueOnItsLine()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = Path.Combine(_work.FullName, "a1.json");
        var second = Path.Combine(_work.FullName, "a2.json");
        await File.WriteAllTextAsync(first, ForgedAlert(), ct);
        await File.WriteAllTextAsync(second, ForgedAlert(), ct);
        var db = Path.Combine(_work.FullName, "db", "state.db");

        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("replay", first, second, "--db", db));

        Assert.True(code == 0, output);
        var log = LogFile.ReadAll(Path.Combine(_work.FullName, "db", "logs"));
        var merged = Assert.Single(LogFile.Entries(log), l => l.Contains("merged into investigation", StringComparison.Ordinal));
        Assert.Contains("Alert " + LogFile.EscapedForgedId + " merged", merged, StringComparison.Ordinal);
        Assert.All(LogFile.Lines(log).Where(l => l.Length > 0), l => Assert.Matches(@"^\d{4}-\d{2}-\d{2} ", l));
        Assert.DoesNotContain('\0', log);
        // The console line of the merged input quotes the id too (it wraps at the console width, but never on the id's own break).
        Assert.DoesNotContain(LogFile.Lines(output), l => l.StartsWith(LogFile.ForgedEntry, StringComparison.Ordinal));
        Assert.Contains(@"evil-1\r\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_FileNameWithLineBreak_DeadLetterEntryStaysOnOneLine()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = "bad\n" + LogFile.ForgedEntry + ".json";
        var folder = Directory.CreateDirectory(Path.Combine(_work.FullName, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, name), "{broken", ct);
        var db = Path.Combine(_work.FullName, "db", "state.db");

        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("replay", folder, "--db", db));

        Assert.True(code == 0, output);
        var log = LogFile.ReadAll(Path.Combine(_work.FullName, "db", "logs"));
        var entry = Assert.Single(LogFile.Entries(log), l => l.Contains("dead-lettered", StringComparison.Ordinal));
        Assert.Contains(@"bad\n" + LogFile.ForgedEntry, entry, StringComparison.Ordinal);
        Assert.DoesNotContain(LogFile.Lines(log), l => l.StartsWith(LogFile.ForgedEntry, StringComparison.Ordinal));
        Assert.DoesNotContain(LogFile.Lines(output), l => l.StartsWith(LogFile.ForgedEntry, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ForgedDuplicatesInInbox_ConsoleLogKeepsEveryValueOnItsLine()
    {
        var ct = TestContext.Current.CancellationToken;
        var inbox = Directory.CreateDirectory(Path.Combine(_work.FullName, "inbox")).FullName;
        var db = Path.Combine(_work.FullName, "db", "run.db");
        using var worker = CliProcess.Start(_work.FullName, CliProcess.WithHome("run", "--inbox", inbox, "--db", db, "--poll-seconds", "1"));
        var stdout = worker.StandardOutput.ReadToEndAsync(ct);
        var stderr = worker.StandardError.ReadToEndAsync(ct);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(inbox, "a1.json"), ForgedAlert(), ct);
            await File.WriteAllTextAsync(Path.Combine(inbox, "a2.json"), ForgedAlert(), ct);
            var processed = Path.Combine(inbox, "processed");
            var deadline = TimeProvider.System.GetUtcNow().AddMinutes(1);
            while (!(File.Exists(Path.Combine(processed, "a1.json")) && File.Exists(Path.Combine(processed, "a2.json")))
                && !worker.HasExited && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(50, ct);
            }
            Assert.True(File.Exists(Path.Combine(processed, "a2.json")), "the worker did not take both files");
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync(ct);
        }

        var console = await stdout + await stderr;
        var merged = Assert.Single(LogFile.ConsoleEntries(console), l => l.Contains("merged into investigation", StringComparison.Ordinal));
        Assert.Contains(LogFile.EscapedForgedId, merged, StringComparison.Ordinal);
        Assert.DoesNotContain(LogFile.Lines(console), l => l.StartsWith(LogFile.ForgedEntry, StringComparison.Ordinal));
        Assert.DoesNotContain('\0', console);
    }
}
