using AgenticIR.Core;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.State;
using AgenticIR.Worker.Inputs;

namespace AgenticIR.Worker.Replay;

/// <summary>Builds a summary line from the intake ledger entry and the investigation it points to.</summary>
public static class ReplayLineBuilder
{
    private static readonly System.Text.Json.JsonNamingPolicy Snake = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;

    /// <summary>The line for one input.</summary>
    public static ReplayLine Build(InputItem input, IntakeRecord intake, InvestigationRecord? investigation, NormalizedAlert? alert, bool previously)
    {
        var own = alert ?? investigation?.Alerts.FirstOrDefault(a => a.AlertId == intake.AlertId);
        return new ReplayLine
        {
            Input = input.Display,
            Status = Snake.ConvertName(intake.Status.ToString()),
            Reason = intake.Reason,
            InvestigationId = intake.InvestigationId,
            AlertId = intake.AlertId,
            Format = intake.Format,
            Severity = investigation?.Triage?.Severity.ToWire(),
            SourceSeverity = own?.SourceSeverity?.ToWire(),
            SeverityNote = investigation?.Triage?.SourceSeverityNote,
            Confidence = investigation?.Triage is { } t ? Math.Round(t.Confidence, 3) : null,
            Path = investigation?.Triage?.Path.ToString().ToLowerInvariant(),
            Stage = investigation is null ? null : Snake.ConvertName(investigation.Stage.ToString()),
            TopFinding = investigation?.Report?.TopFinding?.Title,
            Observables = own?.Observables.Select(o => new ObservableLine(ObservableTypeNames.ToWire(o.Type), o.Value)).ToList() ?? [],
            MitreTechniques = investigation?.Incident?.Mitre.Select(m => m.TechniqueId).ToList() ?? [],
            Actions = investigation?.Plan?.Actions.Select(a => new ActionLine(a.LogicalAction, a.Target.Value,
                Snake.ConvertName(a.Risk.ToString()), Snake.ConvertName(a.ApprovalStatus.ToString()))).ToList() ?? [],
            Llm = investigation?.Incident?.ModelUsage is { } u ? new ModelUsageLine(u.Reasoner, u.Calls, u.PromptTokens, u.CompletionTokens, u.Fallbacks) : null,
            PreviouslyRecorded = previously,
        };
    }

    /// <summary>The JSON line.</summary>
    public static string ToJson(ReplayLine line) => System.Text.Json.JsonSerializer.Serialize(line, CoreJson.Options);
}
