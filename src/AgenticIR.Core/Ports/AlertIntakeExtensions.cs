using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Ports;

/// <summary>Intake for sources without a playbook entry or platform record (files, folders, streams).</summary>
public static class AlertIntakeExtensions
{
    /// <summary>Takes one input exactly once in <paramref name="mode"/>, merging duplicates.</summary>
    public static Task<IngestOutcome> IngestAsync(this IAlertIntake intake, string inputKey, RawAlert raw, NormalizationResult normalized, PlaybookMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        return intake.IngestAsync(inputKey, raw, normalized, new IngestContext(null, null, mode), cancellationToken);
    }
}
