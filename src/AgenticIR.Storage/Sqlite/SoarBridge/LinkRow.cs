using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Shared;

namespace AgenticIR.Storage.Sqlite.SoarBridge;

internal sealed record LinkRow(string Instance, long ContainerId, string InvestigationId, long LastArtifactId, string? LastUpdateTime, long CommentCursor)
{
    public SoarContainerLink ToLink() => new(Instance, ContainerId, InvestigationId, LastArtifactId,
        LastUpdateTime is null ? null : StoreText.ParseTimestamp(LastUpdateTime), CommentCursor);
}
