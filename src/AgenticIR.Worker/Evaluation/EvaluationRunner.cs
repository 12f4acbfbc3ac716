using AgenticIR.Core.Alerts;
using AgenticIR.Core.State;
using AgenticIR.Worker.Hosting;

namespace AgenticIR.Worker.Evaluation;

/// <summary>Runs every labelled record through the whole pipeline (shadow mode) and scores what it made of each.</summary>
/// <remarks>Each record is judged on its own: it is ingested with <see cref="IngestContext.MergeDuplicates"/> off, so it
/// opens its own investigation even when another record has the same fingerprint (corpus records share hosts, users
/// and indicators; merged, one record's triage and techniques would be another's). That is one option on the ingest
/// call the replay already makes, and every record still goes through the same normalizer, triage, investigation and
/// documentation as in production; a fresh store per record would give the same isolation at the price of loading the
/// definitions and migrating a database once per record.</remarks>
public sealed class EvaluationRunner(Pipeline pipeline)
{
    /// <summary>Evaluates the labelled file.</summary>
    public async Task<EvaluationReport> RunAsync(string corpusPath, CancellationToken cancellationToken)
    {
        var corpus = LabelledFileReader.Read(corpusPath);
        var started = pipeline.Time.GetTimestamp();
        var judgements = new ProductJudgement[corpus.Records.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, corpus.Records.Count), options, async (i, ct) =>
            judgements[i] = await JudgeAsync(corpusPath, corpus.Records[i], ct));
        await pipeline.Runner.FlushAsync(cancellationToken);
        var elapsed = pipeline.Time.GetElapsedTime(started);
        var records = corpus.Records.Select((record, i) => EvaluationScorer.Score(record, judgements[i])).ToList();
        return EvaluationScorer.Report(corpusPath, records, corpus.Malformed, elapsed);
    }

    private async Task<ProductJudgement> JudgeAsync(string corpusPath, LabelledRecord record, CancellationToken cancellationToken)
    {
        var raw = new RawAlert($"{corpusPath}:{record.Line}", record.Content);
#pragma warning disable CA1031 // record boundary: a record the product cannot take is a figure (failed, with the reason), not a crash of the evaluation
        try
        {
            var normalized = pipeline.Normalizer.Normalize(raw);
            var outcome = await pipeline.Intake.IngestAsync($"eval:{record.Line}:{record.Id}", raw, normalized,
                new IngestContext(null, null) { MergeDuplicates = false }, cancellationToken);
            var investigation = outcome.Investigation
                ?? (outcome.Intake.InvestigationId is { } id ? await pipeline.Store.GetAsync(id, cancellationToken) : null);
            var alert = normalized.Alert;
            var (status, reason) = await StatusAsync(outcome.Intake, investigation, cancellationToken);
            return new ProductJudgement
            {
                Status = status,
                Reason = reason,
                DetectedFormat = normalized.Format ?? alert?.SourceFormat,
                InvestigationId = investigation?.Id,
                Observables = alert?.Observables ?? [],
                Techniques = [.. (investigation?.Incident?.Mitre.Select(m => m.TechniqueId) ?? []).Concat(alert?.SourceTechniques ?? [])],
                Severity = investigation?.Triage?.Severity,
                SourceSeverity = alert?.SourceSeverity,
                Model = investigation?.Incident?.ModelUsage,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ProductJudgement { Status = "failed", Reason = $"{ex.GetType().Name}: {ex.Message}" };
        }
#pragma warning restore CA1031
    }

    private async Task<(string Status, string? Reason)> StatusAsync(IntakeRecord intake, InvestigationRecord? investigation, CancellationToken cancellationToken)
    {
        switch (intake.Status)
        {
            case IntakeStatus.DeadLettered:
                return ("dead_lettered", intake.Reason);
            case IntakeStatus.Merged:
                return ("merged", intake.Reason);
            default:
                if (investigation is not null && (InvestigationStateMachine.IsFinished(investigation.Stage) || investigation.Stage == InvestigationStage.AwaitingApproval))
                    return ("processed", null);
                return ("failed", await StageFailureAsync(investigation, cancellationToken));
        }
    }

    // A failed stage is dead-lettered by the stage runner under the investigation's id; its reason says what broke.
    private async Task<string> StageFailureAsync(InvestigationRecord? investigation, CancellationToken cancellationToken)
    {
        if (investigation is null) return "no investigation was opened";
        var prefix = $"investigation {investigation.Id} ";
        var letter = (await pipeline.Store.ListDeadLettersAsync(1000, cancellationToken))
            .FirstOrDefault(d => d.Payload.StartsWith(prefix, StringComparison.Ordinal));
        return $"stopped at stage {investigation.Stage}" + (letter is null ? "" : ": " + letter.Reason);
    }
}
