using AgenticIR.Agents.Bus;
using AgenticIR.Core.Bus;
using AgenticIR.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Worker.Tests.Bus;

/// <summary>The bus on the real embedded store: messages are persisted, and a failing handler is dead-lettered
/// without stopping the others.</summary>
public sealed class InProcessMessageBusTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-bus-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    private static BusMessage Message(string id) => new()
    {
        Id = id,
        Type = MessageType.PlanReady,
        InvestigationId = "inv-1",
        Summary = "3 actions",
        CreatedAt = TimeProvider.System.GetUtcNow(),
    };

    [Fact]
    public async Task Publish_HandlerThrows_MessageDeadLetteredAndOtherHandlersStillRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new SqliteStateStore(new SqliteStoreOptions { Path = Path.Combine(_work.FullName, "bus.db") }, TimeProvider.System);
        await store.InitializeAsync(ct);
        var bus = new InProcessMessageBus(store, TimeProvider.System, NullLogger<InProcessMessageBus>.Instance);
        var delivered = new List<string>();
        bus.Subscribe(MessageType.PlanReady, (_, _) => throw new InvalidOperationException("notifier unreachable"));
        bus.Subscribe(MessageType.PlanReady, (m, _) =>
        {
            delivered.Add(m.Id);
            return Task.CompletedTask;
        });

        await bus.PublishAsync(Message("inv-1:PlanReady:3"), ct);

        Assert.Equal(["inv-1:PlanReady:3"], delivered);
        var persisted = Assert.Single(await store.ListMessagesAsync("inv-1", ct));
        Assert.Equal(MessageType.PlanReady, persisted.Type);
        var dead = Assert.Single(await store.ListDeadLettersAsync(10, ct));
        Assert.Equal("bus:PlanReady", dead.Source);
        Assert.Contains("notifier unreachable", dead.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SameMessageTwice_PersistedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new SqliteStateStore(new SqliteStoreOptions { Path = Path.Combine(_work.FullName, "bus.db") }, TimeProvider.System);
        await store.InitializeAsync(ct);
        var bus = new InProcessMessageBus(store, TimeProvider.System, NullLogger<InProcessMessageBus>.Instance);

        await bus.PublishAsync(Message("inv-1:PlanReady:3"), ct);
        await bus.PublishAsync(Message("inv-1:PlanReady:3"), ct);

        Assert.Single(await store.ListMessagesAsync("inv-1", ct));
    }
}
