using AgenticIR.Core.Playbooks;

namespace AgenticIR.Storage.Shared;

internal sealed record LinkRow(string Instance, long ContainerId, string InvestigationId, long LastArtifactId, string? LastUpdateTime, long CommentCursor)
{
    public SoarContainerLink ToLink() => new(Instance, ContainerId, InvestigationId, LastArtifactId,
        LastUpdateTime is null ? null : StoreText.ParseTimestamp(LastUpdateTime), CommentCursor);
}
