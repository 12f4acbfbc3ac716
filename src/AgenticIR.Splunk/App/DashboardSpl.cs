using System.Globalization;
using AgenticIR.Core.Policy;

namespace AgenticIR.Splunk.App;

/// <summary>The dashboards' searches. The first five are the article's panels exactly as published. The others are
/// ours: each drops a redelivered copy of an event right after its base search with the app's <c>agentic_ir_dedup</c>
/// macro (<see cref="AppConfFiles.DedupMacro"/>).</summary>
internal static class DashboardSpl
{
    public const string MeanTimeToInvestigate = """
        index=agentic_ir sourcetype=investigation_metrics
        | eval investigation_duration_min = (investigation_end - investigation_start) / 60
        | stats
        avg(investigation_duration_min) as avg_mtti_min
        median(investigation_duration_min) as median_mtti_min
        perc95(investigation_duration_min) as p95_mtti_min
        count as total_investigations
        by severity
        | eval avg_mtti_min = round(avg_mtti_min, 2)
        | eval median_mtti_min = round(median_mtti_min, 2)
        | sort - severity
        """;

    public const string TriageAccuracy = """
        index=agentic_ir sourcetype=learning_metrics
        | eval accurate = if(triage_severity == actual_severity, 1, 0)
        | bin _time span=1d
        | stats
        avg(accurate) as daily_accuracy
        count as daily_volume
        avg(triage_accuracy_score) as avg_triage_score
        by _time
        | eval daily_accuracy = round(daily_accuracy * 100, 1)
        | eval avg_triage_score = round(avg_triage_score * 100, 1)
        """;

    public const string ResponseEffectiveness = """
        index=agentic_ir sourcetype=response_metrics
        | stats
        count(eval(action_status="executed")) as actions_executed
        count(eval(action_status="failed")) as actions_failed
        count(eval(action_status="pending_approval")) as actions_pending
        count(eval(action_status="auto_approved")) as actions_auto_approved
        avg(containment_time_seconds) as avg_containment_sec
        by action_type
        | eval success_rate = round(actions_executed / (actions_executed + actions_failed) * 100, 1)
        | eval avg_containment_sec = round(avg_containment_sec, 1)
        | sort - actions_executed
        """;

    public const string AgentHealth = """
        index=agentic_ir sourcetype=agent_heartbeat
        | stats
        latest(status) as current_status
        latest(last_action_time) as last_active
        avg(processing_time_ms) as avg_processing_ms
        count(eval(status="error")) as error_count
        count as total_heartbeats
        by agent_name
        | eval health = case(
        current_status == "healthy" AND error_count < 5, "GREEN",
        current_status == "healthy" AND error_count >= 5, "YELLOW",
        current_status == "degraded", "YELLOW",
        1==1, "RED"
        )
        | table agent_name health current_status last_active avg_processing_ms error_count
        """;

    public const string AutonomousVsAssisted = """
        index=agentic_ir sourcetype=incident_metrics
        | eval resolution_type = case(
        investigation_path == "autonomous" AND human_intervention == 0, "Fully Autonomous",
        investigation_path == "assisted" AND human_intervention == 1, "Human Assisted",
        investigation_path == "manual", "Manual",
        1==1, "Other"
        )
        | stats count by resolution_type
        | eventstats sum(count) as total
        | eval percentage = round(count / total * 100, 1)
        | sort - count
        """;

    public const string ModelUsage = """
        index=agentic_ir sourcetype=llm_usage
        | `agentic_ir_dedup`
        | stats
        count as investigations
        avg(calls) as avg_calls
        avg(prompt_tokens) as avg_prompt_tokens
        avg(completion_tokens) as avg_completion_tokens
        avg(total_tokens) as avg_tokens
        max(total_tokens) as max_tokens
        sum(fallbacks) as fallbacks
        avg(latency_ms) as avg_latency_ms
        by model
        | eval avg_calls = round(avg_calls, 2)
        | eval avg_prompt_tokens = round(avg_prompt_tokens, 0)
        | eval avg_completion_tokens = round(avg_completion_tokens, 0)
        | eval avg_tokens = round(avg_tokens, 0)
        | eval avg_latency_ms = round(avg_latency_ms, 0)
        | table model investigations avg_calls avg_prompt_tokens avg_completion_tokens avg_tokens max_tokens fallbacks avg_latency_ms
        """;

    public const string ModelUsageOverTime = """
        index=agentic_ir sourcetype=llm_usage
        | `agentic_ir_dedup`
        | timechart span=1d avg(total_tokens) as avg_tokens avg(calls) as avg_calls sum(fallbacks) as fallbacks
        """;

    public const string ShadowAgreement = """
        index=agentic_ir sourcetype=shadow_comparison
        | `agentic_ir_dedup`
        | stats
        count as comparisons
        avg(severity_agreement) as severity_agreement_rate
        avg(disposition_agreement) as disposition_agreement_rate
        avg(action_overlap) as mean_action_overlap
        sum(extra_findings) as extra_findings
        sum(missed_findings) as missed_findings
        count(eval(harmful_disagreement="true")) as harmful_disagreements
        by playbook severity
        | eval severity_agreement_pct = round(severity_agreement_rate * 100, 1)
        | eval disposition_agreement_pct = round(disposition_agreement_rate * 100, 1)
        | eval mean_action_overlap = round(mean_action_overlap, 2)
        | table playbook severity comparisons severity_agreement_pct disposition_agreement_pct mean_action_overlap extra_findings missed_findings harmful_disagreements
        """;

