using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Xsoar.Model;

/// <summary>An incident to seed: what <c>/incidents/search</c> returns for it, its indicators and its playbook.</summary>
public sealed record XsoarSeedIncident
{
    public required string Name { get; init; }
    public required string Type { get; init; }

    /// <summary>0 unknown, 0.5 informational, 1 low, 2 medium, 3 high, 4 critical.</summary>
    public double Severity { get; init; } = 1;

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    /// <summary><c>CustomFields</c> (keys lower-case without spaces).</summary>
    public JsonObject? CustomFields { get; init; }

    public string? Details { get; init; }

    /// <summary>The analyst the incident is assigned to (<c>owner</c>); empty when null.</summary>
    public string? Owner { get; init; }

    public string? PlaybookId { get; init; }
    public IReadOnlyList<XsoarSeedTask> PlaybookTasks { get; init; } = [];
    public IReadOnlyList<XsoarSeedIndicator> Indicators { get; init; } = [];
    public DateTimeOffset? Occurred { get; init; }
}
