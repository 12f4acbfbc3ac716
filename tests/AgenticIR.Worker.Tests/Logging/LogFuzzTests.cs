using System.Reflection;
using AgenticIR.Core.Security;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace AgenticIR.Worker.Tests.Logging;

/// <summary>Every <c>[LoggerMessage]</c> event of every project, written through the worker's logging configuration with
/// hostile text in each of its string fields and in its exception: each call stays one entry, no raw control character
/// reaches the file, and no configured secret does either.</summary>
public sealed class LogFuzzTests : IDisposable
{
    private const string Secret = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-logfuzz-");

    public void Dispose() => _work.Delete(recursive: true);

    public static TheoryData<string> Hostile =>
    [
        LogFile.ForgedId,
        "nul\0" + LogFile.ForgedEntry,
        "lf\n" + LogFile.ForgedEntry,
        "cr\r" + LogFile.ForgedEntry,
        "nel\u0085" + LogFile.ForgedEntry,
        "ls\u2028" + LogFile.ForgedEntry,
        "esc\u001B[1A\u001B[2K" + LogFile.ForgedEntry,
        "bidi \u202Egnp.exe",
        "=cmd|' /C calc'!A0",
        "pаypаl.com (Cyrillic а) and ℊoogle.com",
        "secret Splunk " + Secret,
    ];

    private static IEnumerable<MethodInfo> LogEvents() =>
        new[] { typeof(LoggingSetup), typeof(Agents.Orchestration.StageRunner), typeof(Soar.SoarServiceCollectionExtensions), typeof(Splunk.Hec.HecClient) }
            .Select(t => t.Assembly)
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(m => m.GetCustomAttribute<LoggerMessageAttribute>() is not null && m.GetParameters().FirstOrDefault()?.ParameterType == typeof(ILogger));

    [Theory]
    [MemberData(nameof(Hostile))]
    public void EveryLogEvent_HostileTextInEachStringAndException_OneEntryEachNothingRaw(string hostile)
    {
        var events = LogEvents().ToList();
        Assert.True(events.Count >= 40, $"only {events.Count} log events found");
        var scrubber = new SecretScrubber();
        scrubber.Add(Secret);
        var paths = new ResolvedPaths(_work.FullName, "policy.yaml", "mappings", "connectors", "context", Path.Combine(_work.FullName, "state.db"), "reports");
        using (var factory = LoggingSetup.Create(paths, console: false, LogEventLevel.Verbose, scrubber))
        {
            var logger = factory.CreateLogger("fuzz");
            foreach (var method in events) method.Invoke(null, [.. method.GetParameters().Select(p => Argument(p.ParameterType, logger, hostile))]);
        }

        var text = LogFile.ReadAll(Path.Combine(_work.FullName, "logs"));
        Assert.Equal(events.Count, LogFile.Entries(text).Count);
        Assert.DoesNotContain(LogFile.Lines(text), l => l.StartsWith(LogFile.ForgedEntry, StringComparison.Ordinal));
        Assert.DoesNotContain(text.Replace("\n", "", StringComparison.Ordinal), c => c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\u202E');
        Assert.DoesNotContain(Secret, text, StringComparison.OrdinalIgnoreCase);
    }

    private static object? Argument(Type type, ILogger logger, string hostile)
    {
        if (type == typeof(ILogger)) return logger;
        if (type == typeof(string)) return hostile;
        if (typeof(Exception).IsAssignableFrom(type)) return new InvalidOperationException("failed on " + hostile, new FormatException(hostile));
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type.IsValueType) return Activator.CreateInstance(type);
        return null;
    }
}
