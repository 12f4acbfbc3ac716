namespace AgenticIR.Core.Playbooks;

/// <summary>A SOAR container the agents took, and the investigation it feeds.</summary>
/// <param name="Instance">SOAR instance name.</param>
/// <param name="ContainerId">Container id.</param>
/// <param name="InvestigationId">Investigation the container's alerts landed in.</param>
/// <param name="LastArtifactId">Highest artifact id already handed over (our own artifacts included, so they are never re-read).</param>
/// <param name="LastUpdateTime">Container update time when its artifacts were last read.</param>
/// <param name="CommentCursor">Highest comment id already processed for approvals.</param>
public sealed record SoarContainerLink(
    string Instance, long ContainerId, string InvestigationId, long LastArtifactId, DateTimeOffset? LastUpdateTime, long CommentCursor = 0);
