using AgenticIR.Core.Security;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Resilience;

/// <summary>What a <see cref="SoarHttpTransport{TCall}"/> is built from: one instance of one platform.</summary>
/// <param name="Platform">"Splunk SOAR" or "XSOAR", for the resilience pipeline's log lines.</param>
/// <param name="Instance">The instance's configured name.</param>
/// <param name="BaseUrl">Where request paths start.</param>
/// <param name="Timeout">The per-attempt limit.</param>
/// <param name="VerifyTls">False when the operator turned certificate verification off.</param>
/// <param name="Resilience">Retries and circuit breaker settings.</param>
/// <param name="Time">The clock the pipeline's timeouts and delays run on.</param>
/// <param name="Logger">Where the platform's log lines go.</param>
/// <param name="Scrubber">Knows the instance's secrets; every answer passes it.</param>
internal sealed record SoarTransportSettings(
    string Platform,
    string Instance,
    Uri BaseUrl,
    TimeSpan Timeout,
    bool VerifyTls,
    SoarResilienceSettings Resilience,
    TimeProvider Time,
    ILogger Logger,
    SecretScrubber Scrubber);
