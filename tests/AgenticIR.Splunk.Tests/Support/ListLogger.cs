using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Splunk.Tests.Support;

/// <summary>Keeps every formatted message (with its exception text) so tests can check what was logged.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue($"{logLevel} {eventId.Name}: {formatter(state, exception)} {exception}");
}
