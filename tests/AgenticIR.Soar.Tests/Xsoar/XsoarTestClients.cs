using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Resilience;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>Builds XSOAR clients against a test server with a known key, as XSOAR 6, XSOAR 8 or XSOAR 8 with an advanced key.</summary>
internal static class XsoarTestClients
{
    // '/', '+' and '=' make the URL-encoded, JSON-escaped and base64 forms differ from the key itself.
    public const string Key = "xk-7Hq2/Vb9+Lr4=SECRET-c8e1";
    public const string AuthId = "42";

    public static XsoarInstanceDefinition Instance(string baseUrl, XsoarFlavour flavour = XsoarFlavour.V6, int timeoutSeconds = 30, int pageSize = 2) => new()
    {
        Name = "lab",
        BaseUrl = new Uri(baseUrl),
        AllowHttp = true,
        ApiKeyEnv = "AGENTICIR_XSOAR_LAB_KEY",
        AuthId = flavour == XsoarFlavour.V6 ? null : AuthId,
        AdvancedKey = flavour == XsoarFlavour.V8Advanced,
        TimeoutSeconds = timeoutSeconds,
        PageSize = pageSize,
    };

    public static XsoarClient Create(string baseUrl, TimeProvider time, ILoggerFactory? logs = null, SoarResilienceSettings? settings = null,
        XsoarFlavour flavour = XsoarFlavour.V6, int timeoutSeconds = 30, int pageSize = 2, SecretScrubber? scrubber = null) =>
        new XsoarClientFactory(logs, time, settings, scrubber ?? new SecretScrubber())
            .Create(Instance(baseUrl, flavour, timeoutSeconds, pageSize), new XsoarApiKey(Key));
}
