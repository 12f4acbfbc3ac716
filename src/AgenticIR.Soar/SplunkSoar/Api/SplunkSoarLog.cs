using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>Source-generated logging for the Splunk SOAR client. Instance names, methods, paths and statuses only:
/// never a token, a query string or a body.</summary>
internal static partial class SplunkSoarLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Error,
        Message = "Splunk SOAR instance {Instance} refused our credentials (HTTP {Status}) on {Method} {Path}: the instance is stopped; fix its token and restart the worker")]
    public static partial void InstanceStopped(ILogger logger, string instance, int status, string method, string path);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Splunk SOAR instance {Instance}: {Method} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void Completed(ILogger logger, string instance, string method, string path, int status, long elapsedMs);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning,
        Message = "Splunk SOAR instance {Instance}: TLS certificate verification is OFF (verify_tls: false)")]
    public static partial void TlsVerificationOff(ILogger logger, string instance);
}
