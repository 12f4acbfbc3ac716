namespace AgenticIR.Core.Catalog;

/// <summary>What a result item's verdict field means under a <see cref="ResultParsing"/>, worst last so the worst over
/// several items is the maximum.</summary>
public enum ResultLevel
{
    /// <summary>The verdict field is missing or null.</summary>
    None,

    /// <summary>The binding declares no thresholds and no values: the value and facts are reported without a judgement
    /// (a look-up such as a user record or a hunt says nothing about maliciousness by itself).</summary>
    Informational,

    /// <summary>Below every declared threshold, or a text value in no declared list.</summary>
    Clean,

    /// <summary>At or above the suspicious threshold, or a suspicious text value.</summary>
    Suspicious,

    /// <summary>At or above the malicious threshold, or a malicious text value.</summary>
    Malicious,
}
