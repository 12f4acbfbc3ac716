using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Soar.Tests.Dispatch;

/// <summary>Fake time that jumps forward as soon as code waits on it, so poll loops with backoff run instantly while
/// every wait still counts against their budgets (no real sleeping, no timing races).</summary>
internal sealed class AutoAdvancingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan) ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        return timer;
    }
}
