using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace AgenticIR.Worker.Hosting;

/// <summary>Serilog is configured here and only here. Commands with their own console output log to a file beside the
/// database; the long-running worker also logs to the console. Events carry ids, never payloads or secrets.</summary>
internal static class LoggingSetup
{
    public static ILoggerFactory Create(ResolvedPaths paths, bool console, LogEventLevel minimum = LogEventLevel.Information)
    {
        var folder = Path.Combine(Path.GetDirectoryName(paths.Database) ?? ".", "logs");
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .Enrich.FromLogContext()
            .WriteTo.File(Path.Combine(folder, "agentic-ir-.log"), rollingInterval: RollingInterval.Day, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (console) configuration = configuration.WriteTo.Console(standardErrorFromLevel: LogEventLevel.Warning, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        return LoggerFactory.Create(builder => builder.AddSerilog(configuration.CreateLogger(), dispose: true));
    }
}
