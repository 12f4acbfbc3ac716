namespace AgenticIR.Core.Reasoning;

/// <summary>A model API key: <see cref="ToString"/> returns <c>***</c>, so neither a log template nor an exception message
/// can show it; only <see cref="Reveal"/> gives the value, for the one place that sends it.</summary>
public sealed class ModelApiKey(string value)
{
    private readonly string _value = value;

    /// <summary>The key, for the HTTP client only.</summary>
    public string Reveal() => _value;

    /// <inheritdoc />
    public override string ToString() => "***";
}
