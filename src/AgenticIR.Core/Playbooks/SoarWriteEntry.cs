namespace AgenticIR.Core.Playbooks;

/// <summary>One line of the write-back ledger: a note or artifact the bridge wrote to a container.</summary>
/// <param name="Instance">SOAR instance name.</param>
/// <param name="ContainerId">Container id.</param>
/// <param name="ItemKey">Stable key, e.g. <c>inv-x/triage_note</c> or <c>inv-x/finding/F3</c>.</param>
/// <param name="SoarId">Note or artifact id on the SOAR; null while pending.</param>
/// <param name="ContentHash">SHA-256 of the content written (or about to be).</param>
/// <param name="State">Pending or written.</param>
public sealed record SoarWriteEntry(string Instance, long ContainerId, string ItemKey, long? SoarId, string ContentHash, SoarWriteState State);
