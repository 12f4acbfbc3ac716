namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>One war-room entry the bridge keeps on an incident.</summary>
/// <param name="Kind">Which entry.</param>
/// <param name="Key">Ledger key, e.g. <c>inv-7/plan_entry</c>.</param>
/// <param name="Hash">SHA-256 (lower-case hex) of <paramref name="Body"/>.</param>
/// <param name="Body">The markdown below the marker line.</param>
internal sealed record XsoarWriteBackItem(XsoarEntryKind Kind, string Key, string Hash, string Body)
{
    /// <summary>The entry as written: marker line, then the body.</summary>
    public string Markdown(string investigationId) => XsoarEntryMarker.Line(investigationId, Kind, Hash) + "\n" + Body;
}
