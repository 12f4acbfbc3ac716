using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Soar;

/// <summary>Reads one entry of <c>splunk_soar</c>.</summary>
internal static class SoarInstanceReader
{
    private static readonly string[] Keys =
    [
        "name", "base_url", "allow_http", "token_env", "token_file", "verify_tls", "timeout_seconds",
        "poll_interval_seconds", "page_size", "disposition_field", "verdict_artifact_label", "approvals",
    ];

    public static SoarInstanceDefinition? Read(NodeReader r, YamlNode node, string field)
    {
        if (r.AsMapAllowing(node, field, Keys) is not { } map) return null;

        var name = r.RequireString(map, "name");
        if (name is not null && !SoarInstanceFields.IsValidName(name))
        {
            r.Error(map.Get("name"), map.FieldOf("name"), $"'{name}' must be lower-case letters, digits, '_' or '-', starting with a letter");
        }
        var allowHttp = SoarInstanceFields.OptionalBool(r, map, "allow_http") ?? false;
        var baseUrl = ReadBaseUrl(r, map, allowHttp);
        var (tokenEnv, tokenFile) = SoarInstanceFields.ReadSecretSource(r, map, "token_env", "token_file", "token");
        var verifyTls = SoarInstanceFields.OptionalBool(r, map, "verify_tls") ?? true;
        var timeout = r.OptionalInt(map, "timeout_seconds", 1, 300) ?? 30;
        var poll = r.OptionalInt(map, "poll_interval_seconds", 1, 86_400) ?? 30;
        // page_size 0 means "everything" to SOAR, which its docs warn is expensive: not allowed for polling.
        var pageSize = r.OptionalInt(map, "page_size", 1, 1000) ?? 100;
        var disposition = r.OptionalString(map, "disposition_field");
        var verdictLabel = r.OptionalString(map, "verdict_artifact_label");
        var approvals = ReadApprovals(r, map);

        if (name is null || baseUrl is null || (tokenEnv is null && tokenFile is null)) return null;
        return new SoarInstanceDefinition
        {
            Name = name,
            BaseUrl = baseUrl,
            AllowHttp = allowHttp,
            TokenEnv = tokenEnv,
            TokenFile = tokenFile,
            VerifyTls = verifyTls,
            TimeoutSeconds = timeout,
            PollIntervalSeconds = poll,
            PageSize = pageSize,
            DispositionField = disposition,
            VerdictArtifactLabel = verdictLabel,
            Approvals = approvals,
        };
    }

    private static SoarApprovalChannel ReadApprovals(NodeReader r, YamlMap map)
    {
        if (NodeReader.Optional(map, "approvals") is not { } node) return SoarApprovalChannel.Comments;
        return r.AsOneOf(node, map.FieldOf("approvals"), ApprovalChannels) switch
        {
            "asset_approvers" => SoarApprovalChannel.AssetApprovers,
            _ => SoarApprovalChannel.Comments,
        };
    }

    private static readonly string[] ApprovalChannels = ["comments", "asset_approvers"];

    private static Uri? ReadBaseUrl(NodeReader r, YamlMap map, bool allowHttp)
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
            r.Error(at, field, "SOAR only accepts HTTPS; use https:// (allow_http: true is for tests and the simulator)");
            return null;
        }
        // `https://:<token>@host` is a documented way to pass a token; it would put the secret in the config file.
        if (url.UserInfo.Length > 0)
        {
            r.Error(at, field, "must not carry credentials; put the token in token_env or token_file");
            return null;
        }
        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            r.Error(at, field, "must not have a query or fragment");
            return null;
        }
        if (url.AbsolutePath.TrimEnd('/').EndsWith("/rest", StringComparison.OrdinalIgnoreCase))
        {
            r.Error(at, field, "give the base URL without /rest; the client adds it");
            return null;
        }
        return url;
    }
}
