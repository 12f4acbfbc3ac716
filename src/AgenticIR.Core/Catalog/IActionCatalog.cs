namespace AgenticIR.Core.Catalog;

/// <summary>The logical actions defined in <c>connectors/</c>.</summary>
public interface IActionCatalog
{
    /// <summary>All actions.</summary>
    IReadOnlyCollection<ActionDefinition> All { get; }

    /// <summary>An action by name, or null.</summary>
    ActionDefinition? Find(string name);
}
