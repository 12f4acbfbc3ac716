namespace AgenticIR.Core.Context;

/// <summary>A cloud control-plane audit event.</summary>
public sealed record CloudAuditEvent(DateTimeOffset Timestamp, string Principal, string Action, string Resource, string? SourceIp, string? Region, string Result);
