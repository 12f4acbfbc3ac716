using System.Text.Json;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.Resilience;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary><see cref="ISplunkSoarClient"/> over RestSharp, for one instance. Paths, filters and bodies follow
/// shared/reference/soar-api.md §1; what the reference does not pin down is marked UNVERIFIED where it is used.
/// Create it through <see cref="SoarClientFactory"/>.</summary>
internal sealed partial class SplunkSoarClient(SoarTransport transport, int pageSize) : ISplunkSoarClient, IDisposable
{
    // A runaway pager (a server that keeps reporting more pages) must not loop forever.
    private const int MaxPages = 10_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _playbookNames = new();

    public string InstanceName => transport.Instance;

    /// <summary>Stopped after a 401/403 until the process is restarted or the instance reconfigured.</summary>
    public SoarInstanceHealth Health => transport.Health;

    public async Task<string> GetVersionAsync(CancellationToken cancellationToken) =>
        await SendAsync(SoarCall.Get("rest/version"),
            r => SoarJson.String(SoarJson.ParseObject(r.Content), "version") ?? throw new InvalidDataException("missing 'version'"),
            cancellationToken);

    private async Task<T> SendAsync<T>(SoarCall call, Func<SoarHttpResult, T> parse, CancellationToken cancellationToken)
    {
        var result = await transport.SendAsync(call, cancellationToken);
        try
        {
            return parse(result);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or InvalidOperationException or FormatException)
        {
            throw new SoarRequestException(InstanceName, result.Status, $"unexpected answer to {call.Verb} {call.Path}: {transport.Scrub(ex.Message)}");
        }
    }

    /// <summary>Null on 404, else the parsed record.</summary>
    private Task<T?> GetOrNullAsync<T>(string path, Func<JsonElement, T> item, CancellationToken cancellationToken) where T : class =>
        SendAsync(SoarCall.Get(path) with { NotFoundIsAnswer = true },
            r => r.Status == 404 ? null : item(SoarJson.ParseObject(r.Content)), cancellationToken);

    private Task<SoarPage<T>> GetPageAsync<T>(string path, SoarQuery query, Func<JsonElement, T> item, CancellationToken cancellationToken) =>
        SendAsync(SoarCall.Get(path, query), r => SoarParsers.Page(SoarJson.ParseObject(r.Content), item), cancellationToken);

    /// <summary>Every page of a list, sorted by id ascending; stops at <c>num_pages</c> or an empty page.</summary>
    private async Task<IReadOnlyList<T>> ListAllAsync<T>(string path, Action<SoarQuery> filter, Func<JsonElement, T> item, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        for (var page = 0; page < MaxPages; page++)
        {
            var query = new SoarQuery();
            filter(query);
            var result = await GetPageAsync(path, query.Sort("id", ascending: true).Paging(page, pageSize), item, cancellationToken);
            all.AddRange(result.Data);
            if (result.Data.Count == 0 || page + 1 >= result.NumPages) break;
        }
        return all;
    }

    /// <summary>A catalogue list in one request (<c>page_size=0</c> returns every record; these lists are small).</summary>
    private async Task<IReadOnlyList<T>> ListEverythingAsync<T>(string path, Func<JsonElement, T> item, CancellationToken cancellationToken) =>
        (await GetPageAsync(path, new SoarQuery().Number("page_size", 0), item, cancellationToken)).Data;

    /// <summary>The id of a created record: <c>{"success": true, "id": N}</c>.</summary>
    private static long CreatedId(SoarHttpResult result, string field = "id") =>
        SoarJson.RequiredLong(SoarJson.ParseObject(result.Content), field);

    public void Dispose() => transport.Dispose();
}
