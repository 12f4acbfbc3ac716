using System.Text.Json;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Resilience;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary><see cref="IXsoarClient"/> over RestSharp, for one instance. Create it through <see cref="XsoarClientFactory"/>.</summary>
internal sealed partial class XsoarClient(XsoarTransport transport, int pageSize) : IXsoarClient, IDisposable
{
    // Relaxed escaping keeps `>` and `"` readable in the query strings XSOAR parses; quotes and control characters are
    // still escaped, so the JSON stays valid whatever an alert holds.
    internal static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string InstanceName => transport.Instance;

    public XsoarInstanceHealth Health => transport.Health;

    /// <summary>Records per search page when the query does not say.</summary>
    public int PageSize => pageSize;

    public Task<XsoarUser> GetCurrentUserAsync(CancellationToken cancellationToken) =>
        SendAsync(XsoarCall.Get("user"), r => XsoarParsers.User(XsoarJson.ParseObject(r.Content)), cancellationToken);

    public Task<IReadOnlyList<XsoarUser>> GetUsersAsync(CancellationToken cancellationToken) =>
        SendAsync(XsoarCall.Get("users"),
            r => (IReadOnlyList<XsoarUser>)[.. XsoarJson.ParseArray(r.Content).EnumerateArray().Select(XsoarParsers.User)], cancellationToken);

    public Task<IReadOnlyList<XsoarRole>> GetRolesAsync(CancellationToken cancellationToken) =>
        SendAsync(XsoarCall.Get("roles"),
            r => (IReadOnlyList<XsoarRole>)[.. XsoarJson.ParseArray(r.Content).EnumerateArray().Select(XsoarParsers.Role)], cancellationToken);

    public Task<XsoarIntegrationCatalog> GetIntegrationsAsync(CancellationToken cancellationToken) =>
        // A read, though a POST; `size` bounds the answer (content scripts ask for 500-1000).
        SendAsync(XsoarCall.Post("settings/integration/search", SoarCallKind.Read, """{"size":1000}"""),
            r => XsoarParsers.IntegrationCatalog(XsoarJson.ParseObject(r.Content)), cancellationToken);

    private async Task<T> SendAsync<T>(XsoarCall call, Func<SoarHttpResult, T> parse, CancellationToken cancellationToken)
    {
        var result = await transport.SendAsync(call, cancellationToken);
        try
        {
            return parse(result);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new XsoarRequestException(InstanceName, result.Status, $"unexpected answer to {call.Verb} /{call.Path}: {transport.Scrub(ex.Message)}");
        }
    }

    private static string Serialize<T>(T body) => JsonSerializer.Serialize(body, Json);

    public void Dispose() => transport.Dispose();
}
