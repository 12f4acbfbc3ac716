using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Soar.Tests.Api;

/// <summary>A <see cref="FakeTimeProvider"/> that knows which timers are pending, so a test can advance fake time exactly
/// to the next retry delay (or wait until a timeout timer exists) instead of sleeping or guessing.</summary>
internal sealed class DrivenTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan RealTimeGuard = TimeSpan.FromSeconds(20);
    private readonly Lock _gate = new();
    private readonly List<TrackedTimer> _timers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DrivenTimeProvider() : base(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every delay a timer was armed with, in order (retry delays and attempt timeouts).</summary>
    public List<TimeSpan> ArmedDelays { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, base.CreateTimer(callback, state, dueTime, period));
        timer.Arm(dueTime);
        return timer;
    }

    /// <summary>Runs <paramref name="task"/> to completion, advancing fake time to each pending timer due within
    /// <paramref name="below"/> whenever nothing else is happening. Timers at or above it (attempt timeouts) never fire.</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, TimeSpan below)
    {
        await DriveAsync((Task)task, below);
        return await task;
    }

    public async Task DriveAsync(Task task, TimeSpan below)
    {
        var guard = Task.Delay(RealTimeGuard);
        while (!task.IsCompleted)
        {
            Task changed;
            TimeSpan? next;
            lock (_gate)
            {
                changed = _changed.Task;
                var now = GetUtcNow();
                next = _timers.Where(t => t.Due is { } due && due > now && due - now < below).Select(t => t.Due!.Value - now).DefaultIfEmpty().Min();
                if (next == TimeSpan.Zero) next = null;
            }
            if (next is { } step)
            {
                Advance(step);
                continue;
            }
            if (await Task.WhenAny(task, changed, guard) == guard) throw new TimeoutException("the call neither completed nor armed a timer");
        }
        await task;
    }

    /// <summary>Waits until a timer is armed with exactly <paramref name="delay"/> and not yet fired.</summary>
    public Task WaitForTimerAsync(TimeSpan delay) => WaitForTimerAsync(armed => armed == delay);

    /// <summary>Waits until a pending timer's delay satisfies <paramref name="match"/>.</summary>
    public async Task WaitForTimerAsync(Func<TimeSpan, bool> match)
    {
        var guard = Task.Delay(RealTimeGuard);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
                if (_timers.Any(t => t.Armed is { } armed && match(armed) && t.Due > GetUtcNow())) return;
            }
            if (await Task.WhenAny(changed, guard) == guard) throw new TimeoutException("no matching timer was armed");
        }
    }

    private void Changed(TrackedTimer timer, TimeSpan? armed)
    {
        lock (_gate)
        {
            if (armed is { } delay && delay != Timeout.InfiniteTimeSpan)
            {
                if (!_timers.Contains(timer)) _timers.Add(timer);
                ArmedDelays.Add(delay);
            }
            else
            {
                _timers.Remove(timer);
            }
            var previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }
    }

    private sealed class TrackedTimer(DrivenTimeProvider owner, ITimer inner) : ITimer
    {
        public DateTimeOffset? Due { get; private set; }

        public TimeSpan? Armed { get; private set; }

        public void Arm(TimeSpan dueTime)
        {
            Armed = dueTime == Timeout.InfiniteTimeSpan ? null : dueTime;
            Due = Armed is { } d ? owner.GetUtcNow() + d : null;
            owner.Changed(this, Armed);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            Arm(dueTime);
            return changed;
        }

        public void Dispose()
        {
            inner.Dispose();
            Due = null;
            owner.Changed(this, null);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
