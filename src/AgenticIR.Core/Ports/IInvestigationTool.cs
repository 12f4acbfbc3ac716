using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Core.Ports;

/// <summary>An investigation tool: local context on the embedded default, SOAR enrichment actions later.</summary>
public interface IInvestigationTool
{
    /// <summary>Registry name, e.g. <c>threat_intel_lookup</c>.</summary>
    string Name { get; }

    /// <summary>What it does, for the reasoner and the report.</summary>
    string Description { get; }

    /// <summary>Observable types it accepts.</summary>
    IReadOnlySet<ObservableType> Accepts { get; }

    /// <summary>API calls one run costs against the budget.</summary>
    int Cost { get; }

    /// <summary>Whether the tool may be offered for this investigation at all (e.g. SOAR enrichment only for SOAR
    /// containers, and never in shadow mode, where the worker sends nothing to the SOAR's integrations).</summary>
    bool AppliesTo(State.InvestigationRecord investigation) => true;

    /// <summary>Runs the tool on one observable.</summary>
    Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken);
}
