using AgenticIR.Core.Catalog;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Dispatch;

namespace AgenticIR.Soar.Xsoar.LiveValidation;

/// <summary>Checks every <c>xsoar</c> binding of the catalog against a live instance's integration catalog
/// (<c>agentic-ir validate --live</c>): the binding's integration is installed and declares the command, every argument
/// the binding uses is declared by that command, and exactly one configured instance of the integration is enabled (the
/// one dispatch pins with <c>using=</c>). The same rule decides at dispatch time, so what passes here can be sent.
/// Reads only.</summary>
internal static class XsoarLiveBindingValidator
{
    public static async Task<IReadOnlyList<XsoarLiveBindingProblem>> ValidateAsync(IXsoarClient client, IActionCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!catalog.All.Any(a => a.Xsoar is not null)) return [];
        return Check(client.InstanceName, catalog, await client.GetIntegrationsAsync(cancellationToken));
    }

    /// <summary>Every problem of every bound action, in action-name order.</summary>
    public static IReadOnlyList<XsoarLiveBindingProblem> Check(string instance, IActionCatalog catalog, XsoarIntegrationCatalog installed)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(installed);
        return
        [
            .. catalog.All.Where(a => a.Xsoar is not null).OrderBy(a => a.Name, StringComparer.Ordinal)
                .SelectMany(definition => XsoarIntegrationDirectory.Resolve(instance, definition.Xsoar!, installed).Problems
                    .Select(problem => new XsoarLiveBindingProblem(definition.Name, definition.SourceFile, problem))),
        ];
    }
}
