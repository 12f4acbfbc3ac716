using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;

namespace AgenticIR.Storage.Shared;

/// <summary>One <c>playbook_mode_overrides</c> row as Dapper reads it.</summary>
internal sealed class ModeOverrideRow
{
    public const string Columns = "playbook AS Playbook, severity AS Severity, mode AS Mode, reason AS Reason, created_at AS CreatedAt, created_by AS CreatedBy";

    public string Playbook { get; init; } = "";
    public string Severity { get; init; } = "";
    public string Mode { get; init; } = "";
    public string Reason { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string CreatedBy { get; init; } = "";

    public PlaybookModeOverride ToOverride() => new(
        Playbook,
        Enum.Parse<Severity>(Severity, ignoreCase: true),
        PlaybookModeNames.Parse(Mode),
        Reason,
        StoreText.ParseTimestamp(CreatedAt),
        CreatedBy);
}
