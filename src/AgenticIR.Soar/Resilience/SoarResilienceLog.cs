using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Resilience;

/// <summary>Retries and breaker changes of any SOAR client; <c>platform</c> is the product's name as operators know it.</summary>
internal static partial class SoarResilienceLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "{Platform} instance {Instance}: {Method} {Path} failed ({Reason}); retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string platform, string instance, string method, string path, string reason, int attempt, long delayMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "{Platform} instance {Instance}: circuit opened for {BreakMs} ms after repeated failures (last: {Reason})")]
    public static partial void CircuitOpened(ILogger logger, string platform, string instance, long breakMs, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "{Platform} instance {Instance}: circuit closed, calls resume")]
    public static partial void CircuitClosed(ILogger logger, string platform, string instance);
}
