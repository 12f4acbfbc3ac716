namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The words a note uses for the SOAR's item and its answer channel, so the same renderers serve Splunk SOAR
/// containers and Cortex XSOAR incidents. Fixed product text only, never alert text.</summary>
/// <param name="Item">What the SOAR calls the item (<c>container</c>, <c>incident</c>).</param>
/// <param name="AnswerChannel">Where an analyst answers an approval (<c>container comment</c>, <c>war-room entry</c>).</param>
/// <param name="NewContent">What the bridge reads later from a followed item.</param>
/// <param name="Comments">What people write on the item.</param>
internal sealed record NoteWording(string Item, string AnswerChannel, string NewContent, string Comments)
{
    public static NoteWording SplunkSoar { get; } = new("container", "container comment", "new artifacts", "comments");

    public static NoteWording Xsoar { get; } = new("incident", "war-room entry", "new war-room entries", "war-room entries");
}
