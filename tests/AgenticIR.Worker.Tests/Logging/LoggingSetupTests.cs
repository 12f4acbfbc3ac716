using AgenticIR.Core.Security;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Tests.Logging;

/// <summary>The worker's real logging configuration (<see cref="LoggingSetup"/>): nothing logged can forge an entry or
/// leak a configured secret, whatever path the text took (a template value, a non-template message, an exception).</summary>
public sealed class LoggingSetupTests : IDisposable
{
    private const string Token = "5d1e9a7c-2b3f-4c6d-8e0a-1f2b3c4d5e6f";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-logs-");

    public void Dispose() => _work.Delete(recursive: true);

    private string Logs => Path.Combine(_work.FullName, "logs");

    private string Write(Action<ILogger> log)
    {
        var scrubber = new SecretScrubber();
        scrubber.Add(Token);
        var db = Path.Combine(_work.FullName, "state.db");
        var paths = new ResolvedPaths(_work.FullName, "policy.yaml", "mappings", "connectors", "context", db, "reports");
        using (var factory = LoggingSetup.Create(paths, console: false, scrubber: scrubber))
        {
            log(factory.CreateLogger("AgenticIR.Test"));
        }
        return LogFile.ReadAll(Logs);
    }

    [Fact]
    public void Create_ForgedValueInTemplate_OneEntryVisiblyEscaped()
    {
        var text = Write(logger => TestLog.AlertMerged(logger, LogFile.ForgedId, "inv-1"));

        var entry = Assert.Single(LogFile.Entries(text));
        Assert.Contains(LogFile.EscapedForgedId, entry, StringComparison.Ordinal);
        Assert.Single(LogFile.Lines(text.TrimEnd()));
    }

    [Fact]
    public void Create_NulEscapeAndSeparatorCharacters_NeverReachTheFile()
    {
        var text = Write(logger => TestLog.DeadLettered(logger, "a\0b\u001B[2Jc", "line\u2028sep\u0085nel\tdone"));

        Assert.DoesNotContain('\0', text);
        Assert.DoesNotContain('\u001B', text);
        Assert.DoesNotContain('\u2028', text);
        Assert.DoesNotContain('\u0085', text);
        Assert.Contains(@"a\0b\u001B[2Jc", text, StringComparison.Ordinal);
        Assert.Contains(@"line\u2028sep\u0085nel\tdone", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NonTemplateMessageFromAlertText_Escaped()
    {
        // A caller that logs a built string instead of a template puts the alert text into the template itself.
#pragma warning disable CA2254, CA1873
        var text = Write(logger => logger.LogWarning("title " + LogFile.ForgedId));
#pragma warning restore CA2254, CA1873

        var entry = Assert.Single(LogFile.Entries(text));
        Assert.EndsWith("title " + LogFile.EscapedForgedId, entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ExceptionMessageQuotingAlertText_EscapedAndStackKept()
    {
        var text = Write(logger =>
        {
            try
            {
                throw new InvalidOperationException("payload could not be normalized: " + LogFile.ForgedId,
                    new FormatException("inner quotes it too: " + LogFile.ForgedId));
            }
            catch (InvalidOperationException ex)
            {
                TestLog.StageFailed(logger, "inv-2", "triage", ex);
            }
        });

        var entry = Assert.Single(LogFile.Entries(text));
        Assert.Contains("inv-2", entry, StringComparison.Ordinal);
        var lines = LogFile.Lines(text);
        Assert.DoesNotContain(lines, l => l.StartsWith(LogFile.ForgedEntry, StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "System.InvalidOperationException: payload could not be normalized: " + LogFile.EscapedForgedId
            + " ---> System.FormatException: inner quotes it too: " + LogFile.EscapedForgedId);
        Assert.Contains(lines, l => l.StartsWith("   at ", StringComparison.Ordinal) && l.Contains(nameof(Create_ExceptionMessageQuotingAlertText_EscapedAndStackKept), StringComparison.Ordinal));
    }

    [Fact]
    public void Create_ConfiguredSecretInValueMessageOrException_Masked()
    {
        var text = Write(logger =>
        {
            TestLog.HecRefused(logger, 3, "HTTP 401 code 4: Invalid authorization header: Splunk " + Token);
            TestLog.DeliveryFault(logger, new HttpRequestException($"echo {{\"auth\":\"{Token}\"}}"));
            logger.LogInformation("forwarded header Authorization: Bearer abc123def456ghi789");
        });

        Assert.DoesNotContain(Token, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("abc123def456ghi789", text, StringComparison.Ordinal);
        Assert.Contains("Splunk ***", text, StringComparison.Ordinal);
        Assert.Equal(3, LogFile.Entries(text).Count);
    }
}
