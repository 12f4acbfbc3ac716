namespace AgenticIR.Storage.Shared;

/// <summary>One statement of a retention pass: rows of <paramref name="Table"/> matching <paramref name="Condition"/>,
/// counted under <paramref name="CountedAs"/> (null: removed with their owner, not reported).</summary>
internal sealed record RetentionStep(RetentionTable? CountedAs, string Table, string Condition)
{
    public string Delete => $"DELETE FROM {Table} WHERE {Condition};";

    public string Count => $"SELECT COUNT(*) FROM {Table} WHERE {Condition};";
}
