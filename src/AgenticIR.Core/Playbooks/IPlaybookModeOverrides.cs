using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Playbooks;

/// <summary>The mode caps in force (persisted, shared by every worker on the store). At most one active cap per
/// playbook × severity.</summary>
public interface IPlaybookModeOverrides
{
    /// <summary>Caps in force, oldest first.</summary>
    Task<IReadOnlyList<PlaybookModeOverride>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Records a cap; false, and nothing written, when one is already in force for the playbook × severity.</summary>
    Task<bool> AddAsync(PlaybookModeOverride modeOverride, CancellationToken cancellationToken);

    /// <summary>Lifts the cap in force for the playbook × severity; false when there is none.</summary>
    Task<bool> LiftAsync(string playbook, Severity severity, string liftedBy, DateTimeOffset at, CancellationToken cancellationToken);
}
