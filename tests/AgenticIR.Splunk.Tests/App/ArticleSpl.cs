namespace AgenticIR.Splunk.Tests.App;

/// <summary>The five dashboard queries of the article ("Dashboard Queries"), copied as published: the app must run
/// them unchanged.</summary>
internal static class ArticleSpl
{
    /// <summary>Mean Time to Investigate (MTTI).</summary>
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

    /// <summary>Triage Accuracy Over Time.</summary>
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

    /// <summary>Response Action Effectiveness.</summary>
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

    /// <summary>Agent Health Dashboard.</summary>
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

    /// <summary>Autonomous vs. Assisted Resolution.</summary>
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

    public static IReadOnlyList<string> All { get; } = [MeanTimeToInvestigate, TriageAccuracy, ResponseEffectiveness, AgentHealth, AutonomousVsAssisted];
}
