namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>What happened to one item.</summary>
internal enum WriteOutcome
{
    Created,
    Updated,
    Adopted,
    Unchanged,
}
