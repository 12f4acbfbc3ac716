using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Everything one dispatch needs once its parameters are resolved and its key computed.</summary>
internal sealed record DispatchRequest(
    ISplunkSoarClient Client, string InvestigationId, string ActionId, ActionDefinition Definition, SplunkSoarBinding Binding,
    Observable Target, long ContainerId, IReadOnlyDictionary<string, string> Parameters, string Key)
{
    /// <summary>The deterministic run name a lost POST answer is found again by.</summary>
    public string RunName => SoarDispatchNames.RunNamePrefix + Key;
}
