using System.Text.RegularExpressions;
using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Soar;

/// <summary>Reads one entry of <c>xsoar</c> in config/soar.yaml. The fields are those the operator sets for a Cortex
/// XSOAR 6 server or an XSOAR 8 / XSIAM tenant; the key itself never appears here.</summary>
internal static partial class XsoarInstanceReader
{
    private static readonly string[] Keys =
    [
        "name", "base_url", "api_key_env", "api_key_file", "auth_id", "advanced_key", "verify_tls", "allow_http",
        "timeout_seconds", "poll_interval_seconds", "page_size", "approvals",
    ];

    private static readonly string[] ApprovalChannels = ["war_room", "tasks"];

    public static XsoarInstanceDefinition? Read(NodeReader r, YamlNode node, string field)
    {
        if (r.AsMapAllowing(node, field, Keys) is not { } map) return null;

        var name = r.RequireString(map, "name");
        if (name is not null && !SoarInstanceFields.IsValidName(name))
        {
            r.Error(map.Get("name"), map.FieldOf("name"), $"'{name}' must be lower-case letters, digits, '_' or '-', starting with a letter");
            name = null;
        }
        var allowHttp = SoarInstanceFields.OptionalBool(r, map, "allow_http") ?? false;
        var authId = ReadAuthId(r, map);
        var advanced = SoarInstanceFields.OptionalBool(r, map, "advanced_key") ?? false;
        if (advanced && map.Has("auth_id") is false)
        {
            r.Error(map.Get("advanced_key"), map.FieldOf("advanced_key"), "advanced keys exist on XSOAR 8 / XSIAM only; set auth_id (the key's id) as well");
        }
        var baseUrl = ReadBaseUrl(r, map, allowHttp, v8: authId is not null);
        var (keyEnv, keyFile) = SoarInstanceFields.ReadSecretSource(r, map, "api_key_env", "api_key_file", "key");
        var verifyTls = SoarInstanceFields.OptionalBool(r, map, "verify_tls") ?? true;
        var timeout = r.OptionalInt(map, "timeout_seconds", 1, 300) ?? 30;
        var poll = r.OptionalInt(map, "poll_interval_seconds", 1, 86_400) ?? 30;
        var pageSize = r.OptionalInt(map, "page_size", 1, 1000) ?? 100;
        var approvals = NodeReader.Optional(map, "approvals") is { } a
            ? r.AsOneOf(a, map.FieldOf("approvals"), ApprovalChannels) == "tasks" ? XsoarApprovalChannel.Tasks : XsoarApprovalChannel.WarRoom
            : XsoarApprovalChannel.WarRoom;

        if (name is null || baseUrl is null || (keyEnv is null && keyFile is null)) return null;
        return new XsoarInstanceDefinition
        {
            Name = name,
            BaseUrl = baseUrl,
            ApiKeyEnv = keyEnv,
            ApiKeyFile = keyFile,
            AuthId = authId,
            AdvancedKey = advanced,
            VerifyTls = verifyTls,
            AllowHttp = allowHttp,
            TimeoutSeconds = timeout,
            PollIntervalSeconds = poll,
            PageSize = pageSize,
            Approvals = approvals,
        };
    }

    // The key id is a number in the Cortex console ("ID" column of API Keys); YAML may read it as an int or a string.
    private static string? ReadAuthId(NodeReader r, YamlMap map)
    {
        if (NodeReader.Optional(map, "auth_id") is not { } node) return null;
        if (r.AsString(node, map.FieldOf("auth_id")) is not { } text) return null;
        if (!AuthIdPattern().IsMatch(text))
        {
            r.Error(node, map.FieldOf("auth_id"), $"'{text}' is not an API key id (the number in the ID column of the key; the key itself goes in api_key_env or api_key_file)");
            return null;
        }
        return text;
    }

    private static Uri? ReadBaseUrl(NodeReader r, YamlMap map, bool allowHttp, bool v8)
    {
        if (r.RequireString(map, "base_url") is not { } text) return null;
        var at = map.Get("base_url");
        var field = map.FieldOf("base_url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            r.Error(at, field, $"'{text}' is not an absolute http(s) URL");
            return null;
        }
        if (url.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            r.Error(at, field, "XSOAR is reached over HTTPS; use https:// (allow_http: true is for tests and the simulator)");
            return null;
        }
        if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            r.Error(at, field, "must be a plain URL without credentials, query or fragment; the key goes in api_key_env or api_key_file");
            return null;
        }
        if (v8 && url.AbsolutePath.TrimEnd('/').EndsWith("/xsoar", StringComparison.OrdinalIgnoreCase))
        {
            r.Error(at, field, "give the API URL without /xsoar; the client adds it");
            return null;
        }
        // XSOAR 8 / XSIAM answer the public API on the api- host (Cortex docs; demisto-py rewrites https:// to https://api-).
        // The simulator and tests run on loopback addresses, which have no api- name.
        if (v8 && !url.Host.StartsWith("api-", StringComparison.OrdinalIgnoreCase) && !url.IsLoopback)
        {
            r.Error(at, field, $"with auth_id (XSOAR 8 / XSIAM) give the API URL, e.g. https://api-{url.Host}; copy it from Settings > API Keys > Copy API URL");
            return null;
        }
        return url;
    }

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex AuthIdPattern();
}
