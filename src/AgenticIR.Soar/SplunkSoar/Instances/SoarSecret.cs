namespace AgenticIR.Soar.SplunkSoar.Instances;

/// <summary>An automation-user token. <see cref="ToString"/> prints <c>***</c> and no property exposes the value, so
/// neither structured logging of an object holding it nor an interpolated message can leak it.</summary>
internal sealed class SoarSecret
{
    private const string Mask = "***";
    private readonly string _value;

    public SoarSecret(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>The value, for the one place that puts it on the wire (the <c>ph-auth-token</c> header).</summary>
    public string Reveal() => _value;

    /// <summary><paramref name="text"/> with every occurrence of the token masked: for text that came from outside
    /// (a SOAR error message, an exception) before it goes into our own messages.</summary>
    public string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? "" : text.Replace(_value, Mask, StringComparison.Ordinal);

    public override string ToString() => Mask;
}
