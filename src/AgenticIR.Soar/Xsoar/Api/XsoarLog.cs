using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>Source-generated logging for the XSOAR client. Instance names, methods, paths and statuses only: never a
/// key, an authentication header, a query or a body.</summary>
internal static partial class XsoarLog
{
    [LoggerMessage(EventId = 4400, Level = LogLevel.Error,
        Message = "XSOAR instance {Instance} refused our credentials (HTTP {Status}) on {Method} {Path}: the instance is stopped; fix its API key (and auth_id) and restart the worker")]
    public static partial void InstanceStopped(ILogger logger, string instance, int status, string method, string path);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Debug, Message = "XSOAR instance {Instance}: {Method} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void Completed(ILogger logger, string instance, string method, string path, int status, long elapsedMs);

    [LoggerMessage(EventId = 4405, Level = LogLevel.Warning,
        Message = "XSOAR instance {Instance}: TLS certificate verification is OFF (verify_tls: false)")]
    public static partial void TlsVerificationOff(ILogger logger, string instance);
}
