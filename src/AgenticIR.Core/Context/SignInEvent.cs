namespace AgenticIR.Core.Context;

/// <summary>A sign-in record.</summary>
public sealed record SignInEvent(DateTimeOffset Timestamp, string User, string SourceIp, string Country, string? City, string? Host, string? App, bool Success);
