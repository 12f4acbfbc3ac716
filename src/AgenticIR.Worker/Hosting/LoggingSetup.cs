using AgenticIR.Core.Security;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace AgenticIR.Worker.Hosting;

/// <summary>Serilog is configured here and only here. Commands with their own console output log to a file beside the
/// database; the long-running worker also logs to the console. Events carry ids, never payloads or secrets; and because
/// ids (an alert id, a file name) come from outside, every event passes <see cref="SanitizingSink"/> before any sink:
/// control characters are escaped, so a value cannot forge a log line, and every known secret is masked.</summary>
internal static class LoggingSetup
{
    public static ILoggerFactory Create(ResolvedPaths paths, bool console, LogEventLevel minimum = LogEventLevel.Information, SecretScrubber? scrubber = null)
    {
        var folder = Path.Combine(Path.GetDirectoryName(paths.Database) ?? ".", "logs");
        var secrets = scrubber ?? SecretScrubber.Shared;
        var sanitized = LoggerSinkConfiguration.Wrap(sink => new SanitizingSink(sink, secrets), to =>
        {
            to.File(Path.Combine(folder, "agentic-ir-.log"), rollingInterval: RollingInterval.Day, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            if (console) to.Console(standardErrorFromLevel: LogEventLevel.Warning, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        });
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .Enrich.FromLogContext()
            .WriteTo.Sink(sanitized);
        return LoggerFactory.Create(builder => builder.AddSerilog(configuration.CreateLogger(), dispose: true));
    }
}
