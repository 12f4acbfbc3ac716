using AgenticIR.Core.Playbooks;

namespace AgenticIR.Definitions.Playbooks;

/// <summary>A validated, immutable set of playbook entries (one version of config/playbooks.yaml).</summary>
public sealed class PlaybookCatalog : IPlaybookCatalog
{
    /// <summary>Creates a catalog over entries already validated.</summary>
    /// <param name="entries">Entries in file order.</param>
    /// <param name="hash">SHA-256 of the file they came from; empty when built in code.</param>
    /// <param name="warnings">What the file says that is valid but probably not meant (shown by <c>agentic-ir validate</c>).</param>
    public PlaybookCatalog(IReadOnlyList<PlaybookEntry> entries, string hash = "", IReadOnlyList<DefinitionError>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        Hash = hash;
        Warnings = [.. warnings ?? []];
    }

    /// <summary>No entries: every container is left alone.</summary>
    public static PlaybookCatalog Empty { get; } = new([]);

    /// <inheritdoc />
    public IReadOnlyList<PlaybookEntry> Entries { get; }

    /// <summary>SHA-256 (lower-case hex) of the file this version was read from.</summary>
    public string Hash { get; }

    /// <summary>Valid settings that probably do not say what was meant, e.g. an entry whose <c>by_severity</c> turns
    /// every severity off under another <c>mode</c> (it is off: its containers are never touched).</summary>
    public IReadOnlyList<DefinitionError> Warnings { get; }

    /// <inheritdoc />
    public PlaybookEntry? Match(string instance, string? label, IReadOnlyList<string> playbookNames) =>
        Entries.FirstOrDefault(e => e.Match.AppliesTo(instance) && e.Match.AcceptsLabel(label) && e.Match.AcceptsPlaybooks(playbookNames));

    /// <inheritdoc />
    public IReadOnlyList<string> EnabledLabels(string instance) =>
        [.. Enabled(instance).SelectMany(e => e.Match.Labels).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <inheritdoc />
    public bool RequiresPlaybookNames(string instance, string? label)
    {
        // Entries are tried in file order: the names matter only if a playbook-bound entry comes before the first
        // entry that takes the label whatever ran.
        foreach (var entry in Entries)
        {
            if (!entry.Match.AppliesTo(instance) || !entry.Match.AcceptsLabel(label)) continue;
            if (entry.Match.Playbooks.Count > 0) return true;
            return false;
        }
        return false;
    }

    private IEnumerable<PlaybookEntry> Enabled(string instance) =>
        Entries.Where(e => e.Match.AppliesTo(instance) && !e.IsOffForEverySeverity);
}
