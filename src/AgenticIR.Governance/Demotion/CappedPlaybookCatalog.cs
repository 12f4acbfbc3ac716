using AgenticIR.Core.Playbooks;

namespace AgenticIR.Governance.Demotion;

/// <summary>The playbook catalog with the mode caps in force applied: a demoted playbook × severity is handed to the
/// orchestrator at its cap (assisted) however config/playbooks.yaml is edited, until someone lifts the cap. Labels and
/// matching are the inner catalog's (a cap lowers a mode, it never turns an entry off).</summary>
public sealed class CappedPlaybookCatalog(IPlaybookCatalog inner, PlaybookModeCaps caps) : IPlaybookCatalog, IDisposable
{
    /// <inheritdoc />
    public IReadOnlyList<PlaybookEntry> Entries => [.. inner.Entries.Select(caps.Apply)];

    /// <inheritdoc />
    public PlaybookEntry? Match(string instance, string? label, IReadOnlyList<string> playbookNames) =>
        inner.Match(instance, label, playbookNames) is { } entry ? caps.Apply(entry) : null;

    /// <inheritdoc />
    public IReadOnlyList<string> EnabledLabels(string instance) => inner.EnabledLabels(instance);

    /// <inheritdoc />
    public bool RequiresPlaybookNames(string instance, string? label) => inner.RequiresPlaybookNames(instance, label);

    /// <summary>Disposes the inner catalog when it owns resources (the file watcher).</summary>
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
