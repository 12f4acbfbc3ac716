using Microsoft.Extensions.Options;

namespace AgenticIR.Storage.Postgres;

/// <summary>Checks <see cref="PostgresStoreOptions"/> at start-up when PostgreSQL is the chosen back end (a worker on the
/// embedded store never needs them), naming each setting and never quoting the connection.</summary>
internal sealed class PostgresStoreOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<PostgresStoreOptions>
{
    private const int LargestPool = 1000;
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var chosen = storage.Value;
        if (chosen.Kind != StoreKind.Postgres) return ValidateOptionsResult.Success;

        var failures = new List<string>();
        var from = chosen.PostgresUri is not null
            ? $"{StorageOptions.SectionName}:{nameof(StorageOptions.Backend)} (AGENTICIR_STORE, --store)"
            : $"{PostgresStoreOptions.SectionName}:{nameof(options.ConnectionString)}";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add($"{from} is empty: give a postgresql://user:password@host:port/dbname URI or an Npgsql keyword connection string.");
        else if (PostgresConnectionString.TryParse(options.ConnectionString, out var problem) is null)
            failures.Add($"{from} cannot be read: {problem}.");
        if (options.MaxPoolSize is < 1 or > LargestPool)
            failures.Add($"{PostgresStoreOptions.SectionName}:{nameof(options.MaxPoolSize)} is {options.MaxPoolSize}: it must be between 1 and {LargestPool}.");
        if (options.CommandTimeout < ShortestTimeout || options.CommandTimeout > LongestTimeout)
            failures.Add($"{PostgresStoreOptions.SectionName}:{nameof(options.CommandTimeout)} is {options.CommandTimeout:c}: it must be between {ShortestTimeout:c} and {LongestTimeout:c}.");
        if (options.RetryWindow < TimeSpan.Zero || options.RetryWindow > LongestTimeout)
            failures.Add($"{PostgresStoreOptions.SectionName}:{nameof(options.RetryWindow)} is {options.RetryWindow:c}: it must be between {TimeSpan.Zero:c} and {LongestTimeout:c}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
