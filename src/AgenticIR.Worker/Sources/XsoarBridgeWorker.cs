using AgenticIR.Soar.Xsoar.Intake;
using Microsoft.Extensions.Hosting;

namespace AgenticIR.Worker.Sources;

/// <summary>Hosts one bridge per configured Cortex XSOAR instance: incident intake, cycle after cycle at the instance's
/// poll interval, until the host stops (an instance that refuses our key stops on its own).</summary>
internal sealed class XsoarBridgeWorker(XsoarBridges bridges) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => bridges.RunAsync(stoppingToken);
}
