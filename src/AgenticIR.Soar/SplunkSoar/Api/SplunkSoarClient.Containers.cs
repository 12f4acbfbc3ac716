using AgenticIR.Soar.Resilience;

namespace AgenticIR.Soar.SplunkSoar.Api;

internal sealed partial class SplunkSoarClient
{
    /// <summary>One label: <c>_filter_label="x"</c>; several: <c>_filter_label__in=["x","y"]</c> (Django lookup,
    /// UNVERIFIED on containers but the same form as the documented <c>_filter_container__in</c>).</summary>
    public Task<SoarPage<SoarContainer>> ListContainersAsync(ContainerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Without a label filter the poll would take every container on the SOAR, including those of playbooks that are off.
        if (query.Labels.Count == 0) throw new ArgumentException("at least one label is required", nameof(query));
        var q = new SoarQuery();
        if (query.Labels.Count == 1) q.Quoted("_filter_label", query.Labels[0]);
        else q.QuotedList("_filter_label__in", query.Labels);
        if (query.IdGreaterThan is { } id) q.Number("_filter_id__gt", id);
        if (query.UpdatedAfter is { } after) q.Date("_filter_update_time__gt", after);
        q.Sort("id", ascending: true).Paging(query.Page, query.PageSize);
        return GetPageAsync("rest/container", q, SoarParsers.Container, cancellationToken);
    }

    public Task<long> CreateContainerAsync(NewContainer container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        // Deduplicated by source data identifier and label, so a repeat after a lost answer finds the first one.
        var call = SoarCall.Post("rest/container", SoarCallKind.IdempotentWrite, SoarBodies.Container(container))
            with { Accept = r => ExistingId(r, "existing_container_id") is not null };
        return SendAsync(call, r => ExistingId(r, "existing_container_id") ?? CreatedId(r), cancellationToken);
    }

    public async Task<SoarContainer?> FindContainerAsync(string label, string sourceDataIdentifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        ArgumentException.ThrowIfNullOrEmpty(sourceDataIdentifier);
        var query = new SoarQuery()
            .Quoted("_filter_label", label)
            .Quoted("_filter_source_data_identifier", sourceDataIdentifier)
            .Sort("id", ascending: true)
            .Paging(0, 1);
        var page = await GetPageAsync("rest/container", query, SoarParsers.Container, cancellationToken);
        return page.Data.Count > 0 ? page.Data[0] : null;
    }

    public Task<SoarContainer?> GetContainerAsync(long containerId, CancellationToken cancellationToken) =>
        GetOrNullAsync($"rest/container/{containerId}", SoarParsers.Container, cancellationToken);

    public Task<IReadOnlyList<SoarArtifact>> ListArtifactsAsync(long containerId, CancellationToken cancellationToken) =>
        ListAllAsync($"rest/container/{containerId}/artifacts", _ => { }, SoarParsers.Artifact, cancellationToken);

    public async Task<SoarArtifact?> FindArtifactAsync(long containerId, string sourceDataIdentifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceDataIdentifier);
        var query = new SoarQuery()
            .Number("_filter_container_id", containerId)
            .Quoted("_filter_source_data_identifier", sourceDataIdentifier)
            .Sort("id", ascending: false)
            .Paging(0, 1);
        var page = await GetPageAsync("rest/artifact", query, SoarParsers.Artifact, cancellationToken);
        return page.Data.Count > 0 ? page.Data[0] : null;
    }

    /// <summary>Retried like a read: a repeated POST is expected to answer <c>existing_artifact_id</c> (server-side SDI
    /// dedupe; UNVERIFIED, third parties report it does not always happen, so the bridge also pre-checks by SDI).</summary>
    public Task<ArtifactWrite> CreateArtifactAsync(NewArtifact artifact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var call = SoarCall.Post("rest/artifact", SoarCallKind.IdempotentWrite, SoarBodies.Artifact(artifact, includeContainer: true))
            with { Accept = r => ExistingArtifactId(r) is not null };
        return SendAsync(call, r => ExistingArtifactId(r) is { } existing ? new ArtifactWrite(existing, true) : new ArtifactWrite(CreatedId(r), false),
            cancellationToken);
    }

    public Task UpdateArtifactAsync(long artifactId, NewArtifact artifact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return transport.SendAsync(
            SoarCall.Post($"rest/artifact/{artifactId}", SoarCallKind.IdempotentWrite, SoarBodies.Artifact(artifact, includeContainer: false)),
            cancellationToken);
    }

    // The duplicate answer may come with `failed: true` and a non-2xx status; the Phantom app and the SDK both treat it as success.
    private static long? ExistingArtifactId(SoarHttpResult result) => ExistingId(result, "existing_artifact_id");

    private static long? ExistingId(SoarHttpResult result, string field) =>
        SoarJson.TryParseObject(result.Content) is { } body ? SoarJson.Long(body, field) : null;
}
