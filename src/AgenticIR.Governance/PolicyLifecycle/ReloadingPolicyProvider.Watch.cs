namespace AgenticIR.Governance.PolicyLifecycle;

public sealed partial class ReloadingPolicyProvider
{
    private ITimer? _timer;
    private Task _lastCheck = Task.CompletedTask;

    /// <summary>The check the watcher started last (tests await it after advancing a fake clock).</summary>
    internal Task LastCheck => Volatile.Read(ref _lastCheck);

    /// <summary>Polls the file's content hash every <paramref name="interval"/> on the <see cref="TimeProvider"/> and
    /// reloads when it changed. Polling is cheaper and more dependable than file-system events on container mounts and
    /// network shares; only a changed hash pays for validation. A second call changes the interval.</summary>
    public void StartWatching(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (_timer is { } existing)
        {
            existing.Change(interval, interval);
            return;
        }
        _timer = _time.CreateTimer(_ => OnTick(), null, interval, interval);
    }

    private void OnTick()
    {
        // A check still running (a slow validation) is not doubled up; the next tick looks again.
        if (!_lastCheck.IsCompleted || _stopping.IsCancellationRequested) return;
        Volatile.Write(ref _lastCheck, CheckAsync(_stopping.Token));
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
#pragma warning disable CA1031 // The watcher is a loop boundary: one failed check must not stop the next ones.
        try
        {
            var seen = await HashFileAsync(_source.Path, cancellationToken);
            if (seen == _lastSeenHash) return;
            await ReloadAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            PolicyLifecycleLog.WatchFailed(_logger, _source.Path, ex);
        }
#pragma warning restore CA1031
    }

    /// <summary>Stops the watcher and waits for a check in progress.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        if (_timer is not null) await _timer.DisposeAsync();
        await _lastCheck;
        _stopping.Dispose();
        _gate.Dispose();
    }
}
