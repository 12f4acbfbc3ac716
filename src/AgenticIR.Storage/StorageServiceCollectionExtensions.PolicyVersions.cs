using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.PolicyVersions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Storage;

public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers the policy-version history and the proposal decisions on the SQLite file (one instance for both).
    /// The host must still call <c>IStateStore.InitializeAsync</c> on the same file before use.</summary>
    public static IServiceCollection AddSqlitePolicyVersions(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(_ => new SqlitePolicyVersionStore(options));
        services.TryAddSingleton<IPolicyVersionStore>(sp => sp.GetRequiredService<SqlitePolicyVersionStore>());
        services.TryAddSingleton<IProposalDecisionStore>(sp => sp.GetRequiredService<SqlitePolicyVersionStore>());
        return services;
    }
}
