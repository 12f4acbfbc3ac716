using System.Globalization;
using Microsoft.Extensions.Options;

namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>Checks <see cref="XsoarDispatchOptions"/> at start-up, naming each setting.</summary>
internal sealed class XsoarDispatchOptionsValidator : IValidateOptions<XsoarDispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, XsoarDispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, nameof(options.SendLease), options.SendLease, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Check(failures, nameof(options.LeaseCheckInterval), options.LeaseCheckInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, TimeSpan value, TimeSpan shortest, TimeSpan longest)
    {
        if (value >= shortest && value <= longest) return;
        failures.Add(string.Create(CultureInfo.InvariantCulture,
            $"{XsoarDispatchOptions.SectionName}:{setting} is {value:c}: it must be between {shortest:c} and {longest:c}."));
    }
}
