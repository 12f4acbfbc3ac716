namespace AgenticIR.Core.Playbooks;

/// <summary>The playbook entries in force (config/playbooks.yaml; hot reload swaps the whole set at once).</summary>
public interface IPlaybookCatalog
{
    /// <summary>Entries in file order.</summary>
    IReadOnlyList<PlaybookEntry> Entries { get; }

    /// <summary>The first entry, in file order, for a container of <paramref name="instance"/> with this label on which
    /// these playbooks ran; null when none applies. Entries that are off for every severity are returned too, so the
    /// caller can tell "off" from "not listed" (both mean: leave the container alone).</summary>
    PlaybookEntry? Match(string instance, string? label, IReadOnlyList<string> playbookNames);

    /// <summary>Labels to ask the SOAR for: those of the instance's entries that are not off for every severity.</summary>
    IReadOnlyList<string> EnabledLabels(string instance);

    /// <summary>True when an entry for this instance and label also needs the playbook names, so the caller must read
    /// the container's playbook runs before <see cref="Match"/> can decide.</summary>
    bool RequiresPlaybookNames(string instance, string? label);
}
