using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.Resilience;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Tests.Api;

/// <summary>Builds clients against a test server with a known token.</summary>
internal static class SoarTestClients
{
    public const string Token = "tok-3f9a7c1e-SECRET-5b2d";

    public static SoarInstanceDefinition Instance(string baseUrl, int timeoutSeconds = 30, int pageSize = 2) => new()
    {
        Name = "lab",
        BaseUrl = new Uri(baseUrl),
        AllowHttp = true,
        TokenEnv = "AGENTICIR_SOAR_LAB_TOKEN",
        TimeoutSeconds = timeoutSeconds,
        PageSize = pageSize,
    };

    public static SplunkSoarClient Create(string baseUrl, TimeProvider time, ILoggerFactory? logs = null, SoarResilienceSettings? settings = null, int timeoutSeconds = 30, int pageSize = 2) =>
        new SoarClientFactory(logs, time, settings).Create(Instance(baseUrl, timeoutSeconds, pageSize), new SoarSecret(Token));
}
