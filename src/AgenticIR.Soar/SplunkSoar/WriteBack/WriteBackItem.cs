using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>One note or artifact the bridge keeps in one container, with the hash of its content.</summary>
/// <param name="Key">Ledger key, e.g. <c>inv-x/triage_note</c> or <c>inv-x/finding/F3</c>.</param>
/// <param name="Hash">SHA-256 of the content.</param>
/// <param name="Note">The note, for a note item.</param>
/// <param name="NoteKind">Which note, for a note item.</param>
/// <param name="Artifact">The artifact, for a finding item.</param>
internal sealed record WriteBackItem(string Key, string Hash, NewNote? Note = null, NoteKind? NoteKind = null, NewArtifact? Artifact = null);
