namespace AgenticIR.SoarSimulator.Model;

/// <summary>One request as received; the token value is replaced by <c>***</c> in <see cref="Headers"/>.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset ReceivedAt { get; init; }
}
