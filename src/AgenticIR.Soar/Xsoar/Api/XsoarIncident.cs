using System.Text.Json;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>An incident as <c>/incidents/search</c> returns it (Swagger <c>Incident</c>). <see cref="Raw"/> keeps the
/// whole object for the mapping (mappings/xsoar_incident.yaml reads labels, CustomFields and the rest from it).</summary>
internal sealed record XsoarIncident
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }

    /// <summary>0 unknown, 0.5 informational, 1 low, 2 medium, 3 high, 4 critical.</summary>
    public double? Severity { get; init; }

    /// <summary>0 pending, 1 active, 2 done (closed), 3 archive / acknowledged.</summary>
    public int? Status { get; init; }

    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public DateTimeOffset? Occurred { get; init; }
    public string? PlaybookId { get; init; }
    public string? Owner { get; init; }
    public string? CloseReason { get; init; }
    public string? CloseNotes { get; init; }

    /// <summary>Optimistic-locking version; send it back on update.</summary>
    public long? Version { get; init; }

    public IReadOnlyList<XsoarLabel> Labels { get; init; } = [];

    /// <summary><c>CustomFields</c> (keys are field names lower-cased without spaces), or null.</summary>
    public JsonElement? CustomFields { get; init; }

    public required JsonElement Raw { get; init; }
}
