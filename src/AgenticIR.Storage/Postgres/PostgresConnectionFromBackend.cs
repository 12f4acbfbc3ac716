using Microsoft.Extensions.Options;

namespace AgenticIR.Storage.Postgres;

/// <summary>A <c>postgresql://</c> URI in <c>Storage:Backend</c> is the connection: it replaces
/// <see cref="PostgresStoreOptions.ConnectionString"/>, so the one setting an operator gives is the one used.</summary>
internal sealed class PostgresConnectionFromBackend(IOptions<StorageOptions> storage) : IPostConfigureOptions<PostgresStoreOptions>
{
    public void PostConfigure(string? name, PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (storage.Value.PostgresUri is { } uri) options.ConnectionString = uri;
    }
}
