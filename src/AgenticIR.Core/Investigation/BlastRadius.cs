namespace AgenticIR.Core.Investigation;

/// <summary>What the incident touches.</summary>
public sealed record BlastRadius
{
    /// <summary>Affected hosts with their criticality.</summary>
    public IReadOnlyList<AffectedAsset> Assets { get; init; } = [];

    /// <summary>Affected user accounts.</summary>
    public IReadOnlyList<string> Users { get; init; } = [];

    /// <summary>Business services behind the affected assets.</summary>
    public IReadOnlyList<string> BusinessServices { get; init; } = [];

    /// <summary>Other mailboxes that received the same lure.</summary>
    public IReadOnlyList<string> Mailboxes { get; init; } = [];

    /// <summary>Rough scope label: contained, limited, broad.</summary>
    public string Scope { get; init; } = "contained";
}
