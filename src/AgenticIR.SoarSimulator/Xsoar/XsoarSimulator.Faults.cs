using AgenticIR.SoarSimulator.Http;

namespace AgenticIR.SoarSimulator.Xsoar;

public sealed partial class XsoarSimulator
{
    /// <summary>Delay added to every request from now on (a value above the client's timeout simulates a hang).</summary>
    public TimeSpan Latency
    {
        get => _controls.Latency;
        set => _controls.Latency = value;
    }

    /// <summary>The next <paramref name="count"/> requests (whose path starts with <paramref name="pathPrefix"/>, e.g.
    /// <c>/entry/execute/sync</c>, when given) get <paramref name="statusCode"/> (401 for an auth failure, 429, 5xx) and,
    /// when set, a <c>Retry-After</c> header. A failed request changes nothing.</summary>
    public void FailNext(int count, int statusCode, int? retryAfterSeconds = null, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        var prefix = pathPrefix is not null && AuthId is not null ? "/xsoar" + pathPrefix : pathPrefix;
        _controls.AddFault(new FaultRule(count, statusCode, retryAfterSeconds, prefix));
    }

    /// <summary>While down, every request is answered 503.</summary>
    public void SetDown(bool down) => _controls.Down = down;

    /// <summary>The next <paramref name="count"/> runs of <paramref name="command"/> fail inside the integration (an
    /// error entry, type 4, as XSOAR reports a failed command).</summary>
    public void FailCommand(string command, int count = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _store.FailCommand(command, count);
    }
}
