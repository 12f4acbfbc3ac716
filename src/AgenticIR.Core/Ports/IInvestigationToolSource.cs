namespace AgenticIR.Core.Ports;

/// <summary>Investigation tools an adapter contributes beside the built-in local-context ones (a SOAR's enrichment
/// actions). The tool registry takes every registered source's tools; names must not clash with the built-in ones.</summary>
public interface IInvestigationToolSource
{
    /// <summary>The tools; empty when the adapter has nothing to offer (no SOAR instance configured).</summary>
    IReadOnlyList<IInvestigationTool> Tools { get; }
}
