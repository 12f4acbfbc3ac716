using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;

namespace AgenticIR.Core.Catalog;

/// <summary>A logical action from <c>connectors/</c>.</summary>
public sealed record ActionDefinition
{
    /// <summary>Logical name, e.g. <c>block_ip</c>.</summary>
    public required string Name { get; init; }
    /// <summary>What it does.</summary>
    public required string Description { get; init; }
    /// <summary>Phase.</summary>
    public required ActionKind Kind { get; init; }
    /// <summary>Can be undone.</summary>
    public required bool Reversible { get; init; }
    /// <summary>Logical action that undoes it.</summary>
    public string? RollbackAction { get; init; }
    /// <summary>Observable types it may target.</summary>
    public required IReadOnlyList<ObservableType> TargetTypes { get; init; }
    /// <summary>Expected duration.</summary>
    public required TimeSpan ExpectedDuration { get; init; }
    /// <summary>Splunk SOAR binding, when the action can run there.</summary>
    public SplunkSoarBinding? SplunkSoar { get; init; }
    /// <summary>Cortex XSOAR binding, when the action can run there.</summary>
    public XsoarBinding? Xsoar { get; init; }
    /// <summary>Why no Cortex XSOAR integration command performs the action, when the connector says so; null otherwise.</summary>
    public string? XsoarUnsupported { get; init; }
    /// <summary>File it was loaded from.</summary>
    public string? SourceFile { get; init; }
}
