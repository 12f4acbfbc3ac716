using System.Globalization;
using AgenticIR.Core.Playbooks;
using AgenticIR.Worker.Inputs;
using Microsoft.Extensions.Options;

namespace AgenticIR.Worker.Hosting;

/// <summary>Checks the <c>AgenticIR</c> section at start-up; each message names the setting, its value and what is allowed.</summary>
internal sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath)) failures.Add($"{Key(nameof(WorkerOptions.DatabasePath))} (--db, AGENTICIR_DB) is empty.");
        if (string.IsNullOrWhiteSpace(options.ReportsPath)) failures.Add($"{Key(nameof(WorkerOptions.ReportsPath))} (--out) is empty.");
        if (options.Lanes is < 1 or > 64) failures.Add(Invariant($"{Key(nameof(WorkerOptions.Lanes))} is {options.Lanes}: it must be between 1 and 64."));
        if (options.MaxInputBytes is < InputLimits.MinimumMaxBytes or > InputLimits.MaximumMaxBytes)
        {
            failures.Add(Invariant(
                $"{Key(nameof(WorkerOptions.MaxInputBytes))} is {options.MaxInputBytes}: it must be between {InputLimits.MinimumMaxBytes} and {InputLimits.MaximumMaxBytes} bytes."));
        }
        // A worker-wide mode of off would open investigations that nothing may act on: off is set per playbook.
        if (options.Mode is not (PlaybookMode.Shadow or PlaybookMode.Assisted or PlaybookMode.Autonomous))
            failures.Add($"{Key(nameof(WorkerOptions.Mode))} is '{options.Mode.ToString().ToLowerInvariant()}': it must be shadow, assisted or autonomous.");
        if (options.HeartbeatInterval <= TimeSpan.Zero || options.WorkerTimeout < 3 * options.HeartbeatInterval)
        {
            failures.Add(Invariant(
                $"{Key(nameof(WorkerOptions.WorkerTimeout))} is {options.WorkerTimeout} and {Key(nameof(WorkerOptions.HeartbeatInterval))} {options.HeartbeatInterval}: the timeout must be at least three heartbeats."));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string property) => $"{WorkerOptions.SectionName}:{property}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
