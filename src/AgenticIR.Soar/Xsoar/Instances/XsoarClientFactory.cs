using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Xsoar.Instances;

/// <summary>Creates one <see cref="XsoarClient"/> per configured XSOAR instance, each with its own pipelines, circuit
/// breaker and <see cref="XsoarInstanceHealth"/>. Each key joins the <see cref="SecretScrubber"/> (by default the
/// process-wide one the logs go through).</summary>
internal sealed class XsoarClientFactory(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, SoarResilienceSettings? settings = null, SecretScrubber? scrubber = null)
{
    private readonly SecretScrubber _scrubber = scrubber ?? SecretScrubber.Shared;
    private readonly ILoggerFactory _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly SoarResilienceSettings _settings = settings ?? SoarResilienceSettings.Default;

    public XsoarClient Create(XsoarInstanceDefinition instance, XsoarApiKey key)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(key);
        var logger = _loggerFactory.CreateLogger<XsoarClient>();
        _scrubber.Add(key.Reveal());
#pragma warning disable CA2000 // Ownership passes to the client, which disposes the transport.
        var transport = new XsoarTransport(instance, key, new XsoarInstanceHealth(instance.Name), _settings, _time, logger, _scrubber);
#pragma warning restore CA2000
        return new XsoarClient(transport, instance.PageSize);
    }
}
