namespace AgenticIR.Core.Soar;

/// <summary>Where an XSOAR instance's pending actions are answered (<c>approvals</c> in the <c>xsoar</c> list of
/// <c>config/soar.yaml</c>).</summary>
public enum XsoarApprovalChannel
{
    /// <summary>Analysts answer in the incident's war room (<c>/approve A2</c>, <c>/deny A2 reason</c>); the entry's user
    /// and roles are checked against the policy's approver tiers.</summary>
    WarRoom,

    /// <summary>Analysts complete a manual approval task of the incident's playbook
    /// (<c>/inv-playbook/task/complete</c>).</summary>
    Tasks,
}
