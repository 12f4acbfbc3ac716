using System.Collections.Concurrent;

namespace AgenticIR.Soar.Dispatch;

/// <summary>One dispatch per ledger key at a time in this process, on either SOAR; across processes the ledger's insert
/// and reclaim decide.</summary>
internal static class DispatchKeyGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<T> RunAsync<T>(string key, Func<CancellationToken, Task<T>> dispatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var gate = Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await dispatch(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
