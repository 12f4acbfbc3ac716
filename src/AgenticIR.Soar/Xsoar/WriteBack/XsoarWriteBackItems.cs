using AgenticIR.Core.Security;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.WriteBack;

namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>Everything the record has so far, as war-room entries: the same triage, investigation, plan and report notes
/// the Splunk SOAR bridge writes (same renderers, same escaping of alert text), worded for XSOAR, plus a findings entry;
/// only the stand-aside entry once triage put the incident at <c>off</c>.</summary>
internal static class XsoarWriteBackItems
{
    public static IReadOnlyList<XsoarWriteBackItem> For(InvestigationRecord record)
    {
        var items = new List<XsoarWriteBackItem>();
        if (StandAsideNote.Applies(record))
        {
            Add(items, record, XsoarEntryKind.StandAside, WithoutMarker(StandAsideNote.Render(record, NoteWording.Xsoar)));
            return items;
        }
        Add(items, record, XsoarEntryKind.Triage, WithoutMarker(TriageNote.Render(record)));
        Add(items, record, XsoarEntryKind.Findings, XsoarFindingsEntry.Render(record));
        Add(items, record, XsoarEntryKind.Investigation, WithoutMarker(InvestigationNote.Render(record)));
        Add(items, record, XsoarEntryKind.Plan, WithoutMarker(PlanNote.Render(record, NoteWording.Xsoar)));
        Add(items, record, XsoarEntryKind.Report, WithoutMarker(ReportNote.Render(record)));
        Add(items, record, XsoarEntryKind.StandAside, WithoutMarker(HandBackNote.Render(record, NoteWording.Xsoar)));
        return items;
    }

    private static void Add(List<XsoarWriteBackItem> items, InvestigationRecord record, XsoarEntryKind kind, string? body)
    {
        if (body is null) return;
        items.Add(new XsoarWriteBackItem(kind, XsoarEntryMarker.Key(record.Id, kind), TextHash.Sha256Hex(body), body));
    }

    // The Splunk SOAR renderers start with that bridge's marker line; the XSOAR marker (with the content hash) replaces it.
    private static string? WithoutMarker(string? note) =>
        note?.ReplaceLineEndings("\n").Split('\n', 2) is [_, var rest] ? rest : null;
}
