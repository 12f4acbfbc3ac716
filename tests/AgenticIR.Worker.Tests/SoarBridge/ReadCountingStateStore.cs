using System.Collections.Concurrent;
using System.Reflection;
using AgenticIR.Core.Ports;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>The real state store, counting how often each investigation is read (<see cref="IStateStore.GetAsync"/>).</summary>
#pragma warning disable CA1852 // DispatchProxy derives the proxy type from this class at run time
public class ReadCountingStateStore : DispatchProxy
#pragma warning restore CA1852
{
    private IStateStore _inner = null!;

    /// <summary>Reads by investigation id.</summary>
    public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    public static IStateStore Over(IStateStore inner, out ConcurrentDictionary<string, int> reads)
    {
        var store = Create<IStateStore, ReadCountingStateStore>();
        var proxy = (ReadCountingStateStore)(object)store;
        proxy._inner = inner;
        reads = proxy.Reads;
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IStateStore.GetAsync) && args?[0] is string id) Reads.AddOrUpdate(id, 1, (_, n) => n + 1);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
