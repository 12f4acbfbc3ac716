using AgenticIR.Core.Policy;

namespace AgenticIR.Splunk.App;

/// <summary>The app's dashboards: the article's five panels, the language model's usage, shadow agreement and graduation, governance, and the
/// playbook migration audit.</summary>
internal static class AgenticIrDashboards
{
    public const string Overview = "agentic_ir_overview";
    public const string Shadow = "agentic_ir_shadow";
    public const string Governance = "agentic_ir_governance";
    public const string Migration = "agentic_ir_migration";
    public const string Model = "agentic_ir_llm";

    public static IReadOnlyList<DashboardDefinition> All(GraduationCriteria criteria) =>
    [
        new(Overview, "AgenticIR – Performance",
            "The article's measures: time to investigate, triage accuracy, response effectiveness, agent health and autonomy.",
        [
            new("mtti", "Mean Time to Investigate (MTTI) by severity", "splunk.table", DashboardSpl.MeanTimeToInvestigate, 720, 300),
            new("triage_accuracy", "Triage accuracy over time", "splunk.line", DashboardSpl.TriageAccuracy, 720, 300),
            new("response_effectiveness", "Response action effectiveness", "splunk.table", DashboardSpl.ResponseEffectiveness, 720, 300),
            new("agent_health", "Agent health", "splunk.table", DashboardSpl.AgentHealth, 720, 300),
            new("autonomy", "Autonomous vs. assisted resolution", "splunk.pie", DashboardSpl.AutonomousVsAssisted, 1440, 300),
        ]),
        new(Model, "AgenticIR – Language model",
            "Only when a model is configured: what it cost per investigation and how often the rules answered instead.",
        [
            new("llm_usage", "Usage per investigation, by model", "splunk.table", DashboardSpl.ModelUsage, 1440, 300)
            {
                Description = "Requests count retries. The policy's budget is 3 requests and 6,000 tokens per investigation by default; a fallback is a step the rules answered (failure, invalid reply, budget).",
            },
            new("llm_usage_trend", "Tokens, requests and fallbacks per investigation over time", "splunk.line", DashboardSpl.ModelUsageOverTime, 1440, 300),
        ]),
        new(Shadow, "AgenticIR – Shadow agreement and graduation",
            "How the agents compare with each playbook, per severity, and which playbook × severity has earned autonomy.",
        [
            new("agreement", "Agreement per playbook and severity (click a row for its disagreements)", "splunk.table",
                DashboardSpl.ShadowAgreement, 1440, 320, DrilldownQuery: DashboardSpl.DisagreementsDrilldown),
            new("agreement_trend", "Agreement over time", "splunk.line", DashboardSpl.AgreementOverTime, 720, 300),
            new("disagreements", "Recent disagreements", "splunk.table", DashboardSpl.RecentDisagreements, 720, 300),
            new("graduation", $"Graduation readiness (last {criteria.WindowDays} days, Wilson 95% lower bound)", "splunk.table",
                DashboardSpl.GraduationReadiness(criteria), 1440, 320, Earliest: $"-{criteria.WindowDays}d@d")
            {
                Description = $"Promote when n ≥ {criteria.MinSamples}, both lower bounds ≥ {criteria.MinAgreementLowerBound:0.00} and harmful disagreements ≤ {criteria.MaxHarmfulDisagreements}. Promotion is a proposal for a human.",
            },
        ]),
        new(Governance, "AgenticIR – Autonomous actions (governance)",
            "Every action the agents took without a human approval in the last 24 hours.",
        [
            new("autonomous_count", "Autonomous actions, last 24 h", "splunk.singlevalue", DashboardSpl.AutonomousActionCount, 360, 200, Earliest: "-24h"),
            new("autonomous_by_type", "By action and status, last 24 h", "splunk.column", DashboardSpl.AutonomousActionsByType, 1080, 200, Earliest: "-24h"),
            new("autonomous_actions", "Autonomous actions, last 24 h", "splunk.table", DashboardSpl.AutonomousActions, 1440, 400, Earliest: "-24h"),
        ]),
        new(Migration, "AgenticIR – Playbook migration",
            "The latest playbook audit (agentic-ir playbooks audit --metrics-jsonl): retire, keep as automation, or convert to agents.",
        [
            new("recommendations", "Playbooks by recommendation", "splunk.pie", DashboardSpl.PlaybookRecommendations, 480, 300),
            new("audit", "Playbook audit: latest per playbook", "splunk.table", DashboardSpl.PlaybookAudit, 1440, 420)
            {
                Description = "Runs by start time in the audit window; success = success ÷ (success + failed). Retire below the policy's runs a month or success rate; retire wins.",
            },
        ]),
    ];
}
