using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>Source-generated logging for the XSOAR client. Instance names, methods, paths and statuses only: never a
/// key, an authentication header, a query or a body.</summary>
internal static partial class XsoarLog
{
    [LoggerMessage(EventId = 4400, Level = LogLevel.Error,
        Message = "XSOAR instance {Instance} refused our credentials (HTTP {Status}) on {Method} {Path}: the instance is stopped; fix its API key (and auth_id) and restart the worker")]
    public static partial void InstanceStopped(ILogger logger, string instance, int status, string method, string path);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning,
        Message = "XSOAR instance {Instance}: {Method} {Path} failed ({Reason}); retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string instance, string method, string path, string reason, int attempt, long delayMs);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning,
        Message = "XSOAR instance {Instance}: circuit opened for {BreakMs} ms after repeated failures (last: {Reason})")]
    public static partial void CircuitOpened(ILogger logger, string instance, long breakMs, string reason);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "XSOAR instance {Instance}: circuit closed, calls resume")]
    public static partial void CircuitClosed(ILogger logger, string instance);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Debug, Message = "XSOAR instance {Instance}: {Method} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void Completed(ILogger logger, string instance, string method, string path, int status, long elapsedMs);

    [LoggerMessage(EventId = 4405, Level = LogLevel.Warning,
        Message = "XSOAR instance {Instance}: TLS certificate verification is OFF (verify_tls: false)")]
    public static partial void TlsVerificationOff(ILogger logger, string instance);
}
