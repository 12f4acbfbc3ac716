using AgenticIR.Storage.Postgres;
using Npgsql;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>The connection an operator writes, as a libpq URI or an Npgsql keyword string; its password never shows.</summary>
public sealed class PostgresConnectionStringTests
{
    private const string Password = "s3cr%40t-P@ss";

    [Fact]
    public void TryParse_FullUri_ReadsEveryPartAndDecodesThePassword()
    {
        var builder = PostgresConnectionString.TryParse($"postgresql://ir_worker:{Password}@db.example.com:6543/agentic_ir?sslmode=verify-full&application_name=worker-2", out var problem);

        Assert.Null(problem);
        Assert.NotNull(builder);
        Assert.Equal(("ir_worker", "s3cr@t-P@ss", "db.example.com", 6543, "agentic_ir"), (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database));
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("worker-2", builder.ApplicationName);
    }

    [Theory]
    [InlineData("postgres://u@localhost/db", "localhost", 5432)]
    [InlineData("postgresql://u@[::1]:5433/db", "::1", 5433)]
    [InlineData("postgresql://u@db1:5432,db2:5433/db", "db1:5432,db2:5433", 5432)]
    [InlineData("postgresql:///db?host=%2Fvar%2Frun%2Fpostgresql", "/var/run/postgresql", 5432)]
    public void TryParse_HostForms_GiveNpgsqlHostAndPort(string uri, string host, int port)
    {
        var builder = PostgresConnectionString.TryParse(uri, out var problem);

        Assert.Null(problem);
        Assert.Equal((host, port), (builder!.Host, builder.Port));
    }

    [Fact]
    public void TryParse_KeywordString_IsReadAsNpgsqlReadsIt()
    {
        var builder = PostgresConnectionString.TryParse("Host=10.0.0.5;Port=5432;Username=ir;Password=pw;Database=ir;SSL Mode=Require", out _);

        Assert.Equal(("10.0.0.5", "ir", SslMode.Require), (builder!.Host, builder.Username, builder.SslMode));
    }

    [Theory]
    [InlineData($"postgresql://u:{Password}@host:99999/db", "port")]
    [InlineData($"postgresql://u:{Password}@host/db?sslmode=maybe", "sslmode must be one of")]
    [InlineData($"postgresql://u:{Password}@host/db?pasword={Password}", "is not one this worker reads")]
    [InlineData($"postgresql://u:{Password}@/db", "names no host")]
    [InlineData("postgresql://u:s3cr?t&x@host/db", "not percent-encoded")]
    [InlineData("postgresql://u:s3cr/t@host/db", "not percent-encoded")]
    [InlineData($"Host=h;Password={Password};Unknown Thing=1", "neither a postgresql:// URI nor a valid keyword connection string")]
    [InlineData($"Host=h;Port=abc;Password={Password}", "a value of the wrong kind")]
    public void TryParse_Unreadable_ExplainsWithoutQuotingThePassword(string text, string expected)
    {
        var builder = PostgresConnectionString.TryParse(text, out var problem);

        Assert.Null(builder);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ConnectionWithPassword_ShowsEverythingButThePassword()
    {
        var builder = PostgresConnectionString.TryParse($"postgresql://ir_worker:{Password}@db.example.com:6543/agentic_ir?sslmode=require", out _)!;

        Assert.Equal("postgresql://ir_worker@db.example.com:6543/agentic_ir?sslmode=require", PostgresConnectionString.Describe(builder));
    }

    [Fact]
    public void ToString_Options_NeverShowThePassword()
    {
        var options = new PostgresStoreOptions { ConnectionString = $"postgresql://ir_worker:{Password}@db.example.com/agentic_ir" };

        Assert.Equal("postgresql://ir_worker@db.example.com/agentic_ir (pool 20, command timeout 00:00:30, retry window 00:02:00)", options.ToString());
        Assert.Equal("postgresql://…", new StorageOptions { Backend = options.ConnectionString }.ToString());
    }
}
