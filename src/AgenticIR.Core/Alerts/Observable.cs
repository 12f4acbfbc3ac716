using System.Text.Json.Serialization;

namespace AgenticIR.Core.Alerts;

/// <summary>One typed value taken from an alert. <paramref name="Role"/> says where it came from (source, destination, sender…).</summary>
public sealed record Observable(ObservableType Type, string Value, string? Role = null)
{
    /// <summary>True for IP addresses outside private, loopback, link-local and carrier-grade NAT ranges.</summary>
    [JsonIgnore]
    public bool IsPublicAddress => Type is ObservableType.Ipv4 or ObservableType.Ipv6 && IpClassifier.IsPublic(Value);

    /// <summary>The identity used for de-duplication: type and case-folded value, role ignored.</summary>
    [JsonIgnore]
    public string Key => $"{ObservableTypeNames.ToWire(Type)}:{Value.ToLowerInvariant()}";

    /// <inheritdoc />
    public bool Equals(Observable? other) => other is not null && Type == other.Type
        && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, StringComparer.OrdinalIgnoreCase.GetHashCode(Value));
}
