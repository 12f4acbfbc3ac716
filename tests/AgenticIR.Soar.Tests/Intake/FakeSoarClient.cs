using System.Text.Json;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.Tests.Intake;

/// <summary>An in-memory Splunk SOAR for the bridge's unit tests: containers, artifacts, notes, comments, users and
/// playbook runs, with a log of every call and switches to fail like a real instance.</summary>
internal sealed class FakeSoarClient(string instance = "prod") : ISplunkSoarClient
{
    public const long AutomationUserId = 1;

    private long _nextId = 10_000;

    public string InstanceName => instance;
    public List<SoarContainer> Containers { get; } = [];
    public Dictionary<long, List<SoarArtifact>> Artifacts { get; } = [];
    public List<(SoarArtifact Artifact, NewArtifact Written)> WrittenArtifacts { get; } = [];
    public List<SoarNote> Notes { get; } = [];
    public List<SoarComment> Comments { get; } = [];
    public List<SoarRole> Roles { get; } = [];
    public int RoleListings { get; private set; }
    public Dictionary<long, SoarUser> Users { get; } = new() { [AutomationUserId] = new SoarUser(AutomationUserId, "automation", ["automation"], true) };
    public Dictionary<long, List<SoarPlaybookRun>> PlaybookRuns { get; } = [];
    public List<string> Calls { get; } = [];

    /// <summary>When set, every call fails as if the SOAR were down.</summary>
    public bool Down { get; set; }

    /// <summary>When set, every call fails with 401.</summary>
    public bool Unauthorized { get; set; }

    /// <summary>Number of further successful creates (notes, artifacts) after which a create reaches the SOAR but its
    /// answer is lost (the client throws), as when the worker dies between the POST and the ledger write.</summary>
    public int? LoseAnswerAfterCreates { get; set; }

    public IEnumerable<string> CallsFor(long containerId) => Calls.Where(c => c.EndsWith(":" + containerId, StringComparison.Ordinal));

