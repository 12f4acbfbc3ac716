using System.Collections.Concurrent;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Soar;
using AgenticIR.Core.Workers;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Shadow;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Approvals;

/// <summary>What the governance loop does for Cortex XSOAR on each of its passes: read answers given in XSOAR (war-room
/// entries or completed approval tasks, per instance's <c>approvals</c>), each instance at most once per its
/// <c>poll_interval_seconds</c>, under the governance loop's lease (<see cref="LeaseNames.ApprovalTimeouts"/>: answers and
/// timeouts are decided on one worker); then the shadow comparison of XSOAR incidents, under the shadow observer's lease
/// (<see cref="LeaseNames.ShadowObserver"/>), like Splunk SOAR's. An unreachable instance is skipped until the next pass;
/// one whose key was refused is left alone.</summary>
internal sealed class XsoarGovernancePass(
    IReadOnlyList<(XsoarInstanceDefinition Definition, IXsoarClient Client)> instances,
    XsoarApprovalPoller? approvals,
    XsoarShadowObserver? shadow,
    TimeProvider time,
    ILogger<XsoarGovernancePass> logger,
    IPassGate? gate = null)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRead = new(StringComparer.Ordinal);
    private readonly IPassGate _gate = gate ?? OpenPassGate.Instance;

    /// <summary>One pass of the governance loop, which runs one every <paramref name="passInterval"/> (the leases are held
    /// for longer than that); returns the investigations an accepted answer changed.</summary>
    public async Task<IReadOnlyList<string>> PassAsync(TimeSpan passInterval, CancellationToken cancellationToken)
    {
        // Without XSOAR instances nothing is built (a host with no soar.yaml has none of the parts): every pass is a no-op.
        if (instances.Count == 0 || approvals is null || shadow is null) return [];
        var changed = new List<string>();
        if (await _gate.TryEnterAsync(LeaseNames.ApprovalTimeouts, passInterval, cancellationToken))
        {
            var now = time.GetUtcNow();
            foreach (var (definition, client) in instances)
            {
                if (client.Health.IsStopped) continue;
                if (_lastRead.TryGetValue(definition.Name, out var last) && now - last < definition.PollInterval) continue;
                try
                {
                    var result = await approvals.PollOnceAsync(client, definition.Approvals, cancellationToken);
                    _lastRead[definition.Name] = now;
                    changed.AddRange(result.Investigations);
                }
                catch (Exception ex) when (ex is XsoarUnavailableException or XsoarRequestException or XsoarUnauthorizedException)
                {
                    // Ledger rows are written before each reply: the next pass resumes where this one stopped.
                    XsoarApprovalLog.Unavailable(logger, definition.Name, ex.GetType().Name);
                }
            }
        }
        if (await _gate.TryEnterAsync(LeaseNames.ShadowObserver, passInterval, cancellationToken))
            await shadow.PollOnceAsync([.. instances.Select(i => i.Client)], cancellationToken);
        return changed;
    }
}
