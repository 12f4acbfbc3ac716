using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;

namespace AgenticIR.Soar.SplunkSoar.Enrichment;

/// <summary>An enrichment logical action (e.g. <c>ip_reputation</c>) run as the SOAR's own investigative app action on
/// the container the investigation came from. Only investigations from Splunk SOAR use it; for the others it says it
/// does not apply and the local-context tools serve. Failures, refusals and timeouts are results without findings.</summary>
internal sealed class SoarEnrichmentTool(
    ActionDefinition definition, SoarClientDirectory clients, SoarAppDirectory apps, SoarToolAvailability availability, SplunkSoarDispatchOptions options,
    TimeProvider time)
    : IInvestigationTool
{
    private const int MaxTargetInName = 120;

    private readonly SplunkSoarBinding _binding = definition.SplunkSoar
        ?? throw new ArgumentException($"'{definition.Name}' has no splunk_soar binding", nameof(definition));
    private readonly ActionRunPoller _poller = new(time, options);

    public string Name => definition.Name;

    public string Description => $"{definition.Description} (Splunk SOAR app '{_binding.App}', action '{_binding.Action}').";

    public IReadOnlySet<ObservableType> Accepts { get; } = definition.TargetTypes.ToHashSet();

    public int Cost => 1;

    // Only containers of this SOAR, and never in shadow (or off) mode: there the worker sends nothing to the SOAR's
    // integrations, not even look-ups, so the playbook's own run is the only one the SOAR sees. Nor where the binding
    // cannot run (app or action missing on that instance): a post there would only fail.
    public bool AppliesTo(InvestigationRecord investigation) =>
        investigation.Source is { Platform: SoarDispatchNames.Platform } source && !investigation.Mode.IsObserveOnly()
        && availability.WhyOff(source.Instance, Name) is null;

    public async Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(context);
        var investigation = context.Investigation;
        if (investigation.Source is not { Platform: SoarDispatchNames.Platform } source)
            return Skip($"{Name} runs through Splunk SOAR and does not apply to an investigation from {investigation.Source?.Platform ?? "a local source"}; the local-context tools cover {subject.Value}");
        if (clients.Find(source.Instance) is not { } client)
            return Skip($"{Name} not run: no Splunk SOAR instance named '{source.Instance}' is configured");
        if (!long.TryParse(source.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var containerId))
            return Skip($"{Name} not run: '{source.ExternalId}' is not a Splunk SOAR container id");

        if (availability.WhyOff(source.Instance, Name) is { } off) return Skip($"{Name} not run: {off}");
        var known = context.Known.Concat(investigation.AllObservables).Distinct().ToList();
        var resolution = BindingParameters.Resolve(_binding, subject, known);
        if (!resolution.Succeeded) return Skip($"{Name} not run: {resolution.Refusal}");

        try
        {
            var target = await apps.ResolveAsync(client, _binding, cancellationToken);
            if (target.Problem is not null) return Skip($"{Name} not run: {target.Problem}");
            // The name is for people reading the container; a very long URL is cut rather than sent whole.
            var shown = subject.Value.Length <= MaxTargetInName ? subject.Value : subject.Value[..MaxTargetInName] + "…";
            var name = $"{SoarDispatchNames.RunNamePrefix}{investigation.Id}:{Name}:{shown}";
            var runId = await client.RunActionAsync(new ActionRunRequest(
                containerId, _binding.Action, name, [new ActionRunTarget(target.Assets, [resolution.Parameters!], target.AppId)], "investigative"),
                cancellationToken);
            var outcome = await _poller.PollAsync(client, runId, options.EnrichmentBudget, cancellationToken);
            if (outcome.TimedOut)
                return Skip(string.Create(CultureInfo.InvariantCulture,
                    $"{subject.Value}: {Name} (action_run {runId}) was still '{outcome.Run.Status}' after {options.EnrichmentBudget.TotalSeconds:0} s; no verdict"));
            if (outcome.Run.Status != "success")
                return Skip($"{subject.Value}: {Name} (action_run {runId}) failed: {outcome.Run.Message ?? "no message"}");
            var appRuns = await client.ListAppRunsAsync(runId, cancellationToken);
            return EnrichmentFindings.From(Name, _binding, subject, source.Instance, runId, appRuns);
        }
        catch (Exception ex) when (ex is SoarUnavailableException or SoarRequestException or SoarUnauthorizedException)
        {
            // Refused by the SOAR (e.g. the action went away since the last check): check the instance again next cycle.
            if (ex is SoarRequestException) availability.Invalidate(source.Instance);
            return Skip($"{subject.Value}: {Name} not run: {ex.Message}");
        }
    }

    private static ToolResult Skip(string summary) => new(summary, []);
}
