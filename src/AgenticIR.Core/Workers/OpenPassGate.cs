using AgenticIR.Core.Ports;

namespace AgenticIR.Core.Workers;

/// <summary>The gate of a single process: every pass may always run (nothing else shares the store).</summary>
public sealed class OpenPassGate : IPassGate
{
    private static readonly Task<bool> Yes = Task.FromResult(true);

    private OpenPassGate()
    {
    }

    /// <summary>The one instance.</summary>
    public static OpenPassGate Instance { get; } = new();

    /// <inheritdoc />
    public Task<bool> TryEnterAsync(string lease, TimeSpan interval, CancellationToken cancellationToken) => Yes;
}
