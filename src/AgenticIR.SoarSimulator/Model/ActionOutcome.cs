using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Model;

/// <summary>How an (app, action) finishes, optionally only when parameter <see cref="ParameterName"/> equals
/// <see cref="ParameterValue"/> (case-insensitive). Parameter-specific outcomes win over general ones; among equals the
/// last one set wins. <see cref="Summary"/> and <see cref="Data"/> become the <c>result_data</c> item.</summary>
public sealed record ActionOutcome
{
    public required string App { get; init; }
    public required string Action { get; init; }
    public string? ParameterName { get; init; }
    public string? ParameterValue { get; init; }

    /// <summary><c>success</c> or <c>failed</c>.</summary>
    public string Status { get; init; } = "success";

    public string? Message { get; init; }
    public JsonObject? Summary { get; init; }
    public JsonArray? Data { get; init; }
}
