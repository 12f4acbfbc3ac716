namespace AgenticIR.Storage.Shared.Audit;

/// <summary>Where the next record goes: after <paramref name="LastSequence"/>, linked to <paramref name="PreviousHash"/>, with
/// <paramref name="RecordCount"/> records stored before it.</summary>
internal readonly record struct AppendPosition(long LastSequence, string PreviousHash, long RecordCount);
