using AgenticIR.Core.Bus;
using AgenticIR.Core.State;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Outbox;
using AgenticIR.Storage.Tests.Contract;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Outbox;

/// <summary>The delivery state of the messages saved with each stage: pending until marked delivered, retried, or given up
/// with a dead letter.</summary>
public sealed class SqliteMessageOutboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Start);
    private SqliteStoreOptions _options = null!;
    private SqliteStateStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _options = new SqliteStoreOptions { Path = Path.Combine(_directory, "state.db") };
        _store = new SqliteStateStore(_options, _time);
        await _store.InitializeAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ListPending_SavedWithStages_InOutboxOrderUntilMarkedDelivered()
    {
        var outbox = new SqliteMessageOutbox(_options, _time);
        var a = await SaveWithAsync("inv-a", MessageType.TriageComplete);
        var b = await SaveWithAsync("inv-b", MessageType.TriageComplete);
        var a2 = await SaveWithAsync("inv-a", MessageType.InvestigationComplete);

        var pending = await outbox.ListPendingAsync(0, 10, Ct);
        await outbox.MarkDeliveredAsync([a.Id, a2.Id], Ct);

        Assert.Equal([a.Id, b.Id, a2.Id], pending.Select(p => p.Message.Id));
        Assert.All(pending, p => Assert.Equal((0, null), (p.Attempts, p.NextAttemptAt)));
        Assert.Equal(a2, pending[2].Message);
        Assert.Equal([b.Id], (await outbox.ListPendingAsync(0, 10, Ct)).Select(p => p.Message.Id));
        Assert.Empty(await outbox.ListPendingAsync(pending[1].Sequence, 10, Ct));
        // The history stays readable whatever its delivery state.
        Assert.Equal(2, (await _store.ListMessagesAsync("inv-a", Ct)).Count);
    }

    [Fact]
    public async Task RecordFailure_ThenDeadLetter_AttemptsCountedAndGivenUpWithItsLetter()
    {
        var outbox = new SqliteMessageOutbox(_options, _time);
        var message = await SaveWithAsync("inv-a", MessageType.PlanReady);

        var first = await outbox.RecordFailureAsync(message.Id, "DecisionAuditor failed: IOException: disk full", Start.AddSeconds(5), Ct);
        var second = await outbox.RecordFailureAsync(message.Id, "DecisionAuditor failed: IOException: disk full", Start.AddSeconds(15), Ct);
        var waiting = Assert.Single(await outbox.ListPendingAsync(0, 10, Ct));
        await outbox.DeadLetterAsync(message.Id, Letter(message), Ct);
        await outbox.DeadLetterAsync(message.Id, Letter(message), Ct);

        Assert.Equal((1, 2), (first, second));
        Assert.Equal((2, Start.AddSeconds(15)), (waiting.Attempts, waiting.NextAttemptAt));
        Assert.Empty(await outbox.ListPendingAsync(0, 10, Ct));
        // Given up once: a second give-up (another process) stores no second letter.
        var letter = Assert.Single(await _store.ListDeadLettersAsync(10, Ct));
        Assert.Equal("bus:PlanReady", letter.Source);
        Assert.Equal("dead_lettered", await ScalarAsync<string>($"SELECT state FROM bus_messages WHERE id = '{message.Id}';"));
    }

    [Fact]
    public async Task InitializeAsync_MessagesSavedBeforeDeliveryWasTracked_CountAsDelivered()
    {
        // A database at the schema before the outbox tracked delivery, holding a message from that time.
        var path = Path.Combine(_directory, "old.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
            var folder = Path.Combine(Testing.RepoPaths.Root, "src", "AgenticIR.Storage", "Sqlite", "Migrations");
            foreach (var file in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal).Where(f => string.CompareOrdinal(Path.GetFileName(f), "0011") < 0))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                await connection.ExecuteAsync(await File.ReadAllTextAsync(file, Ct));
                await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@version, @name, '2026-01-01T00:00:00Z');",
                    new { version = int.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture), name });
            }
            await connection.ExecuteAsync(
                "INSERT INTO bus_messages (id, type, investigation_id, summary, created_at) VALUES ('inv-old:plan_ready:3', 'plan_ready', 'inv-old', '1 action', '2026-01-01T00:00:00.0000000+00:00');");
        }

        var options = new SqliteStoreOptions { Path = path };
        await new SqliteStateStore(options, _time).InitializeAsync(Ct);

        Assert.Empty(await new SqliteMessageOutbox(options, _time).ListPendingAsync(0, 10, Ct));
        Assert.Single(await new SqliteStateStore(options, _time).ListMessagesAsync("inv-old", Ct));
    }

    private async Task<BusMessage> SaveWithAsync(string id, MessageType type)
    {
        var record = await _store.GetAsync(id, Ct)
            ?? await _store.CreateAsync(SampleRecords.Minimal(id, "fp-" + id, _time.GetUtcNow()), null, Ct);
        var message = InvestigationMessages.Create(record, type, type.ToString(), _time.GetUtcNow());
        await _store.SaveAsync(record, null, [message], Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        return message;
    }

    private DeadLetter Letter(BusMessage message) => new()
    {
        Source = $"bus:{message.Type}",
        Reason = "not delivered after 5 attempts",
        Payload = message.Id,
        PayloadSha256 = new string('0', 64),
        CreatedAt = _time.GetUtcNow(),
    };

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_options.Path};Pooling=False");
        await connection.OpenAsync(Ct);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }
}
