using System.Collections.Concurrent;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.LiveValidation;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Enrichment;

/// <summary>Which enrichment tools can run on each instance: a tool whose binding fails the <c>validate --live</c> check
/// there (app not installed, action missing, parameters or assets wrong) is not offered to that instance's
/// investigations, so nothing is posted that would only fail. Read at the bridge's first cycle, again every
/// <see cref="SplunkSoarDispatchOptions.ToolAvailabilityRefresh"/> and after a refused run; each change is logged once.</summary>
internal sealed class SoarToolAvailability(IActionCatalog catalog, SplunkSoarDispatchOptions options, TimeProvider time, ILogger<SoarToolAvailability> logger)
{
    private readonly ConcurrentDictionary<string, Reading> _readings = new(StringComparer.Ordinal);
    private readonly Lock _swap = new();

    /// <summary>Why the tool cannot run on the instance, or null when it can (or nothing was read yet).</summary>
    public string? WhyOff(string instance, string tool) =>
        _readings.TryGetValue(instance, out var reading) && reading.Off.TryGetValue(tool, out var why) ? why : null;

    /// <summary>Reads the instance's apps, actions and assets when the last reading is older than the refresh interval
    /// (or was dropped), and logs the tools that went off or came back.</summary>
    /// <exception cref="SoarUnavailableException">The SOAR is down; the reading is retried next time.</exception>
    public async Task RefreshIfDueAsync(ISplunkSoarClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tools = catalog.All.Where(a => a.Kind == ActionKind.Enrichment && a.SplunkSoar is not null).ToList();
        if (tools.Count == 0) return;
        var now = time.GetUtcNow();
        if (_readings.TryGetValue(client.InstanceName, out var last) && now - last.At < options.ToolAvailabilityRefresh) return;

        Dictionary<string, string> off;
        try
        {
            var installed = await LiveCatalog.ReadAsync(client, cancellationToken);
            off = tools
                .Select(t => (t.Name, Problems: LiveBindingValidator.Check(client.InstanceName, t, installed)))
                .Where(t => t.Problems.Count > 0)
                .ToDictionary(t => t.Name, t => string.Join("; ", t.Problems.Select(p => p.Message)), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is SoarRequestException or SoarUnauthorizedException)
        {
            // A token that may not list apps still runs what it may: keep every tool offered, as before any check.
            DispatchLog.ToolsUnchecked(logger, client.InstanceName, ex is SoarRequestException r ? r.Status : ((SoarUnauthorizedException)ex).Status);
            _readings[client.InstanceName] = new Reading(now, last?.Off ?? new Dictionary<string, string>(StringComparer.Ordinal));
            return;
        }

        lock (_swap)
        {
            var before = _readings.TryGetValue(client.InstanceName, out var previous) ? previous.Off : null;
            _readings[client.InstanceName] = new Reading(now, off);
            foreach (var (tool, why) in off.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (before is null || !before.TryGetValue(tool, out var was) || was != why) DispatchLog.ToolOff(logger, client.InstanceName, tool, why);
            }
            foreach (var tool in (before?.Keys ?? []).Where(t => !off.ContainsKey(t)).Order(StringComparer.Ordinal))
                DispatchLog.ToolBack(logger, client.InstanceName, tool);
        }
    }

    /// <summary>The SOAR refused a run: the next <see cref="RefreshIfDueAsync"/> reads the instance again (what it
    /// knew stays in force until then).</summary>
    public void Invalidate(string instance)
    {
        if (_readings.TryGetValue(instance, out var reading)) _readings.TryUpdate(instance, reading with { At = DateTimeOffset.MinValue }, reading);
    }

    private sealed record Reading(DateTimeOffset At, IReadOnlyDictionary<string, string> Off);
}
