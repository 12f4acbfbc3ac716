using AgenticIR.Agents;
using AgenticIR.Core.Policy;
using AgenticIR.Soar.PlaybookAudit;

namespace AgenticIR.Soar.Tests.PlaybookAudit;

/// <summary>The retire / keep / convert rules on synthetic run histories, at and around their boundaries.</summary>
public sealed class PlaybookClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PlaybookAuditRules Rules = PlaybookAuditRules.Default;

    private static readonly AuditedAction Ticket = new("create_ticket", "ServiceNow", "create ticket", false);
    private static readonly AuditedAction Notify = new("send_notification", "SMTP", "send email", false);
    private static readonly AuditedAction BlockIp = new("block_ip", "Panorama", "block ip", false);
    private static readonly AuditedAction UrlReputation = new("url_reputation", "VirusTotal v3", "url reputation", true);
    private static readonly AuditedAction UserLookup = new("user_lookup", "AD LDAP", "get attributes", true);
    private static readonly AuditedAction Quarantine = new("quarantine_email", "MS Graph for Office 365", "block sender", false);
    private static readonly AuditedAction Unmapped = new(null, "Custom App", "do thing", false);

    private static AuditedPlaybook Playbook(int runs, Func<int, string>? status = null, Func<int, IReadOnlyList<AuditedAction>>? actions = null) =>
        new("splunk_soar", "prod", "local/p", true, [.. Enumerable.Range(0, runs).Select(i => new AuditedRun(i + 1, (status ?? (_ => "success"))(i),
            Now.AddDays(-(i + 1)), Now.AddDays(-(i + 1)).AddSeconds(30 + i), i + 100, (actions ?? (_ => [Ticket]))(i)))]);

    private static PlaybookAuditRow Classify(AuditedPlaybook playbook, PlaybookAuditRules? rules = null) =>
        PlaybookClassifier.Classify(playbook, rules ?? Rules, 90, AgentCoverage.AgentFor);

    [Fact]
    public void Classify_ExactlyFiveRunsAMonth_IsNotRetired()
    {
        var row = Classify(Playbook(15));

        Assert.Equal(5.0, row.RunsPerMonth);
        Assert.Equal(PlaybookRecommendation.Keep, row.Recommendation);
    }

    [Fact]
    public void Classify_JustBelowFiveRunsAMonth_IsRetired()
    {
        var row = Classify(Playbook(14));

        Assert.Equal(PlaybookRecommendation.Retire, row.Recommendation);
        Assert.Contains(row.Reasons, r => r.StartsWith("4.67 runs a month (14 in 90 days), below 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_ExactlyHalfSuccess_IsNotRetired()
    {
        var row = Classify(Playbook(20, i => i % 2 == 0 ? "success" : "failed"));

        Assert.Equal(0.5, row.SuccessRate);
        Assert.Equal(10, row.FailedRuns);
        Assert.Equal(PlaybookRecommendation.Keep, row.Recommendation);
    }

    [Fact]
    public void Classify_BelowHalfSuccess_IsRetired()
    {
        var row = Classify(Playbook(20, i => i < 9 ? "success" : "failed"));

        Assert.Equal(PlaybookRecommendation.Retire, row.Recommendation);
        Assert.Contains(row.Reasons, r => r.StartsWith("45% success (9 of 20 finished runs), below 50%", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_UnfinishedRuns_CountAsRunsButNotInTheSuccessRate()
    {
        // 16 runs: 14 succeeded, 1 failed, 1 still running, so 5.33 a month and 14 of 15 finished.
        var row = Classify(Playbook(16, i => i switch { 0 => "running", 1 => "failed", _ => "success" }));

        Assert.Equal(16, row.Runs);
        Assert.Equal(14.0 / 15, row.SuccessRate!.Value, 6);
        Assert.Equal(PlaybookRecommendation.Keep, row.Recommendation);
    }

    [Fact]
    public void Classify_NoRuns_IsRetired()
    {
        var row = Classify(Playbook(0));

        Assert.Equal(PlaybookRecommendation.Retire, row.Recommendation);
        Assert.Null(row.SuccessRate);
        Assert.Null(row.LastRun);
        Assert.Equal(["no runs in the last 90 days"], row.Reasons);
    }

    [Fact]
    public void Classify_RareInvestigationPlaybook_RetireWinsOverConvert()
    {
        var row = Classify(Playbook(6, actions: i => i % 2 == 0 ? [UrlReputation, UserLookup, Quarantine] : [UrlReputation, UserLookup]));

        Assert.Equal(PlaybookRecommendation.Retire, row.Recommendation);
        Assert.Contains(row.Reasons, r => r.StartsWith("retire wins over convert", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_SameTwoActionsEveryRunWithoutEnrichment_IsKept()
    {
        var row = Classify(Playbook(30, actions: _ => [Ticket, Notify]));

        Assert.Equal(PlaybookRecommendation.Keep, row.Recommendation);
        Assert.Equal(["create_ticket", "send_notification"], row.Actions);
    }

    [Fact]
    public void Classify_EnrichmentFromTwoApps_IsConverted()
    {
        var row = Classify(Playbook(30, actions: _ => [UrlReputation, UserLookup, Quarantine]));

        Assert.Equal(PlaybookRecommendation.Convert, row.Recommendation);
        Assert.Contains(row.Reasons, r => r.StartsWith("enriches from 2 apps (AD LDAP, VirusTotal v3)", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_ActionsVaryFromRunToRun_IsConverted()
    {
        var row = Classify(Playbook(30, actions: i => i % 2 == 0 ? [BlockIp] : [Ticket]));

        Assert.Equal(PlaybookRecommendation.Convert, row.Recommendation);
        Assert.Contains(row.Reasons, r => r.StartsWith("actions vary from run to run (2 different sets over 30 runs)", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_FailedRunsStoppedPartWay_DoNotMakeActionsVary()
    {
        // Failed runs stop before their last action; the successful ones all do the same two things.
        var row = Classify(Playbook(30, i => i % 5 == 0 ? "failed" : "success", i => i % 5 == 0 ? [Ticket] : [Ticket, Notify]));

        Assert.Equal(PlaybookRecommendation.Keep, row.Recommendation);
    }

    [Fact]
    public void Classify_PolicyTunesTheThresholds()
    {
        var strict = Rules with { RetireBelowRunsPerMonth = 20 };

        Assert.Equal(PlaybookRecommendation.Keep, Classify(Playbook(30)).Recommendation);
        Assert.Equal(PlaybookRecommendation.Retire, Classify(Playbook(30), strict).Recommendation);
    }

    [Fact]
    public void Classify_UnmappedAction_IsListedAndNotCoveredByAnyAgent()
    {
        var row = Classify(Playbook(30, actions: _ => [Ticket, Unmapped]));

        Assert.Equal(["Custom App: do thing", "create_ticket"], row.Actions);
        Assert.Equal(["create_ticket"], row.CoveredActions);
        Assert.Equal(["Custom App: do thing"], row.UncoveredActions);
        Assert.Equal("1/2", row.Coverage);
    }

    [Fact]
    public void Classify_BreakGlassFallback_IsKeptWhateverTheRulesSay()
    {
        var row = PlaybookClassifier.Classify(Playbook(1), Rules, 90, AgentCoverage.AgentFor, ["contain_host"]);

        Assert.Equal(PlaybookRecommendation.Keep, row.Recommendation);
        Assert.StartsWith("break-glass fallback of contain_host (policy): keep and exercise it; the rules alone say retire", row.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_MedianDuration_IsOverFinishedRuns()
    {
        // Durations 30, 31, 32 s; the running one has no end.
        var row = Classify(Playbook(4, i => i == 3 ? "running" : "success"));

        Assert.Equal(31, row.MedianDurationSeconds);
    }
}
