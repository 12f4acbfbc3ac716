namespace AgenticIR.Soar.PlaybookAudit;

/// <summary>One action a playbook run launched, mapped back to a logical action through the connectors' bindings.</summary>
/// <param name="LogicalAction">The connector (e.g. <c>block_ip</c>), or null when no binding names this app action.</param>
/// <param name="App">The SOAR app that ran it ("" when the record does not say).</param>
/// <param name="AppAction">The app's action name, e.g. <c>block ip</c>.</param>
/// <param name="IsEnrichment">True for enrichment: the connector's kind, or the app action's <c>investigate</c> type when unmapped.</param>
internal sealed record AuditedAction(string? LogicalAction, string App, string AppAction, bool IsEnrichment)
{
    /// <summary>The logical action, or <c>app: action</c> when it is not mapped.</summary>
    public string Label => LogicalAction ?? (App.Length == 0 ? AppAction : $"{App}: {AppAction}");
}
