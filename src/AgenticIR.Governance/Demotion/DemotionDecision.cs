using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;

namespace AgenticIR.Governance.Demotion;

/// <summary>The monitor's verdict on one graduated (autonomous) playbook × severity.</summary>
/// <param name="Playbook">Playbook entry.</param>
/// <param name="Severity">Severity whose mode is autonomous.</param>
/// <param name="Demote">True when it should drop to <see cref="To"/> now.</param>
/// <param name="Samples">Comparisons in the live window.</param>
/// <param name="LiveAgreement">The lower of severity and disposition agreement rates; null without comparable comparisons.</param>
/// <param name="HarmfulDisagreements">Harmful disagreements in the live window.</param>
/// <param name="Reason">Why, in words (for the audit entry and the notification).</param>
/// <param name="To">The mode to demote to (assisted).</param>
public sealed record DemotionDecision(string Playbook, Severity Severity, bool Demote, int Samples, double? LiveAgreement,
    int HarmfulDisagreements, string Reason, PlaybookMode To = PlaybookMode.Assisted);
