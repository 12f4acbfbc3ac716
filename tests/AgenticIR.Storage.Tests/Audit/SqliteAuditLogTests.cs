using AgenticIR.Core.Audit;
using AgenticIR.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Storage.Tests.Audit;

public sealed class SqliteAuditLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendAsync_ThreeEntries_ChainsFromGenesisAndVerifies()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);

        var records = await db.AppendManyAsync(3, Ct);

        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Sequence));
        Assert.Equal(AuditCanonicalEncoding.GenesisHash, records[0].PreviousHash);
        Assert.Equal(records[0].Hash, records[1].PreviousHash);
        Assert.Equal(records[1].Hash, records[2].PreviousHash);
        Assert.All(records, r => Assert.Equal(AuditCanonicalEncoding.ComputeHash(r), r.Hash));
        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(3, verification.RecordsVerified);
        Assert.Equal(3, verification.HeadSequence);
        Assert.Equal(records[2].Hash, verification.HeadHash);
    }

    [Fact]
    public async Task VerifyAsync_EmptyTrail_IsIntactWithNoRecords()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);

        Assert.True(verification.IsIntact);
        Assert.Equal(0, verification.RecordsVerified);
        Assert.Equal(AuditCanonicalEncoding.GenesisHash, verification.HeadHash);
    }

    [Fact]
    public async Task ReadAsync_FromMiddle_ReturnsStoredRecordsEqualToAppended()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var appended = await db.AppendManyAsync(10, Ct);

        var read = await db.Log.ReadAsync(4, 3, Ct);

        Assert.Equal([4L, 5L, 6L], read.Select(r => r.Sequence));
        for (var i = 0; i < read.Count; i++)
        {
            var expected = appended[i + 3];
            Assert.Equal(expected.Timestamp, read[i].Timestamp);
            Assert.Equal(expected.Hash, read[i].Hash);
            Assert.Equal(expected.Entry.Target, read[i].Entry.Target);
            Assert.Equal(expected.Entry.InvestigationId, read[i].Entry.InvestigationId);
            Assert.Equal(expected.Entry.Details.OrderBy(p => p.Key), read[i].Entry.Details.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public async Task StreamAsync_SinceInvestigationAndActionType_ReturnsOnlyMatchesInOrder()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var appended = await db.AppendManyAsync(30, Ct);
        var since = appended[9].Timestamp;

        var recent = await db.Log.StreamAsync(new AuditQuery { Since = since }, Ct).ToListAsync(Ct);
        var oneInvestigation = await db.Log.StreamAsync(new AuditQuery { InvestigationId = "inv-1", ActionType = "decision" }, Ct).ToListAsync(Ct);

        Assert.Equal(appended.Skip(9).Select(r => r.Sequence), recent.Select(r => r.Sequence));
        var expected = appended.Where(r => r.Entry.InvestigationId == "inv-1" && r.Entry.ActionType == "decision").Select(r => r.Sequence).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, oneInvestigation.Select(r => r.Sequence));
    }

    [Fact]
    public async Task AppendAsync_EmptyOptionalFieldsAndNoInvestigation_RoundTripsAndVerifies()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);

        var record = await db.Log.AppendAsync(new AuditEntry { AgentName = "", ActionType = "" }, Ct);

        var read = Assert.Single(await db.Log.ReadAsync(1, 10, Ct));
        Assert.Null(read.Entry.InvestigationId);
        Assert.Empty(read.Entry.Details);
        Assert.Equal(record.Hash, read.Hash);
        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task AppendAsync_AuditPrunedActionType_IsRefusedBecauseOnlyPruningWritesIt()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            db.Log.AppendAsync(new AuditEntry { AgentName = "x", ActionType = AuditActionTypes.AuditPruned }, Ct));
        Assert.Empty(await db.Log.ReadAsync(1, 10, Ct));
    }

    [Fact]
    public async Task AppendAsync_CallerChangesDetailsAfterwards_StoredRecordStillVerifies()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var details = new Dictionary<string, string> { ["k"] = "before" };

        await db.Log.AppendAsync(new AuditEntry { AgentName = "a", ActionType = "decision", Details = details }, Ct);
        details["k"] = "after";

        Assert.Equal("before", (await db.Log.ReadAsync(1, 1, Ct))[0].Entry.Details["k"]);
        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task Schema_PolicyRequiredFields_AreAllColumnsOfAuditRecords()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var required = PolicyRequiredFields();

        await using var connection = new SqliteConnection($"Data Source={db.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('audit_records');";
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct)) columns.Add(reader.GetString(0));
        }

        Assert.Equal(9, required.Count);
        Assert.All(required, field => Assert.Contains(field, columns));
    }

    [Fact]
    public void AddStorage_CalledTwice_RegistersOneSingletonForEachAuditPort()
    {
        var services = new ServiceCollection();

        services.AddStorage();
        services.AddStorage();

        foreach (var port in new[] { typeof(IAuditTrail), typeof(IAuditLog) })
        {
            var descriptor = Assert.Single(services, d => d.ServiceType == port);
            Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        }
    }

    /// <summary>The names under <c>audit_trail.fields_required</c> in the shipped policy.</summary>
    private static List<string> PolicyRequiredFields()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Config, "governance.yaml"));
        var start = Array.FindIndex(lines, l => l.Trim() == "fields_required:");
        Assert.True(start > 0, "fields_required not found in config/governance.yaml");
        return lines.Skip(start + 1).TakeWhile(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l.Trim()[2..].Trim()).ToList();
    }
}