    public SoarContainer AddContainer(long id, string label, DateTimeOffset? updated = null, string? sdi = null, DateTimeOffset? created = null)
    {
        var raw = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["id"] = id, ["name"] = $"Container {id}", ["label"] = label, ["severity"] = "medium", ["status"] = "new",
            ["source_data_identifier"] = sdi ?? $"sdi-{id}", ["start_time"] = "2026-11-20T09:00:00Z",
        });
        var container = new SoarContainer(id, $"Container {id}", label, "medium", "new", sdi ?? $"sdi-{id}",
            created ?? new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), updated ?? new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), null,
            new Dictionary<string, string?>(), raw);
        Containers.RemoveAll(c => c.Id == id);
        Containers.Add(container);
        return container;
    }

    public void Touch(long containerId, DateTimeOffset updated)
    {
        var index = Containers.FindIndex(c => c.Id == containerId);
        Containers[index] = Containers[index] with { UpdateTime = updated };
    }

    public SoarArtifact AddArtifact(long containerId, long id, Dictionary<string, string> cef, string label = "event", string? sdi = null)
    {
        var raw = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["id"] = id, ["container"] = containerId, ["name"] = $"Artifact {id}", ["label"] = label, ["severity"] = "medium",
            ["source_data_identifier"] = sdi, ["cef"] = cef,
        });
        var artifact = new SoarArtifact(id, containerId, $"Artifact {id}", label, "medium", sdi, null, raw);
        ArtifactsOf(containerId).Add(artifact);
        return artifact;
    }

    public SoarComment AddComment(long containerId, long id, string text, long? userId)
    {
        var comment = new SoarComment(id, containerId, text, userId, null);
        Comments.Add(comment);
        return comment;
    }

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => Call("GetVersion", () => "6.3.0");

    public Task<SoarPage<SoarContainer>> ListContainersAsync(ContainerQuery query, CancellationToken cancellationToken) => Call("ListContainers", () =>
    {
        var matching = Containers
            .Where(c => query.Labels.Count == 0 || query.Labels.Contains(c.Label, StringComparer.OrdinalIgnoreCase))
            .Where(c => query.IdGreaterThan is null || c.Id > query.IdGreaterThan)
            .Where(c => query.UpdatedAfter is null || c.UpdateTime > query.UpdatedAfter)
            .OrderBy(c => c.Id).ToList();
        var pages = Math.Max(1, (matching.Count + query.PageSize - 1) / query.PageSize);
        return new SoarPage<SoarContainer>(matching.Count, pages, [.. matching.Skip(query.Page * query.PageSize).Take(query.PageSize)]);
    });

    public Task<SoarContainer?> GetContainerAsync(long containerId, CancellationToken cancellationToken) =>
        Call("GetContainer:" + containerId, () => Containers.FirstOrDefault(c => c.Id == containerId));

    public Task<IReadOnlyList<SoarArtifact>> ListArtifactsAsync(long containerId, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<SoarArtifact>>("ListArtifacts:" + containerId, () => [.. ArtifactsOf(containerId).OrderBy(a => a.Id)]);

    public Task<SoarArtifact?> FindArtifactAsync(long containerId, string sourceDataIdentifier, CancellationToken cancellationToken) =>
        Call("FindArtifact:" + containerId, () => ArtifactsOf(containerId).LastOrDefault(a => a.SourceDataIdentifier == sourceDataIdentifier));

    public Task<ArtifactWrite> CreateArtifactAsync(NewArtifact artifact, CancellationToken cancellationToken) => Create("CreateArtifact:" + artifact.ContainerId, () =>
    {
        var stored = Store(NextId(), artifact);
        return new ArtifactWrite(stored.Id, false);
    });

    public Task UpdateArtifactAsync(long artifactId, NewArtifact artifact, CancellationToken cancellationToken) => Call("UpdateArtifact:" + artifact.ContainerId, () =>
    {
        ArtifactsOf(artifact.ContainerId).RemoveAll(a => a.Id == artifactId);
        WrittenArtifacts.RemoveAll(w => w.Artifact.Id == artifactId);
        Store(artifactId, artifact);
        return true;
    });

    public Task<long> CreateNoteAsync(NewNote note, CancellationToken cancellationToken) => Create("CreateNote:" + note.ContainerId, () =>
    {
        var id = NextId();
        Notes.Add(new SoarNote(id, note.ContainerId, note.Title, note.Content));
        return id;
    });

    public Task UpdateNoteAsync(long noteId, NewNote note, CancellationToken cancellationToken) => Call("UpdateNote:" + note.ContainerId, () =>
    {
        var index = Notes.FindIndex(n => n.Id == noteId);
        if (index < 0) throw new SoarRequestException(instance, 404, "note not found");
        Notes[index] = Notes[index] with { Title = note.Title, Content = note.Content };
        return true;
    });

    public Task<IReadOnlyList<SoarNote>> ListNotesAsync(long containerId, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<SoarNote>>("ListNotes:" + containerId, () => [.. Notes.Where(n => n.ContainerId == containerId)]);

    public Task<IReadOnlyList<SoarComment>> ListCommentsAsync(long containerId, long afterId, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<SoarComment>>("ListComments:" + containerId, () => [.. Comments.Where(c => c.ContainerId == containerId && c.Id > afterId).OrderBy(c => c.Id)]);

    public Task<long> CreateCommentAsync(long containerId, string comment, CancellationToken cancellationToken) => Call("CreateComment:" + containerId, () =>
    {
        var id = NextId();
        Comments.Add(new SoarComment(id, containerId, comment, AutomationUserId, null));
        return id;
    });

    public Task<SoarUser?> GetUserAsync(long userId, CancellationToken cancellationToken) => Call("GetUser:" + userId, () => Users.GetValueOrDefault(userId));

    public Task<SoarUser?> FindUserAsync(string username, CancellationToken cancellationToken) =>
        Call("FindUser", () => Users.Values.FirstOrDefault(u => u.Username == username));

    public Task<IReadOnlyList<SoarApproval>> ListApprovalsAsync(long actionRunId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SoarApproval>>([]);

    public Task<IReadOnlyList<SoarPlaybookRun>> ListPlaybookRunsAsync(long containerId, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<SoarPlaybookRun>>("ListPlaybookRuns:" + containerId, () => PlaybookRuns.TryGetValue(containerId, out var runs) ? runs : []);

    public Task<IReadOnlyList<SoarRole>> ListRolesAsync(CancellationToken cancellationToken)
    {
        RoleListings++;
        return Task.FromResult<IReadOnlyList<SoarRole>>([.. Roles]);
    }

    public Task<IReadOnlyList<SoarApp>> ListAppsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<SoarAppAction>> ListAppActionsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<SoarAsset>> ListAssetsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<long> RunActionAsync(ActionRunRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<SoarActionRun> GetActionRunAsync(long actionRunId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<SoarAppRun>> ListAppRunsAsync(long actionRunId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<SoarActionRun>> ListActionRunsAsync(long containerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    private List<SoarArtifact> ArtifactsOf(long containerId)
    {
        if (!Artifacts.TryGetValue(containerId, out var list)) Artifacts[containerId] = list = [];
        return list;
    }

    private SoarArtifact Store(long id, NewArtifact artifact)
    {
        var raw = JsonSerializer.SerializeToElement(new { id, container = artifact.ContainerId, name = artifact.Name, label = artifact.Label, cef = artifact.Cef });
        var stored = new SoarArtifact(id, artifact.ContainerId, artifact.Name, artifact.Label, artifact.Severity, artifact.SourceDataIdentifier, null, raw);
        ArtifactsOf(artifact.ContainerId).Add(stored);
        WrittenArtifacts.Add((stored, artifact));
        return stored;
    }

    private long NextId() => ++_nextId;

    private Task<T> Create<T>(string call, Func<T> work) => Call(call, () =>
    {
        var result = work();
        if (LoseAnswerAfterCreates is { } left)
        {
            if (left == 0) throw new SoarUnavailableException(instance, "connection reset after the request was sent");
            LoseAnswerAfterCreates = left - 1;
        }
        return result;
    });

    private Task<T> Call<T>(string call, Func<T> work)
    {
        Calls.Add(call);
        if (Unauthorized) throw new SoarUnauthorizedException(instance, 401, "bad token");
        if (Down) throw new SoarUnavailableException(instance, "connection refused");
        return Task.FromResult(work());
    }
}
