using AgenticIR.Core.Bus;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Approvals;
using AgenticIR.Soar.SplunkSoar.Approvals.Delegation;
using AgenticIR.Soar.SplunkSoar.WriteBack;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>One <see cref="SplunkSoarBridge"/> per configured instance, for the host to run; each runs its cycles only
/// while this worker holds the instance's lease (always, in a single process).</summary>
internal sealed class SplunkSoarBridges : IDisposable
{
    public SplunkSoarBridges(IReadOnlyList<SoarInstanceDefinition> instances, ContainerPoller intake, WriteBackService writeBack,
        ApprovalCommentPoller approvals, AssetApproverPass? assetApprovers, ISoarBridgeStore store, IStateStore state, IMessageBus bus, TimeProvider time,
        ILoggerFactory loggers, IPassGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(loggers);
        All = [.. instances.Select(i => new SplunkSoarBridge(i.Name, i.PollInterval, intake, writeBack, approvals,
            i.Approvals == SoarApprovalChannel.AssetApprovers ? assetApprovers : null, store, state, bus, time,
            loggers.CreateLogger<SplunkSoarBridge>(), gate))];
    }

    /// <summary>Bridges in configuration order.</summary>
    public IReadOnlyList<SplunkSoarBridge> All { get; }

    /// <summary>Runs every bridge until cancelled (each stops on its own when its credentials are refused).</summary>
    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(All.Select(b => b.RunAsync(cancellationToken)));

    public void Dispose()
    {
        foreach (var bridge in All) bridge.Dispose();
    }
}
