namespace AgenticIR.Soar.SplunkSoar.Enrichment;

/// <summary>What a result item's verdict field says, worst last so the worst over all items is the maximum.</summary>
internal enum ResultLevel
{
    /// <summary>The verdict field is missing.</summary>
    None,
    /// <summary>Below every threshold, or a text value in no list.</summary>
    Clean,
    /// <summary>At or above the suspicious threshold, or a suspicious text value.</summary>
    Suspicious,
    /// <summary>At or above the malicious threshold, or a malicious text value.</summary>
    Malicious,
}
