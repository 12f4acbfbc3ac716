using AgenticIR.Core.Security;
using Serilog.Core;
using Serilog.Events;

namespace AgenticIR.Worker.Hosting;

/// <summary>Wraps the file and console sinks: each event reaches them only after <see cref="LogEventSanitizer"/>.</summary>
internal sealed class SanitizingSink(ILogEventSink inner, SecretScrubber scrubber) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent) => inner.Emit(LogEventSanitizer.Sanitize(logEvent, scrubber));

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
