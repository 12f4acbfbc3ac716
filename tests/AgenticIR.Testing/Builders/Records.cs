using AgenticIR.Core.Alerts;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Response;
using AgenticIR.Core.Shadow;
using AgenticIR.Core.State;

namespace AgenticIR.Testing.Builders;

/// <summary>The smallest valid alert, investigation, response action and shadow comparison; a test states what matters to it with
/// <c>with { … }</c> and leaves the rest neutral.</summary>
public static class Records
{
    /// <summary>When the built records happened, unless a test says otherwise.</summary>
    public static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>An alert with the given observables.</summary>
    public static NormalizedAlert Alert(string alertId = "a1", params Observable[] observables) =>
        new() { AlertId = alertId, SourceFormat = "test", Title = "t", Timestamp = At, Observables = observables };

    /// <summary>An investigation of <see cref="Alert"/> at <paramref name="stage"/>, with a plan of
    /// <paramref name="actions"/> when there are any.</summary>
    public static InvestigationRecord Investigation(string id = "inv-1", InvestigationStage stage = InvestigationStage.Received, params ResponseAction[] actions) => new()
    {
        Id = id,
        Fingerprint = "fp-" + id,
        Stage = stage,
        Alerts = [Alert()],
        Plan = actions.Length == 0 ? null : new ResponsePlan { Actions = actions, EstimatedContainmentTime = TimeSpan.Zero },
        CreatedAt = At,
        UpdatedAt = At,
    };

    /// <summary>A reversible containment action of medium risk under the gate its status implies (a pending action waits
    /// for an approval; any other was auto-approved).</summary>
    public static ResponseAction Action(string id, string logicalAction, Observable target, ApprovalStatus status = ApprovalStatus.AutoApproved) => new()
    {
        ActionId = id,
        LogicalAction = logicalAction,
        Target = target,
        Kind = ActionKind.Containment,
        Risk = ActionRisk.Medium,
        ApprovalClass = status == ApprovalStatus.Pending ? ApprovalClass.RequireApproval : ApprovalClass.AutoApprove,
        ApprovalStatus = status,
        Justification = "test " + logicalAction,
        Reversible = true,
        Priority = 1,
        ExpectedDuration = TimeSpan.FromSeconds(30),
    };

    /// <summary>When a built shadow comparison was observed, unless a test says otherwise.</summary>
    public static readonly DateTimeOffset ComparedAt = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A shadow comparison of <paramref name="playbook"/> at <paramref name="severity"/>: severity and disposition
    /// agree unless said otherwise (a disagreeing side is one severity away, or a false positive).</summary>
    public static ShadowComparisonFacts ShadowComparison(string playbook = "phishing_triage", Severity severity = Severity.Low,
        bool? severityAgrees = true, bool? dispositionAgrees = true, bool harmful = false, DateTimeOffset? at = null, int n = 0) => new()
    {
        InvestigationId = $"inv-{playbook}-{severity}-{n}",
        ContainerId = (1000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Instance = "soar-prod",
        Playbook = playbook,
        AgentSeverity = severity,
        PlaybookSeverity = severityAgrees == false ? (Severity)(((int)severity + 1) % 5) : severity,
        SeverityAgreement = severityAgrees,
        AgentDisposition = Disposition.TruePositive,
        AnalystDisposition = dispositionAgrees == false ? Disposition.FalsePositive : Disposition.TruePositive,
        DispositionAgreement = dispositionAgrees,
        AgentActions = ["block_ip", "reset_password"],
        PlaybookActions = ["block_ip"],
        ActionOverlap = 0.5,
        ExtraFindings = 2,
        MissedFindings = 0,
        AgentTimeToDecision = TimeSpan.FromSeconds(42.5),
        PlaybookTimeToDecision = TimeSpan.FromMinutes(35),
        HarmfulDisagreement = harmful,
        ObservedAt = at ?? ComparedAt,
    };
}