    public const string AgreementOverTime = """
        index=agentic_ir sourcetype=shadow_comparison
        | `agentic_ir_dedup`
        | timechart span=1d
        avg(severity_agreement) as severity_agreement
        avg(disposition_agreement) as disposition_agreement
        avg(action_overlap) as action_overlap
        """;

    /// <summary>Disagreements of one playbook and severity; the drill-down fills the two tokens from the clicked row.</summary>
    public const string DisagreementsDrilldown = """
        index=agentic_ir sourcetype=shadow_comparison playbook="$row.playbook.value$" severity="$row.severity.value$" (severity_agreement=0 OR disposition_agreement=0 OR harmful_disagreement=true)
        | `agentic_ir_dedup`
        | table _time investigation_id instance container_id playbook severity playbook_severity agent_disposition analyst_disposition agent_actions playbook_actions action_overlap extra_findings missed_findings harmful_disagreement
        """;

    public const string RecentDisagreements = """
        index=agentic_ir sourcetype=shadow_comparison (severity_agreement=0 OR disposition_agreement=0 OR harmful_disagreement=true)
        | `agentic_ir_dedup`
        | sort - _time
        | table _time playbook severity playbook_severity agent_disposition analyst_disposition harmful_disagreement investigation_id container_id
        """;

    public const string PlaybookAudit = """
        index=agentic_ir sourcetype=playbook_audit
        | `agentic_ir_dedup`
        | stats latest(recommendation) as recommendation latest(runs) as runs latest(failed_runs) as failed_runs
        latest(success_rate) as success_rate latest(last_run) as last_run latest(median_duration_seconds) as median_duration_seconds
        latest(actions) as actions latest(uncovered_actions) as not_covered latest(reasons) as reasons
        by platform instance playbook
        | sort recommendation playbook
        """;

    public const string PlaybookRecommendations = """
        index=agentic_ir sourcetype=playbook_audit
        | `agentic_ir_dedup`
        | stats latest(recommendation) as recommendation by instance playbook
        | stats count by recommendation
        """;

    public const string AutonomousActionCount = """
        index=agentic_ir sourcetype=response_metrics mode=autonomous approval_status=auto_approved
        | `agentic_ir_dedup`
        | stats dc(action_id) as autonomous_actions
        """;

    public const string AutonomousActionsByType = """
        index=agentic_ir sourcetype=response_metrics mode=autonomous approval_status=auto_approved
        | `agentic_ir_dedup`
        | chart count over action_type by action_status
        """;

    public const string AutonomousActions = """
        index=agentic_ir sourcetype=response_metrics mode=autonomous approval_status=auto_approved
        | `agentic_ir_dedup`
        | stats
        latest(action_status) as action_status
        latest(risk) as risk
        latest(target) as target
        latest(target_type) as target_type
        latest(playbook) as playbook
        latest(severity) as severity
        latest(platform) as platform
        latest(_time) as last_update
        by investigation_id action_id action_type
        | sort - last_update
        | eval last_update = strftime(last_update, "%Y-%m-%d %H:%M:%S")
        """;

    /// <summary>Graduation readiness with the Wilson 95% lower bound, mirroring <c>agentic-ir graduation report</c>
    /// with the policy's thresholds.</summary>
    public static string GraduationReadiness(GraduationCriteria criteria) => string.Create(CultureInfo.InvariantCulture, $$"""
        index=agentic_ir sourcetype=shadow_comparison
        | `agentic_ir_dedup`
        | stats
        count as comparisons
        sum(severity_agreement) as severity_agreed
        count(severity_agreement) as severity_n
        sum(disposition_agreement) as disposition_agreed
        count(disposition_agreement) as disposition_n
        count(eval(harmful_disagreement="true")) as harmful
        by playbook severity
        | eval z = 1.959964
        | eval sp = severity_agreed / severity_n, dp = disposition_agreed / disposition_n
        | eval severity_lower = round((sp + z*z/(2*severity_n) - z*sqrt(sp*(1-sp)/severity_n + z*z/(4*severity_n*severity_n))) / (1 + z*z/severity_n), 3)
        | eval disposition_lower = round((dp + z*z/(2*disposition_n) - z*sqrt(dp*(1-dp)/disposition_n + z*z/(4*disposition_n*disposition_n))) / (1 + z*z/disposition_n), 3)
        | eval recommendation = case(
        harmful > {{criteria.MaxHarmfulDisagreements}}, "stay",
        severity_n < {{criteria.MinSamples}} OR disposition_n < {{criteria.MinSamples}}, "insufficient evidence",
        severity_lower >= {{criteria.MinAgreementLowerBound}} AND disposition_lower >= {{criteria.MinAgreementLowerBound}}, "promote to autonomous",
        1==1, "stay"
        )
        | table playbook severity comparisons severity_n severity_lower disposition_n disposition_lower harmful recommendation
        | sort playbook severity
        """);
}
