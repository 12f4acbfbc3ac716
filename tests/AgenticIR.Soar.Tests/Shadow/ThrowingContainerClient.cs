using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.Tests.Dispatch;

namespace AgenticIR.Soar.Tests.Shadow;

/// <summary>An instance that is down: every container read fails as the resilient client reports it.</summary>
internal sealed class ThrowingContainerClient(FakeSoarClient inner) : ISplunkSoarClient
{
    public string InstanceName => inner.InstanceName;
    public Task<SoarContainer?> GetContainerAsync(long containerId, CancellationToken cancellationToken) =>
        throw new SoarUnavailableException(InstanceName, "circuit open");
    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => inner.GetVersionAsync(cancellationToken);
    public Task<SoarPage<SoarContainer>> ListContainersAsync(ContainerQuery query, CancellationToken cancellationToken) => inner.ListContainersAsync(query, cancellationToken);
    public Task<IReadOnlyList<SoarArtifact>> ListArtifactsAsync(long containerId, CancellationToken cancellationToken) => inner.ListArtifactsAsync(containerId, cancellationToken);
    public Task<SoarArtifact?> FindArtifactAsync(long containerId, string sourceDataIdentifier, CancellationToken cancellationToken) => inner.FindArtifactAsync(containerId, sourceDataIdentifier, cancellationToken);
    public Task<ArtifactWrite> CreateArtifactAsync(NewArtifact artifact, CancellationToken cancellationToken) => inner.CreateArtifactAsync(artifact, cancellationToken);
    public Task UpdateArtifactAsync(long artifactId, NewArtifact artifact, CancellationToken cancellationToken) => inner.UpdateArtifactAsync(artifactId, artifact, cancellationToken);
    public Task<long> CreateNoteAsync(NewNote note, CancellationToken cancellationToken) => inner.CreateNoteAsync(note, cancellationToken);
    public Task UpdateNoteAsync(long noteId, NewNote note, CancellationToken cancellationToken) => inner.UpdateNoteAsync(noteId, note, cancellationToken);
    public Task<IReadOnlyList<SoarNote>> ListNotesAsync(long containerId, CancellationToken cancellationToken) => inner.ListNotesAsync(containerId, cancellationToken);
    public Task<IReadOnlyList<SoarComment>> ListCommentsAsync(long containerId, long afterId, CancellationToken cancellationToken) => inner.ListCommentsAsync(containerId, afterId, cancellationToken);
    public Task<long> CreateCommentAsync(long containerId, string comment, CancellationToken cancellationToken) => inner.CreateCommentAsync(containerId, comment, cancellationToken);
    public Task<SoarUser?> GetUserAsync(long userId, CancellationToken cancellationToken) => inner.GetUserAsync(userId, cancellationToken);
    public Task<SoarUser?> FindUserAsync(string username, CancellationToken cancellationToken) => inner.FindUserAsync(username, cancellationToken);
    public Task<IReadOnlyList<SoarRole>> ListRolesAsync(CancellationToken cancellationToken) => inner.ListRolesAsync(cancellationToken);
    public Task<IReadOnlyList<SoarApp>> ListAppsAsync(CancellationToken cancellationToken) => inner.ListAppsAsync(cancellationToken);
    public Task<IReadOnlyList<SoarAppAction>> ListAppActionsAsync(CancellationToken cancellationToken) => inner.ListAppActionsAsync(cancellationToken);
    public Task<IReadOnlyList<SoarAsset>> ListAssetsAsync(CancellationToken cancellationToken) => inner.ListAssetsAsync(cancellationToken);
    public Task<long> RunActionAsync(ActionRunRequest request, CancellationToken cancellationToken) => inner.RunActionAsync(request, cancellationToken);
    public Task<SoarActionRun> GetActionRunAsync(long actionRunId, CancellationToken cancellationToken) => inner.GetActionRunAsync(actionRunId, cancellationToken);
    public Task<IReadOnlyList<SoarAppRun>> ListAppRunsAsync(long actionRunId, CancellationToken cancellationToken) => inner.ListAppRunsAsync(actionRunId, cancellationToken);
    public Task<IReadOnlyList<SoarActionRun>> ListActionRunsAsync(long containerId, CancellationToken cancellationToken) => inner.ListActionRunsAsync(containerId, cancellationToken);
    public Task<IReadOnlyList<SoarApproval>> ListApprovalsAsync(long actionRunId, CancellationToken cancellationToken) => inner.ListApprovalsAsync(actionRunId, cancellationToken);
    public Task<IReadOnlyList<SoarPlaybookRun>> ListPlaybookRunsAsync(long containerId, CancellationToken cancellationToken) => inner.ListPlaybookRunsAsync(containerId, cancellationToken);
}
