using AgenticIR.Core.Alerts;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>Where each observable type goes in an artifact's CEF, under the keys SOAR apps and the soar_container
/// mapping already know, with the contains types that let analysts run actions on it from the artifact.</summary>
internal static class CefFields
{
    public static CefField For(Observable observable) => observable.Type switch
    {
        ObservableType.Ipv4 or ObservableType.Ipv6 => IsSource(observable.Role)
            ? new("sourceAddress", ["ip"]) : new("destinationAddress", ["ip"]),
        ObservableType.Domain => new("destinationDnsDomain", ["domain"]),
        ObservableType.Url => new("requestURL", ["url"]),
        ObservableType.Md5 => new("fileHashMd5", ["md5", "hash"]),
        ObservableType.Sha1 => new("fileHashSha1", ["sha1", "hash"]),
        ObservableType.Sha256 => new("fileHashSha256", ["sha256", "hash"]),
        ObservableType.Email => observable.Role is "sender" or "from" or "reply_to" or "return_path"
            ? new("fromEmail", ["email"]) : new("toEmail", ["email"]),
        ObservableType.User => IsSource(observable.Role) ? new("suser", ["user name"]) : new("duser", ["user name"]),
        ObservableType.Host => IsSource(observable.Role) ? new("sourceHostName", ["host name"]) : new("deviceHostname", ["host name"]),
        ObservableType.Process => new("deviceProcessName", ["process name"]),
        ObservableType.FileName => new("fileName", ["file name"]),
        ObservableType.Phone => new("phoneNumber", ["phone"]),
        ObservableType.CommandLine => new("deviceCustomString1", ["command line"]),
        ObservableType.CloudResource => new("deviceCustomString2", ["cloud resource"]),
        _ => new("deviceCustomString3", ["qr payload"]),
    };

    private static bool IsSource(string? role) => role is not null && role.StartsWith("source", StringComparison.OrdinalIgnoreCase);
}
