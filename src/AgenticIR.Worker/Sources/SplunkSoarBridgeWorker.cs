using AgenticIR.Soar.SplunkSoar.Intake;
using Microsoft.Extensions.Hosting;

namespace AgenticIR.Worker.Sources;

/// <summary>Hosts one bridge per configured Splunk SOAR instance: container intake, write-back and approval comments,
/// cycle after cycle, until the host stops (an instance that refuses our token stops on its own).</summary>
internal sealed class SplunkSoarBridgeWorker(SplunkSoarBridges bridges) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => bridges.RunAsync(stoppingToken);
}
