using Microsoft.Extensions.Options;

namespace AgenticIR.Storage.Sqlite;

/// <summary>Checks <see cref="SqliteStoreOptions"/> at start-up, naming each setting (hand-written rather than generated
/// from the attributes: their TimeSpan ranges would load the type-descriptor machinery on every command's start).</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    private static readonly TimeSpan ShortestBusyTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestBusyTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path)) failures.Add($"{SqliteStoreOptions.SectionName}:{nameof(options.Path)} (--db, AGENTICIR_DB) is empty.");
        if (options.BusyTimeout < ShortestBusyTimeout || options.BusyTimeout > LongestBusyTimeout)
        {
            failures.Add($"{SqliteStoreOptions.SectionName}:{nameof(options.BusyTimeout)} is {options.BusyTimeout:c}: it must be between {ShortestBusyTimeout:c} and {LongestBusyTimeout:c}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
