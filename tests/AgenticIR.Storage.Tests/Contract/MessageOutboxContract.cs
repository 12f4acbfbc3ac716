using AgenticIR.Core.Bus;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IMessageOutbox"/> must do with the messages its state store saves with each stage: keep
/// them pending in outbox order until marked delivered, count failed attempts with the next one's time, and give a
/// message up once, with its dead letter.</summary>
public abstract class MessageOutboxContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The clock every store must use.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A state store and the outbox over its messages, on this test's (initialized, empty) database.</summary>
    protected abstract Task<(IStateStore Store, IMessageOutbox Outbox)> CreateAsync();

    [Fact]
    public async Task ListPending_SavedWithStages_InOutboxOrderUntilMarkedDelivered()
    {
        var (store, outbox) = await CreateAsync();
        var a = await SaveWithAsync(store, "inv-a", MessageType.TriageComplete);
        var b = await SaveWithAsync(store, "inv-b", MessageType.TriageComplete);
        var a2 = await SaveWithAsync(store, "inv-a", MessageType.InvestigationComplete);

        var pending = await outbox.ListPendingAsync(0, 10, Ct);
        await outbox.MarkDeliveredAsync([a.Id, a2.Id], Ct);

        Assert.Equal([a.Id, b.Id, a2.Id], pending.Select(p => p.Message.Id));
        Assert.All(pending, p => Assert.Equal((0, null), (p.Attempts, p.NextAttemptAt)));
        Assert.Equal(a2, pending[2].Message);
        Assert.Equal([b.Id], (await outbox.ListPendingAsync(0, 10, Ct)).Select(p => p.Message.Id));
        Assert.Empty(await outbox.ListPendingAsync(pending[1].Sequence, 10, Ct));
        // The history stays readable whatever its delivery state.
        Assert.Equal(2, (await store.ListMessagesAsync("inv-a", Ct)).Count);
    }

    [Fact]
    public async Task ListPending_MessageNobodySubscribesTo_SavedAsDelivered()
    {
        var (store, outbox) = await CreateAsync();

        var message = await SaveWithAsync(store, "inv-a", MessageType.InvestigationUpdated, unsubscribed: true);

        Assert.Empty(await outbox.ListPendingAsync(0, 10, Ct));
        Assert.Equal([message.Id], (await store.ListMessagesAsync("inv-a", Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task RecordFailure_ThenDeadLetter_AttemptsCountedAndGivenUpOnceWithItsLetter()
    {
        var (store, outbox) = await CreateAsync();
        var message = await SaveWithAsync(store, "inv-a", MessageType.PlanReady);

        var first = await outbox.RecordFailureAsync(message.Id, "DecisionAuditor failed: IOException: disk full", Start.AddSeconds(5), Ct);
        var second = await outbox.RecordFailureAsync(message.Id, "DecisionAuditor failed: IOException: disk full", Start.AddSeconds(15), Ct);
        var waiting = Assert.Single(await outbox.ListPendingAsync(0, 10, Ct));
        await outbox.DeadLetterAsync(message.Id, Letter(message), Ct);
        // Another process gives it up too: no second letter.
        await outbox.DeadLetterAsync(message.Id, Letter(message), Ct);

        Assert.Equal((1, 2), (first, second));
        Assert.Equal((2, Start.AddSeconds(15)), (waiting.Attempts, waiting.NextAttemptAt));
        Assert.Empty(await outbox.ListPendingAsync(0, 10, Ct));
        var letter = Assert.Single(await store.ListDeadLettersAsync(10, Ct));
        Assert.Equal(("bus:PlanReady", message.Id), (letter.Source, letter.Payload));
    }

    private async Task<BusMessage> SaveWithAsync(IStateStore store, string id, MessageType type, bool unsubscribed = false)
    {
        var record = await store.GetAsync(id, Ct)
            ?? await store.CreateAsync(SampleRecords.Minimal(id, "fp-" + id, Time.GetUtcNow()), null, Ct);
        var message = InvestigationMessages.Create(record, type, type.ToString(), Time.GetUtcNow());
        await store.SaveAsync(record, null, [message with { Unsubscribed = unsubscribed }], Ct);
        Time.Advance(TimeSpan.FromSeconds(1));
        return message;
    }

    private DeadLetter Letter(BusMessage message) => new()
    {
        Source = $"bus:{message.Type}",
        Reason = "not delivered after 5 attempts",
        Payload = message.Id,
        PayloadSha256 = new string('0', 64),
        CreatedAt = Time.GetUtcNow(),
    };
}
