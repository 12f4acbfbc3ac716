using System.Text.Json.Serialization;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Bus;

/// <summary>A persisted bus message. The id is deterministic (investigation, type, version) so a resumed stage republishes idempotently.</summary>
public sealed record BusMessage
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }
    /// <summary>Type.</summary>
    public required MessageType Type { get; init; }
    /// <summary>Investigation.</summary>
    public required string InvestigationId { get; init; }
    /// <summary>Short human summary (no payload content beyond ids and classifications).</summary>
    public required string Summary { get; init; }
    /// <summary>When.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The investigation as saved with this message, when the publisher still holds it, so a subscriber need not
    /// read it back from the store; never persisted. Null on messages read from the store or published without it:
    /// subscribers then read the store.</summary>
    [JsonIgnore]
    public InvestigationRecord? Record { get; init; }

    /// <summary>True when no subscriber of this process takes messages of its type (<see cref="IMessageBus.HasSubscribers"/>):
    /// the store saves it as already delivered, since delivering it to nobody would only cost a second write.</summary>
    [JsonIgnore]
    public bool Unsubscribed { get; init; }

    /// <summary>The audit records written with this message in the transaction of its save (set by
    /// <see cref="OutboxSaves"/> only for a store that does so, <see cref="Ports.IStateStore.AuditsInSave"/>); the auditor
    /// named by the receipt then has nothing to do on delivery. Never persisted: a message read back from the store has
    /// none, and its auditor finds the receipt the save kept.</summary>
    [JsonIgnore]
    public AnnouncementAudit? Audit { get; init; }
}
