using AgenticIR.Storage.Postgres;
using AgenticIR.Testing.Storage;
using Npgsql;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>The pool settings the store gives a connection: statements prepared once per connection and kept when the
/// connection goes back to the pool, unless the operator's connection says otherwise.</summary>
public sealed class PostgresStoreOptionsTests
{
    [Fact]
    public async Task Build_ConnectionWithoutPoolSettings_RepeatedStatementStaysPreparedAcrossReturns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = new TempPostgresDatabase();
        var options = await database.OptionsAsync();
        options.MaxPoolSize = 1;
        await using var source = NpgsqlDataSource.Create(options.Build().ConnectionString);

        for (var i = 0; i < 8; i++)
        {
            await using var connection = await source.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand("SELECT $1::int + 1", connection) { Parameters = { new() { Value = i } } };
            await command.ExecuteScalarAsync(ct);
        }

        // One pooled connection ran the statement eight times, returned to the pool after each: it is prepared on the
        // server, which a session reset (DISCARD ALL) on return would have dropped.
        await using var check = await source.OpenConnectionAsync(ct);
        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + 1%'", check);
        Assert.Equal(1L, (long)(await prepared.ExecuteScalarAsync(ct))!);
    }

    [Fact]
    public void Build_ConnectionSettingPoolBehaviour_KeepsItsOwnValues()
    {
        var options = new PostgresStoreOptions { ConnectionString = "Host=db;Username=ir;Password=pw;Database=ir;Max Auto Prepare=0;No Reset On Close=false" };

        var builder = options.Build();

        Assert.Equal((0, false), (builder.MaxAutoPrepare, builder.NoResetOnClose));
    }

    [Fact]
    public void Build_UriWithoutPoolSettings_PreparesAndSkipsTheReset()
    {
        var options = new PostgresStoreOptions { ConnectionString = "postgresql://ir:pw@db:5432/ir" };

        var builder = options.Build();

        Assert.Equal((64, true), (builder.MaxAutoPrepare, builder.NoResetOnClose));
    }
}
