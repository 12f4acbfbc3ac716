namespace AgenticIR.Definitions.Mapping.Attack;

/// <summary>One row of an ATT&amp;CK table: a documented type (or type prefix), the outcomes it is limited to, and its techniques.</summary>
/// <param name="Key">The type or prefix as a canonical key (<see cref="AttackTableKey"/>).</param>
/// <param name="IsPrefix">True when the row covers every type starting with <paramref name="Key"/>.</param>
/// <param name="Outcomes">Canonical outcomes the row applies to (e.g. Okta's <c>FAILURE</c>); empty means any outcome.</param>
/// <param name="Techniques">ATT&amp;CK technique ids, upper-case.</param>
internal sealed record AttackTableEntry(string Key, bool IsPrefix, IReadOnlyList<string> Outcomes, IReadOnlyList<string> Techniques)
{
    /// <summary>True when the row holds for an alert with these canonical <paramref name="outcomes"/>.</summary>
    public bool AppliesTo(IReadOnlyCollection<string> outcomes) => Outcomes.Count == 0 || Outcomes.Any(outcomes.Contains);
}
