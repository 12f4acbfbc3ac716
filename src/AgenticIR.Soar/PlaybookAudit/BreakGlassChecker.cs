using System.Globalization;
using AgenticIR.Core.Policy;

namespace AgenticIR.Soar.PlaybookAudit;

/// <summary>Checks each critical capability's fallback playbook against an instance's inventory: it exists, is active, and
/// ran successfully within the policy's test interval.</summary>
internal static class BreakGlassChecker
{
    /// <param name="policy">The capabilities and the test interval.</param>
    /// <param name="instance">The instance <paramref name="inventory"/> was read from.</param>
    /// <param name="inventory">Its playbooks with their runs since the test interval opened.</param>
    /// <param name="now">When the check runs.</param>
    public static IReadOnlyList<BreakGlassRow> Check(BreakGlassPolicy policy, string instance, IReadOnlyList<AuditedPlaybook> inventory, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(inventory);
        var since = now.AddDays(-policy.TestIntervalDays);
        var rows = new List<BreakGlassRow>();
        foreach (var capability in policy.Capabilities.Where(c => c.SoarInstance is null || c.SoarInstance == instance))
        {
            var playbook = Find(inventory.Where(p => p.InInventory), capability.Playbook);
            var gaps = new List<string>();
            if (playbook is null)
            {
                gaps.Add($"no playbook '{capability.Playbook}' on the instance");
                rows.Add(new BreakGlassRow(capability.Capability, capability.Playbook, instance, false, false, null, gaps));
                continue;
            }
            var lastSuccess = playbook.Runs.Where(r => r.Succeeded && r.Start >= since).Select(r => (DateTimeOffset?)r.Start).Max();
            if (!playbook.Active) gaps.Add("inactive: it would not start on its own");
            if (lastSuccess is null)
                gaps.Add(string.Create(CultureInfo.InvariantCulture, $"no successful run in the last {policy.TestIntervalDays} days: exercise it"));
            rows.Add(new BreakGlassRow(capability.Capability, playbook.Name, instance, true, playbook.Active, lastSuccess, gaps));
        }
        return rows;
    }

    /// <summary>A <c>repo/name</c> reference matches exactly; a bare name matches that name in any repository.</summary>
    public static AuditedPlaybook? Find(IEnumerable<AuditedPlaybook> inventory, string reference) =>
        inventory.FirstOrDefault(p => string.Equals(p.Name, reference, StringComparison.OrdinalIgnoreCase))
        ?? (reference.Contains('/', StringComparison.Ordinal) ? null
            : inventory.FirstOrDefault(p => string.Equals(p.Name[(p.Name.IndexOf('/', StringComparison.Ordinal) + 1)..], reference, StringComparison.OrdinalIgnoreCase)));
}
