using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Testing.Fakes;

/// <summary>Keeps every log line (category, level, event id, formatted message, structured properties and exception), to
/// assert what an operator would read and that nothing secret reaches the logs. Serves as a logger factory too.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    /// <summary>Every line logged so far, in order.</summary>
    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>Every line as <c>message | properties | exception</c>, one per line: what a search for a leak reads.</summary>
    public string AllText => string.Join(Environment.NewLine, _lines.Select(l => l.Text));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    /// <summary>One logged line.</summary>
    public sealed record LogLine(string Category, LogLevel Level, int EventId, string Message, string Properties, Exception? Exception)
    {
        /// <summary>The line as <c>message | properties | exception</c>.</summary>
        public string Text => $"{Message} | {Properties} | {Exception}";
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner._lines.Enqueue(new LogLine(category, logLevel, eventId.Id, formatter(state, exception), properties, exception));
        }
    }
}
