namespace AgenticIR.Core.Soar;

/// <summary>Something a person wrote on a SOAR item (a container comment, a war-room entry).</summary>
/// <param name="Id">The entry's id on the SOAR.</param>
/// <param name="Sequence">Increasing position on the item, for "after" reads.</param>
/// <param name="Author">User name or id as the SOAR gives it; null when not given.</param>
/// <param name="Text">The text as written (attacker-controllable: quote it when displaying).</param>
/// <param name="At">When it was written; null when not given.</param>
public sealed record SoarAnalystEntry(string Id, long Sequence, string? Author, string Text, DateTimeOffset? At);
