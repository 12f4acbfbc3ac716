namespace AgenticIR.Worker.Evaluation;

/// <summary>An observable the payload itself holds, which the product is expected to surface.</summary>
/// <param name="Type">Wire type name: ipv4, ipv6, md5, sha1, sha256 or email.</param>
/// <param name="Value">The value as found (IPv6 in canonical form, hashes in lower case).</param>
public sealed record ExpectedObservable(string Type, string Value)
{
    /// <summary>The comparison key (see <see cref="ObservableKey"/>).</summary>
    public string Key => ObservableKey.Of(Value);

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Value}";
}
