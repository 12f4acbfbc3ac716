using System.Text.Json;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>One page of a list answer: <c>{"count", "num_pages", "data"}</c>.</summary>
internal sealed record SoarPage<T>(int Count, int NumPages, IReadOnlyList<T> Data);

/// <summary>Container list filter. Labels are OR-ed; ids strictly greater than <see cref="IdGreaterThan"/>.</summary>
internal sealed record ContainerQuery(IReadOnlyList<string> Labels, long? IdGreaterThan = null, DateTimeOffset? UpdatedAfter = null, int Page = 0, int PageSize = 100);

/// <summary>A container as read.</summary>
internal sealed record SoarContainer(
    long Id, string Name, string Label, string? Severity, string? Status, string? SourceDataIdentifier,
    DateTimeOffset? CreateTime, DateTimeOffset? UpdateTime, DateTimeOffset? CloseTime,
    IReadOnlyDictionary<string, string?> CustomFields, JsonElement Raw);

/// <summary>An artifact as read; <see cref="Raw"/> is the whole JSON object.</summary>
internal sealed record SoarArtifact(
    long Id, long ContainerId, string? Name, string? Label, string? Severity, string? SourceDataIdentifier,
    DateTimeOffset? CreateTime, JsonElement Raw);

/// <summary>An artifact to write.</summary>
internal sealed record NewArtifact(
    long ContainerId, string Name, string Label, string Severity, string SourceDataIdentifier,
    IReadOnlyDictionary<string, string> Cef, IReadOnlyDictionary<string, IReadOnlyList<string>> CefTypes,
    string? Description = null, bool RunAutomation = false);

/// <summary>Result of an artifact POST.</summary>
internal sealed record ArtifactWrite(long Id, bool AlreadyExisted);

/// <summary>A container to create: name, label, the source data identifier it is found again by, severity and description.</summary>
internal sealed record NewContainer(string Name, string Label, string SourceDataIdentifier, string Severity, string Description);

/// <summary>A container note to write (<c>note_type: general</c>).</summary>
internal sealed record NewNote(long ContainerId, string Title, string Content, string NoteFormat = "markdown");

/// <summary>A note as read.</summary>
internal sealed record SoarNote(long Id, long ContainerId, string Title, string Content);

/// <summary>A container comment as read.</summary>
internal sealed record SoarComment(long Id, long ContainerId, string Comment, long? UserId, DateTimeOffset? Time);

/// <summary>A SOAR user with its roles: <see cref="Roles"/> as named in the record, <see cref="RoleIds"/> where the
/// record lists role ids instead (resolve them through <c>/rest/role</c>).</summary>
internal sealed record SoarUser(long Id, string Username, IReadOnlyList<string> Roles, bool Enabled, IReadOnlyList<long>? RoleIds = null);

/// <summary>A role (<c>/rest/role</c>).</summary>
internal sealed record SoarRole(long Id, string Name);

/// <summary>An installed app.</summary>
internal sealed record SoarApp(long Id, string Name, string? ProductVendor, string? ProductName, string? Version);

/// <summary>One action of an installed app, with its parameter definitions.</summary>
internal sealed record SoarAppAction(long Id, long AppId, string Action, string? Type, IReadOnlyList<SoarActionParameter> Parameters);

/// <summary>A parameter of an app action.</summary>
internal sealed record SoarActionParameter(string Name, string? DataType, bool Required, IReadOnlyList<string> Contains);

/// <summary>A configured asset. <see cref="PrimaryVoting"/> is the number of primary approvers whose votes an action
/// on it needs (UNVERIFIED: read from the asset record's <c>primary_voting</c>; null when absent, 0 when none).</summary>
internal sealed record SoarAsset(long Id, string Name, string? ProductVendor, string? ProductName, int? PrimaryVoting = null);

/// <summary>An approval record (<c>/rest/approval</c>): the SOAR's own approval of an action run. Documented values:
/// <c>status</c> <c>expired</c>; the others (<c>pending</c>, <c>approved</c>, <c>denied</c>) and the shape of
/// <c>responses[]</c> are UNVERIFIED.</summary>
internal sealed record SoarApproval(long Id, string Status, long? ActionRunId, DateTimeOffset? DueTime, IReadOnlyList<SoarApprovalResponse> Responses);

/// <summary>One approver's response to an approval (UNVERIFIED shape: <c>user</c> id and <c>response</c>).</summary>
internal sealed record SoarApprovalResponse(long? UserId, string Response);

/// <summary>Body of <c>POST /rest/action_run</c>.</summary>
internal sealed record ActionRunRequest(long ContainerId, string Action, string Name, IReadOnlyList<ActionRunTarget> Targets, string? Type = null);

/// <summary>One target of an action run: assets, parameter sets and the app.</summary>
internal sealed record ActionRunTarget(IReadOnlyList<string> Assets, IReadOnlyList<IReadOnlyDictionary<string, string>> Parameters, long? AppId);

/// <summary>An action run as read. <see cref="Status"/> is <c>pending</c>, <c>running</c>, <c>success</c> or <c>failed</c>.</summary>
internal sealed record SoarActionRun(
    long Id, long ContainerId, string Action, string Name, string Status, string? Message, long? PlaybookRunId,
    DateTimeOffset? StartTime, DateTimeOffset? UpdateTime, IReadOnlyList<ActionRunTarget> Targets)
{
    /// <summary>True for <c>success</c> and <c>failed</c>.</summary>
    public bool IsTerminal => Status is "success" or "failed";
}

/// <summary>One app run (one asset) of an action run, with <c>result_data</c>.</summary>
internal sealed record SoarAppRun(long Id, long ActionRunId, string Status, string Action, string? Asset, string? Message, JsonElement ResultData);

/// <summary>A playbook run on a container. <see cref="PlaybookId"/> is the numeric <c>playbook</c> when the record gives
/// one; <see cref="EndTime"/> is when a finished run ended (UNVERIFIED: <c>end_time</c>, else <c>update_time</c>).</summary>
internal sealed record SoarPlaybookRun(long Id, long ContainerId, string Playbook, string Status, string? Message, DateTimeOffset? StartTime,
    DateTimeOffset? UpdateTime, long? PlaybookId = null, DateTimeOffset? EndTime = null);

/// <summary>A playbook of the inventory: <c>repo/name</c> and whether it starts on matching containers.</summary>
internal sealed record SoarPlaybook(long Id, string Name, string? Repository, bool Active)
{
    /// <summary><c>repo/name</c>, or the bare name when the repository is unknown.</summary>
    public string FullName => Repository is { Length: > 0 } repo ? $"{repo}/{Name}" : Name;
}
