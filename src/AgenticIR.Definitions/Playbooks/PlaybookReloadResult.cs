namespace AgenticIR.Definitions.Playbooks;

/// <summary>The outcome of one check of config/playbooks.yaml.</summary>
/// <param name="Status">Unchanged, applied or rejected.</param>
/// <param name="Hash">SHA-256 of the version in force afterwards.</param>
/// <param name="Errors">Why a change was rejected (empty otherwise).</param>
public sealed record PlaybookReloadResult(PlaybookReloadStatus Status, string Hash, IReadOnlyList<DefinitionError> Errors);
