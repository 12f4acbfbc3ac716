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

    public override string ToString() => Mask;
}
