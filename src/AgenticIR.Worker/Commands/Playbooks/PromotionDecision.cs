using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Splunk.Graduation;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary>Which severities of a playbook entry the graduation report supports promoting to autonomous: those it
/// recommends, less any under a demotion cap and any already autonomous; with one note per severity saying why.</summary>
internal sealed record PromotionDecision(IReadOnlyList<Severity> Promote, IReadOnlyList<string> Notes, bool AlreadyAutonomous)
{
    public static PromotionDecision Decide(PlaybookEntry entry, IReadOnlyList<GraduationRow> rows, IReadOnlyList<PlaybookModeOverride> caps, GraduationCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(caps);
        ArgumentNullException.ThrowIfNull(criteria);
        if (rows.Count == 0)
            return new([], [string.Create(CultureInfo.InvariantCulture, $"{entry.Name}: no shadow comparison in the last {criteria.WindowDays} days; run it in shadow first")], false);

        var promote = new List<Severity>();
        var notes = new List<string>();
        var already = false;
        var assignment = entry.ToAssignment();
        foreach (var row in rows.OrderBy(r => r.Severity))
        {
            var severity = row.Severity.ToWire();
            if (row.Recommendation != GraduationRecommendation.PromoteToAutonomous)
            {
                notes.Add($"{severity}: {row.RecommendationText}: {row.Reason}");
            }
            else if (caps.FirstOrDefault(c => c.Severity == row.Severity) is { } cap)
            {
                notes.Add($"{severity}: demoted to {cap.Mode.ToWire()} by {cap.By} ({cap.Reason}); lift the cap with graduation reinstate first");
            }
            else if (assignment.For(row.Severity) == PlaybookMode.Autonomous)
            {
                notes.Add($"{severity}: already autonomous");
                already = true;
            }
            else
            {
                notes.Add($"{severity}: promote to autonomous: {row.Reason}");
                promote.Add(row.Severity);
            }
        }
        return new(promote, notes, already);
    }
}
