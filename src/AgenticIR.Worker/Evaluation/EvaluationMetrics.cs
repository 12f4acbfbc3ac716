using AgenticIR.Core.Alerts;

namespace AgenticIR.Worker.Evaluation;

/// <summary>The arithmetic of the figures, kept apart from running the product so each rule is tested on its own.</summary>
public static class EvaluationMetrics
{
    /// <summary>The parent technique: <c>T1566.002</c> → <c>T1566</c>, upper case.</summary>
    public static string Parent(string technique)
    {
        ArgumentNullException.ThrowIfNull(technique);
        var id = technique.Trim().ToUpperInvariant();
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? id[..dot] : id;
    }

    /// <summary>The expected parents of a record, each with the parents of the older ids that also stand for it
    /// (from <see cref="LabelledRecord.TechniqueCandidates"/>, looked up by the expected id, then by its parent).</summary>
    public static IReadOnlyList<ExpectedTechnique> ExpectedTechniques(LabelledRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. record.ExpectedTechniques
            .GroupBy(Parent, StringComparer.Ordinal)
            .Select(group => new ExpectedTechnique(group.Key, [.. group
                .SelectMany(id => Candidates(record, id))
                .Select(Parent)
                .Where(p => p != group.Key)
                .Distinct(StringComparer.Ordinal)]))];
    }

    /// <summary>True when the expected parent, or one of its candidates' parents, is among the reported parents.</summary>
    public static bool IsHit(ExpectedTechnique expected, IReadOnlySet<string> reportedParents)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(reportedParents);
        return reportedParents.Contains(expected.Parent) || expected.CandidateParents.Any(reportedParents.Contains);
    }

    /// <summary>The parents of the reported techniques.</summary>
    public static IReadOnlySet<string> ReportedParents(IEnumerable<string> techniques) =>
        techniques.Where(t => !string.IsNullOrWhiteSpace(t)).Select(Parent).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when ours is at most one step from the reference (informational &lt; low &lt; medium &lt; high &lt;
    /// critical); false when there is no severity of ours (the record was not triaged).</summary>
    public static bool WithinOneStep(Severity? ours, Severity reference) => ours is { } o && Math.Abs((int)o - (int)reference) <= 1;

    /// <summary>The expected observables the product's observables do not contain (compared by <see cref="ObservableKey"/>).</summary>
    public static IReadOnlyList<ExpectedObservable> Missed(IEnumerable<ExpectedObservable> expected, IEnumerable<Observable> observables)
    {
        var have = observables.Select(o => ObservableKey.Of(o.Value)).ToHashSet(StringComparer.Ordinal);
        return [.. expected.Where(e => !have.Contains(e.Key))];
    }

    private static IEnumerable<string> Candidates(LabelledRecord record, string id) =>
        record.TechniqueCandidates.TryGetValue(id.Trim(), out var exact) ? exact
        : record.TechniqueCandidates.TryGetValue(Parent(id), out var parent) ? parent
        : [];
}
