namespace AgenticIR.Soar.Xsoar.Auth;

/// <summary>An XSOAR API key. <see cref="ToString"/> prints <c>***</c> and no property exposes the value, so neither
/// structured logging of an object holding it nor an interpolated message can leak it.</summary>
internal sealed class XsoarApiKey
{
    private const string Mask = "***";
    private readonly string _value;

    public XsoarApiKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>The value, for <see cref="XsoarAuthenticator"/> only (the one place that builds the headers).</summary>
    public string Reveal() => _value;

    public override string ToString() => Mask;
}
