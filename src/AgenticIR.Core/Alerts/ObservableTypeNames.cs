using System.Collections.Frozen;

namespace AgenticIR.Core.Alerts;

/// <summary>Converts <see cref="ObservableType"/> to and from its snake_case wire name.</summary>
public static class ObservableTypeNames
{
    private static readonly FrozenDictionary<ObservableType, string> ToName = new Dictionary<ObservableType, string>
    {
        [ObservableType.Ipv4] = "ipv4",
        [ObservableType.Ipv6] = "ipv6",
        [ObservableType.Domain] = "domain",
        [ObservableType.Url] = "url",
        [ObservableType.Md5] = "md5",
        [ObservableType.Sha1] = "sha1",
        [ObservableType.Sha256] = "sha256",
        [ObservableType.Email] = "email",
        [ObservableType.User] = "user",
        [ObservableType.Host] = "host",
        [ObservableType.Process] = "process",
        [ObservableType.CommandLine] = "command_line",
        [ObservableType.CloudResource] = "cloud_resource",
        [ObservableType.QrPayload] = "qr_payload",
        [ObservableType.Phone] = "phone",
        [ObservableType.FileName] = "file_name",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, ObservableType> FromName =
        ToName.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>All wire names, for validation messages.</summary>
    public static IEnumerable<string> All => ToName.Values;

    /// <summary>The wire name of a type.</summary>
    public static string ToWire(ObservableType type) => ToName[type];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string name, out ObservableType type) => FromName.TryGetValue(name, out type);
}
