using Microsoft.Extensions.Options;

namespace AgenticIR.Storage;

/// <summary>Refuses a back end this build does not have, naming the setting and the choices.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (StorageOptions.Supported.Contains(options.Backend, StringComparer.OrdinalIgnoreCase)) return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(
            $"{StorageOptions.SectionName}:{nameof(StorageOptions.Backend)} (AGENTICIR_STORE) is '{options.Backend}': this build stores state in {string.Join(", ", StorageOptions.Supported)}.");
    }
}
