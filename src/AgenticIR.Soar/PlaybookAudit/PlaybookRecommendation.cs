namespace AgenticIR.Soar.PlaybookAudit;

/// <summary>What to do with a playbook in a migration.</summary>
internal enum PlaybookRecommendation
{
    /// <summary>Too rarely run or too often failing to be worth keeping or converting.</summary>
    Retire,
    /// <summary>Simple deterministic automation: leave it to the SOAR.</summary>
    Keep,
    /// <summary>Investigation or response: hand it to the agents.</summary>
    Convert,
}
