using AgenticIR.Core.Audit;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Retention;
using AgenticIR.Definitions.Policy;

namespace AgenticIR.Worker.Retention;

/// <summary>One retention pass: the state store's rows (<see cref="IRetentionStore"/>), the report files, and, when a
/// signer is configured, the audit trail through its signed-off anchor (<see cref="IAuditTrail.PruneAsync"/>), so
/// <c>agentic-ir audit verify</c> still holds afterwards.</summary>
internal sealed class RetentionRunner(RetentionOptions options, IRetentionStore store, IAuditTrail audit, TimeProvider time, string reportsFolder, string policyPath)
{
    private static readonly string[] ReportPatterns = ["*.md", "*.json"];

    public async Task<RetentionReport> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoffs = new RetentionCutoffs
        {
            FinishedInvestigationsBefore = Before(now, options.FinishedInvestigationsDays),
            DeliveredMessagesBefore = Before(now, options.DeliveredMessagesDays),
            DeadLettersBefore = Before(now, options.DeadLettersDays),
            FinishedNotificationsBefore = Before(now, options.NotificationsDays),
        };
        var counts = await store.PruneAsync(cutoffs, dryRun, cancellationToken);
        var files = PruneReports(Before(now, options.ReportsDays), dryRun);

        if (string.IsNullOrWhiteSpace(options.AuditSignedOffBy)) return new(counts, files, null, null);
        var auditDays = options.AuditDays ?? PolicyAuditDays();
        var auditCutoff = now.AddDays(-auditDays);
        var pruned = dryRun ? null : await audit.PruneAsync(auditCutoff, options.AuditSignedOffBy, cancellationToken);
        return new(counts, files, pruned, auditCutoff);
    }

    private static DateTimeOffset? Before(DateTimeOffset now, int? days) => days is { } d ? now.AddDays(-d) : null;

    private int PruneReports(DateTimeOffset? before, bool dryRun)
    {
        if (before is null || !Directory.Exists(reportsFolder)) return 0;
        var removed = 0;
        foreach (var file in ReportPatterns.SelectMany(p => Directory.EnumerateFiles(reportsFolder, p, SearchOption.TopDirectoryOnly)))
        {
            if (File.GetLastWriteTimeUtc(file) >= before.Value.UtcDateTime) continue;
            if (!dryRun)
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    continue; // being rewritten right now: the next pass sees it again
                }
            }
            removed++;
        }
        return removed;
    }

    private int PolicyAuditDays()
    {
        var (policy, errors) = GovernancePolicyLoader.TryLoad(policyPath);
        return policy?.AuditTrail.RetentionDays
            ?? throw new InvalidOperationException($"Cannot read audit_trail.retention_days from {policyPath}: {string.Join("; ", errors)} (set Retention:AuditDays)");
    }
}
