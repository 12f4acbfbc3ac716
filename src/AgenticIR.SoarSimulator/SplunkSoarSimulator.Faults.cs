using AgenticIR.SoarSimulator.Http;

namespace AgenticIR.SoarSimulator;

public sealed partial class SplunkSoarSimulator
{
    /// <summary>Delay added to every request from now on.</summary>
    public TimeSpan Latency
    {
        get => _controls.Latency;
        set => _controls.Latency = value;
    }

    /// <summary>True while every request is answered 503 (see <see cref="SetDown"/>).</summary>
    public bool IsDown => _controls.Down;

    /// <summary>The next <paramref name="count"/> requests (only those whose path starts with
    /// <paramref name="pathPrefix"/>, e.g. <c>/rest/action_run</c>, when given) get <paramref name="statusCode"/> with
    /// <c>{"failed": true, ...}</c> and, when set, a <c>Retry-After</c> header. A failed request changes nothing.</summary>
    public void FailNext(int count, int statusCode, int? retryAfterSeconds = null, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        _controls.AddFault(new FaultRule(count, statusCode, retryAfterSeconds, pathPrefix));
    }

    /// <summary>While down, every request is answered 503 Service Unavailable (the socket stays open, which is simpler
    /// to reason about in tests than a refused connection and is what a SOAR behind a load balancer shows).</summary>
    public void SetDown(bool down) => _controls.Down = down;
}
