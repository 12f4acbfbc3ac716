namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>What one write-back did, summed over the investigation's containers.</summary>
/// <param name="Created">Notes and artifacts created.</param>
/// <param name="Updated">Notes and artifacts whose content changed, updated in place.</param>
/// <param name="Adopted">Found on the SOAR already (an earlier run crashed before its ledger write) and taken over.</param>
/// <param name="Unchanged">Already written with this content: nothing sent.</param>
/// <param name="Refused">Refused by the SOAR; left for the next cycle.</param>
internal sealed record WriteBackResult(int Created, int Updated, int Adopted, int Unchanged, int Refused)
{
    public static WriteBackResult None { get; } = new(0, 0, 0, 0, 0);

    public static WriteBackResult operator +(WriteBackResult a, WriteBackResult b) =>
        new(a.Created + b.Created, a.Updated + b.Updated, a.Adopted + b.Adopted, a.Unchanged + b.Unchanged, a.Refused + b.Refused);
}
