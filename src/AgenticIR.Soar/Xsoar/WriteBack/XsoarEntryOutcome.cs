namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>What happened to one war-room entry.</summary>
internal enum XsoarEntryOutcome
{
    Created,
    Superseded,
    Adopted,
    Unchanged,
}
