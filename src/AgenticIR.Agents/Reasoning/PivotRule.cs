namespace AgenticIR.Agents.Reasoning;

/// <summary>
/// One row of the pivot table: when a finding of <paramref name="WhenKind"/> exists (<c>*</c> for any non-informational
/// finding), run <paramref name="Tool"/> on the finding's subject and/or discovered observables at <paramref name="Priority"/>.
/// </summary>
internal sealed record PivotRule(string WhenKind, string Tool, PivotTarget Target, double Priority, string Because);
