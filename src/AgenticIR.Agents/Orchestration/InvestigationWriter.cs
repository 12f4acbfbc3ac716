using AgenticIR.Agents.Documentation;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Orchestration;

/// <summary>The one way intake and the stage runner change an investigation: a move along the state machine, the report
/// rendered into the record (and its files), and a save that carries the change's outbox messages.</summary>
internal sealed class InvestigationWriter(IStateStore store, IMessageBus bus, DocumentationAgent documentation, IReportSink reports, TimeProvider time)
{
    /// <summary>Saves the record with its messages; a save that announces nothing in particular carries an
    /// InvestigationUpdated message, so subscribers that follow every change (SOAR write-back) hear of it too.</summary>
    public Task<InvestigationRecord> SaveAndAnnounceAsync(InvestigationRecord next, IntakeRecord? intake, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken) =>
        store.SaveAndAnnounceAsync(bus, next, intake,
            messages.Count > 0 ? messages : [InvestigationMessages.Updated(next, $"saved at stage {next.Stage}", time.GetUtcNow())],
            cancellationToken);

    public Task<InvestigationRecord> SaveAndAnnounceAsync(InvestigationRecord next, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken) =>
        SaveAndAnnounceAsync(next, null, messages, cancellationToken);

    public Task<InvestigationRecord> MoveAsync(InvestigationRecord record, InvestigationStage stage, string actor, string description, CancellationToken cancellationToken) =>
        SaveAndAnnounceAsync(Move(record, stage, actor, description), [], cancellationToken);

    public InvestigationRecord Move(InvestigationRecord record, InvestigationStage stage, string actor, string description)
    {
        InvestigationStateMachine.EnsureCanMove(record.Stage, stage);
        return record with { Stage = stage, Timeline = [.. record.Timeline, Entry(actor, description)], UpdatedAt = time.GetUtcNow() };
    }

    public async Task<InvestigationRecord> RenderAsync(InvestigationRecord record, string stage, bool writeFiles, CancellationToken cancellationToken)
    {
        var rendered = await documentation.DocumentAsync(record, stage, cancellationToken);
        if (writeFiles) await reports.WriteAsync(rendered.Report, rendered.Markdown, rendered.Json, cancellationToken);
        // The state keeps the report's own content; its actions, timeline and findings are stored once elsewhere on the
        // record (the report files carry them in full).
        return record with { Incident = StoredIncidentReport.Strip(rendered.Report) };
    }

    public TimelineEntry Entry(string actor, string description) => new(time.GetUtcNow(), actor, description);

    public BusMessage Message(InvestigationRecord record, MessageType type, string summary, string? suffix = null) =>
        InvestigationMessages.Create(record, type, summary, time.GetUtcNow(), suffix);
}
