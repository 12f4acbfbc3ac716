using Microsoft.Extensions.Options;

namespace AgenticIR.Storage;

/// <summary>Refuses a back end this build does not have, naming the setting and the choices. The value is quoted only when
/// it cannot be a connection string: a mistyped URI may carry a password.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Kind is not null) return ValidateOptionsResult.Success;
        var shown = options.Backend.IndexOfAny([':', '@', '=', ';', '/']) >= 0 ? "a value that is not a postgresql:// URI" : $"'{options.Backend}'";
        return ValidateOptionsResult.Fail(
            $"{StorageOptions.SectionName}:{nameof(StorageOptions.Backend)} (AGENTICIR_STORE, --store) is {shown}: it must be sqlite, a postgresql://user:password@host:port/dbname URI, or postgresql (with {Postgres.PostgresStoreOptions.SectionName}:ConnectionString).");
    }
}
