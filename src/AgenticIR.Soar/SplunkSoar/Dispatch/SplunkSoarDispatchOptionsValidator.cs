using System.Globalization;
using Microsoft.Extensions.Options;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Checks <see cref="SplunkSoarDispatchOptions"/> at start-up, naming each setting (hand-written rather than
/// generated from the attributes: their TimeSpan ranges would load the type-descriptor machinery on every command's start).</summary>
internal sealed class SplunkSoarDispatchOptionsValidator : IValidateOptions<SplunkSoarDispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, SplunkSoarDispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, nameof(options.PollInitialInterval), options.PollInitialInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        Check(failures, nameof(options.PollMaxInterval), options.PollMaxInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5));
        Check(failures, nameof(options.EnrichmentBudget), options.EnrichmentBudget, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30));
        Check(failures, nameof(options.DispatchMinimumBudget), options.DispatchMinimumBudget, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Check(failures, nameof(options.SendLease), options.SendLease, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Check(failures, nameof(options.ToolAvailabilityRefresh), options.ToolAvailabilityRefresh, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        if (options.DispatchBudgetFactor is < 1 or > 100)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SplunkSoarDispatchOptions.SectionName}:{nameof(options.DispatchBudgetFactor)} is {options.DispatchBudgetFactor}: it must be between 1 and 100."));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, TimeSpan value, TimeSpan shortest, TimeSpan longest)
    {
        if (value >= shortest && value <= longest) return;
        failures.Add(string.Create(CultureInfo.InvariantCulture,
            $"{SplunkSoarDispatchOptions.SectionName}:{setting} is {value:c}: it must be between {shortest:c} and {longest:c}."));
    }
}
