namespace AgenticIR.Core.Policy;

/// <summary>When shadow evidence supports promoting a playbook × severity (policy <c>graduation</c>), and when live
/// agreement is low enough to demote it automatically.</summary>
/// <param name="WindowDays">Evidence window, default 30.</param>
/// <param name="MinSamples">Smallest sample, e.g. 200.</param>
/// <param name="MinAgreementLowerBound">Wilson 95% lower bound of severity and disposition agreement required, e.g. 0.95.</param>
/// <param name="MaxHarmfulDisagreements">Harmful disagreements allowed, e.g. 0.</param>
/// <param name="DemotionFloor">Live agreement below which a graduated playbook drops back to assisted, e.g. 0.90.</param>
public sealed record GraduationCriteria(int WindowDays, int MinSamples, double MinAgreementLowerBound, int MaxHarmfulDisagreements, double DemotionFloor)
{
    /// <summary>The defaults named in the design: 30 days, n ≥ 200, lower bound ≥ 0.95, no harmful disagreement, floor 0.90.</summary>
    public static GraduationCriteria Default { get; } = new(30, 200, 0.95, 0, 0.90);
}
