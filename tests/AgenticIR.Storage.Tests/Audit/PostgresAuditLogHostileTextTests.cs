using AgenticIR.Core.Audit;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>Alert text reaches the audit trail verbatim; on PostgreSQL (whose text cannot hold NUL) whatever it holds is
/// what is hashed, stored and read back, and a direct edit of a stored field is still found.</summary>
public sealed class PostgresAuditLogHostileTextTests : IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Cases => new(HostileText.Names);

    private async Task<IAuditTrail> TrailAsync() => (await _database.OpenAsync(_time)).CreateAuditTrail();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AppendAsync_HostileTextInEveryField_ReadsBackAsAppendedAndVerifies(string name)
    {
        var trail = await TrailAsync();
        var hostile = HostileText.Get(name);
        await trail.AppendAsync(AuditEntries.Sample(1), Ct);

        var appended = await trail.AppendAsync(Everywhere(hostile), Ct);
        await trail.AppendAsync(AuditEntries.Sample(2), Ct);

        var read = (await (await TrailAsync()).ReadAsync(2, 1, Ct))[0];
        AuditEntriesAssert.Same(appended.Entry, read.Entry);
        Assert.Equal(appended, read with { Entry = appended.Entry });
        // Only what UTF-8 cannot carry changes (an unpaired surrogate becomes U+FFFD), exactly as on SQLite.
        var canonical = AuditCanonicalEncoding.CanonicalText(hostile);
        Assert.Equal(canonical, read.Entry.Justification);
        Assert.Equal(canonical, read.Entry.Details["k" + canonical]);
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(3, verification.RecordsVerified);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task StreamAsync_HostileInvestigationId_FindsExactlyThatInvestigation(string name)
    {
        var trail = await TrailAsync();
        var hostile = HostileText.Get(name);
        await trail.AppendAsync(Everywhere(hostile), Ct);
        // The same id cut at its first NUL must not match.
        await trail.AppendAsync(Everywhere(hostile.Split('\0')[0] + "-other"), Ct);

        var found = await trail.StreamAsync(new AuditQuery { InvestigationId = hostile, ActionType = "decision " + hostile }, Ct).ToListAsync(Ct);

        Assert.Equal(1, Assert.Single(found).Sequence);
    }

    [Theory]
    [InlineData("justification", "justification || '\\x20'::bytea")]
    [InlineData("investigation_id", "NULL")]
    [InlineData("details", "convert_to('{\"step\":\"6\",\"tool\":\"mailbox_search\"}', 'UTF8')")]
    [InlineData("timestamp", "'2026-03-01T08:05:00.0000001Z'")]
    public async Task VerifyAsync_OneFieldEditedInRow6_FailsNamingRow6(string column, string newValue)
    {
        var trail = await TrailAsync();
        for (var i = 1; i <= 10; i++)
        {
            await trail.AppendAsync(AuditEntries.Sample(i), Ct);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        await ExecuteAsync($"UPDATE audit_records SET {column} = {newValue} WHERE sequence = 6;");

        var verification = await trail.VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(6, verification.FirstBadSequence);
        Assert.Contains("record 6 was edited", verification.Problem, StringComparison.Ordinal);
        Assert.Single(verification.Breaks);
    }

    [Fact]
    public async Task VerifyAsync_LastRecordsDeleted_HeadAnchorReportsThemMissing()
    {
        var trail = await TrailAsync();
        for (var i = 1; i <= 5; i++) await trail.AppendAsync(AuditEntries.Sample(i), Ct);

        await ExecuteAsync("DELETE FROM audit_records WHERE sequence >= 4;");

        var verification = await trail.VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        Assert.Contains("records 4 to 5 are missing from the end", verification.Problem, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await _database.ConnectionStringAsync());
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static AuditEntry Everywhere(string hostile) => new()
    {
        AgentName = "agent " + hostile,
        ActionType = "decision " + hostile,
        Target = hostile,
        Justification = hostile,
        ApprovalStatus = hostile,
        ApproverIdentity = hostile,
        Outcome = hostile,
        EvidenceHash = hostile,
        InvestigationId = hostile,
        Details = new Dictionary<string, string> { ["k" + hostile] = hostile, ["plain"] = "v" },
    };

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
