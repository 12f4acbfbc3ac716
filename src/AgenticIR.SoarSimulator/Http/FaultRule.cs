namespace AgenticIR.SoarSimulator.Http;

/// <summary>Fail the next <see cref="Remaining"/> requests whose path starts with <see cref="PathPrefix"/> (any when null).</summary>
internal sealed class FaultRule(int remaining, int statusCode, int? retryAfterSeconds, string? pathPrefix)
{
    public int Remaining { get; set; } = remaining;
    public int StatusCode { get; } = statusCode;
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;
    public string? PathPrefix { get; } = pathPrefix;

    public bool Applies(string path) =>
        Remaining > 0 && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase));
}
