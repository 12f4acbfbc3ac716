using System.Text.Json.Serialization;

namespace AgenticIR.Core.Alerts;

/// <summary>One typed value taken from an alert. <paramref name="Role"/> says what part it plays (source, destination, sender…);
/// <see cref="Origin"/> says whether it is a structured entity of the alert or was found in free text.</summary>
public sealed record Observable(ObservableType Type, string Value, string? Role = null)
{
    /// <summary>Structured entity field or free text; only entities may become response targets or raise severity.</summary>
    public ObservableOrigin Origin { get; init; } = ObservableOrigin.Entity;

    /// <summary>True when the value was found in free text rather than a structured entity field.</summary>
    [JsonIgnore]
    public bool FromFreeText => Origin == ObservableOrigin.FreeText;

    /// <summary>Role of what a mapping's sweep of the whole payload finds beyond its declared fields (free text).</summary>
    public const string PayloadSweepRole = "payload";

    /// <summary>True for an address, hash or e-mail address found by sweeping the payload rather than in a declared field.</summary>
    [JsonIgnore]
    public bool FromPayloadSweep => FromFreeText && string.Equals(Role, PayloadSweepRole, StringComparison.Ordinal);

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

    /// <summary>De-duplicates observables by type and value; a value that is a structured entity anywhere is an entity.</summary>
    public static IReadOnlyList<Observable> Merge(IEnumerable<Observable> observables)
    {
        ArgumentNullException.ThrowIfNull(observables);
        var set = new ObservableSet();
        foreach (var o in observables) set.Add(o);
        return set.Items;
    }
}
