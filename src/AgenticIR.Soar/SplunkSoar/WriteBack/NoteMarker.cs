namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>How the bridge recognizes its own notes in a container: a deterministic title and a hidden first line.
/// Both must match, and the marker line cannot be produced by alert text (which is escaped and quoted).</summary>
internal static class NoteMarker
{
    public static string Key(string investigationId, NoteKind kind) => $"{investigationId}/{Slug(kind)}_note";

    public static string Title(string investigationId, NoteKind kind) => $"AgenticIR · {Label(kind)} · {investigationId}";

    public static string Line(string investigationId, NoteKind kind) => $"<!-- agentic-ir:{investigationId}:{Slug(kind)}_note -->";

    public static bool IsOurs(Api.SoarNote note, string investigationId, NoteKind kind) =>
        string.Equals(note.Title, Title(investigationId, kind), StringComparison.Ordinal)
        && note.Content.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim() == Line(investigationId, kind);

    private static string Slug(NoteKind kind) => kind.ToString().ToLowerInvariant();

    private static string Label(NoteKind kind) => kind switch
    {
        NoteKind.Triage => "Triage",
        NoteKind.Investigation => "Investigation",
        NoteKind.Plan => "Response plan",
        NoteKind.StandAside => "Agents stand aside",
        _ => "Incident report",
    };
}
