using System.Text;
using System.Text.Json;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Core.Security;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>Everything the record has so far, as items for one container: the notes that exist at the record's stage
/// and one artifact per finding; only the stand-aside note once triage put the container at <c>off</c>.</summary>
internal static class WriteBackItems
{
    private const string TruncationMarker = "\n\n_… truncated by AgenticIR to fit the note size limit; the complete report is in the worker's report files._\n";

    public static IReadOnlyList<WriteBackItem> For(InvestigationRecord record, long containerId, int maxNoteBytes)
    {
        var items = new List<WriteBackItem>();
        if (StandAsideNote.Applies(record))
        {
            AddNote(items, record, containerId, NoteKind.StandAside, StandAsideNote.Render(record), maxNoteBytes);
            return items;
        }
        AddNote(items, record, containerId, NoteKind.Triage, TriageNote.Render(record), maxNoteBytes);
        foreach (var finding in record.Report?.Findings ?? [])
        {
            var artifact = FindingArtifacts.Build(record.Id, containerId, finding);
            items.Add(new WriteBackItem($"{record.Id}/finding/{finding.Id}", HashOf(artifact), Artifact: artifact));
        }
        AddNote(items, record, containerId, NoteKind.Investigation, InvestigationNote.Render(record), maxNoteBytes);
        AddNote(items, record, containerId, NoteKind.Plan, PlanNote.Render(record), maxNoteBytes);
        AddNote(items, record, containerId, NoteKind.Report, ReportNote.Render(record), maxNoteBytes);
        AddNote(items, record, containerId, NoteKind.StandAside, HandBackNote.Render(record), maxNoteBytes);
        return items;
    }

    /// <summary>SHA-256 (lower-case hex) of a note's title and content.</summary>
    public static string HashOf(NewNote note) => Sha256(note.Title + "\n" + note.Content);

    private static void AddNote(List<WriteBackItem> items, InvestigationRecord record, long containerId, NoteKind kind, string? content, int maxNoteBytes)
    {
        if (content is null) return;
        var note = new NewNote(containerId, NoteMarker.Title(record.Id, kind), Truncate(content, maxNoteBytes));
        items.Add(new WriteBackItem(NoteMarker.Key(record.Id, kind), HashOf(note), note, kind));
    }

    private static string Truncate(string content, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(content) <= maxBytes) return content;
        var budget = maxBytes - Encoding.UTF8.GetByteCount(TruncationMarker);
        var length = Math.Min(content.Length, Math.Max(0, budget));
        while (length > 0 && Encoding.UTF8.GetByteCount(content.AsSpan(0, length)) > budget) length -= Math.Max(1, (Encoding.UTF8.GetByteCount(content.AsSpan(0, length)) - budget) / 4);
        // Cut at a line end so no table row or escape sequence is split.
        var lineEnd = content.LastIndexOf('\n', Math.Max(0, length - 1));
        if (lineEnd > 0) length = lineEnd;
        return content[..length] + TruncationMarker;
    }

    private static string HashOf(NewArtifact artifact) => Sha256(JsonSerializer.Serialize(new
    {
        artifact.Name, artifact.Label, artifact.Severity, artifact.SourceDataIdentifier,
        Cef = artifact.Cef.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
        CefTypes = artifact.CefTypes.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
        artifact.Description, artifact.RunAutomation,
    }));

    private static string Sha256(string text) => TextHash.Sha256Hex(text);
}
