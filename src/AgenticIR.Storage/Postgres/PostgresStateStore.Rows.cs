using AgenticIR.Core.Bus;
using AgenticIR.Core.Learning;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared;

namespace AgenticIR.Storage.Postgres;

// Rows land in these first: exact text arrives as bytea, timestamps as text.
internal sealed partial class PostgresStateStore
{
    private sealed class StageEventRow
    {
        public string InvestigationId { get; set; } = "";
        public long Version { get; set; }
        public string Stage { get; set; } = "";
        public string At { get; set; } = "";

        public StageEvent ToStageEvent() =>
            new(InvestigationId, Version, StoreText.Parse<InvestigationStage>(Stage), StoreText.ParseTimestamp(At));
    }

    private sealed class IntakeRow
    {
        public string InputKey { get; set; } = "";
        public string Status { get; set; } = "";
        public string? InvestigationId { get; set; }
        public byte[]? AlertId { get; set; }
        public string? Format { get; set; }
        public byte[]? Reason { get; set; }
        public string RecordedAt { get; set; } = "";

        public IntakeRecord ToIntakeRecord() => new()
        {
            InputKey = InputKey,
            Status = StoreText.Parse<IntakeStatus>(Status),
            InvestigationId = InvestigationId,
            AlertId = PostgresExactText.Text(AlertId),
            Format = Format,
            Reason = PostgresExactText.Text(Reason),
            RecordedAt = StoreText.ParseTimestamp(RecordedAt),
        };
    }

    private sealed class DeadLetterRow
    {
        public long Id { get; set; }
        public byte[] Source { get; set; } = [];
        public byte[] Reason { get; set; } = [];
        public byte[] Payload { get; set; } = [];
        public string PayloadSha256 { get; set; } = "";
        public string CreatedAt { get; set; } = "";

        public DeadLetter ToDeadLetter() => new()
        {
            Id = Id,
            Source = PostgresExactText.Text(Source),
            Reason = PostgresExactText.Text(Reason),
            Payload = PostgresExactText.Text(Payload),
            PayloadSha256 = PayloadSha256,
            CreatedAt = StoreText.ParseTimestamp(CreatedAt),
        };
    }

    private sealed class BusMessageRow
    {
        public string Id { get; set; } = "";
        public string Type { get; set; } = "";
        public string InvestigationId { get; set; } = "";
        public byte[] Summary { get; set; } = [];
        public string CreatedAt { get; set; } = "";

        public BusMessage ToBusMessage() => new()
        {
            Id = Id,
            Type = StoreText.Parse<MessageType>(Type),
            InvestigationId = InvestigationId,
            Summary = PostgresExactText.Text(Summary),
            CreatedAt = StoreText.ParseTimestamp(CreatedAt),
        };
    }

    private sealed class ReviewRow
    {
        public long Id { get; set; }
        public string InvestigationId { get; set; } = "";
        public string Parameter { get; set; } = "";
        public string CurrentValue { get; set; } = "";
        public string ProposedValue { get; set; } = "";
        public string Rationale { get; set; } = "";
        public string Status { get; set; } = "";
        public string CreatedAt { get; set; } = "";

        public ReviewItem ToReviewItem() =>
            new(Id, InvestigationId, new CalibrationProposal(Parameter, CurrentValue, ProposedValue, Rationale), Status, StoreText.ParseTimestamp(CreatedAt));
    }
}
