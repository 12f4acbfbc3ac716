using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>Everything one command dispatch needs once its arguments are resolved and its key computed.</summary>
internal sealed record XsoarDispatchRequest(
    IXsoarClient Client, string InvestigationId, string ActionId, ActionDefinition Definition, XsoarBinding Binding,
    Observable Target, string IncidentId, IReadOnlyList<KeyValuePair<string, string>> Arguments, string Key)
{
    /// <summary>The command line without <c>using=</c>: what a war-room entry of this command shows whichever instance ran it.</summary>
    public string BareLine => XsoarCommandLine.Build(Binding.Command, Arguments, null);

    /// <summary>The command line as sent, pinned to <paramref name="usingInstance"/>.</summary>
    public string LineFor(string usingInstance) => XsoarCommandLine.Build(Binding.Command, Arguments, usingInstance);
}
