namespace AgenticIR.Core.Soar;

/// <summary>What one write-back did.</summary>
/// <param name="Created">Notes and findings written for the first time.</param>
/// <param name="Updated">Notes whose content changed: updated in place, or superseded by a new one where the SOAR cannot edit.</param>
/// <param name="Adopted">Found on the SOAR already (an earlier run stopped before its bookkeeping) and taken over.</param>
/// <param name="Unchanged">Already written with this content: nothing sent.</param>
/// <param name="Refused">Refused by the SOAR; tried again next time.</param>
public sealed record SoarWriteResult(int Created, int Updated, int Adopted, int Unchanged, int Refused)
{
    /// <summary>Nothing done.</summary>
    public static SoarWriteResult None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Sums two results.</summary>
    public static SoarWriteResult operator +(SoarWriteResult a, SoarWriteResult b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Created + b.Created, a.Updated + b.Updated, a.Adopted + b.Adopted, a.Unchanged + b.Unchanged, a.Refused + b.Refused);
    }

    /// <summary>Sums two results.</summary>
    public static SoarWriteResult Add(SoarWriteResult a, SoarWriteResult b) => a + b;
}
