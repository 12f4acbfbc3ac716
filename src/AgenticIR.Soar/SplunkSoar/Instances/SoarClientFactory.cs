using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.SplunkSoar.Instances;

/// <summary>Creates one <see cref="ISplunkSoarClient"/> per configured instance, each with its own pipelines, circuit
/// breaker and <see cref="SoarInstanceHealth"/>. Creating a client again (reconfiguration) starts it healthy. Each token
/// joins the <see cref="SecretScrubber"/> (by default the process-wide one the logs go through).</summary>
internal sealed class SoarClientFactory(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, SoarResilienceSettings? settings = null, SecretScrubber? scrubber = null)
{
    private readonly SecretScrubber _scrubber = scrubber ?? SecretScrubber.Shared;
    private readonly ILoggerFactory _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly SoarResilienceSettings _settings = settings ?? SoarResilienceSettings.Default;

    public ISplunkSoarClient Create(SoarInstanceDefinition instance, string token) => Create(instance, new SoarSecret(token));

    public SplunkSoarClient Create(SoarInstanceDefinition instance, SoarSecret token)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(token);
        var logger = _loggerFactory.CreateLogger<SplunkSoarClient>();
        _scrubber.Add(token.Reveal());
#pragma warning disable CA2000 // Ownership passes to the client, which disposes the transport.
        var transport = new SoarTransport(instance, token, new SoarInstanceHealth(instance.Name), _settings, _time, logger, _scrubber);
#pragma warning restore CA2000
        return new SplunkSoarClient(transport, instance.PageSize);
    }
}
