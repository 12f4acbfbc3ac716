using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace AgenticIR.Definitions.Mapping;

/// <summary>One detection test on a payload; see <c>mappings/README.md</c>.</summary>
internal sealed record DetectCondition
{
    public required ConditionKind Kind { get; init; }
    public PayloadPath? Path { get; init; }
    public bool ExpectExists { get; init; } = true;
    public IReadOnlyList<string> Values { get; init; } = [];
    public Regex? Pattern { get; init; }
    public IReadOnlyList<DetectCondition> Children { get; init; } = [];

    /// <summary>True when the payload satisfies the condition; never throws for payload content.</summary>
    public bool IsMatch(JsonNode root) => Kind switch
    {
        ConditionKind.Always => true,
        ConditionKind.Exists => Path!.Select(root).Any(n => n is not JsonValue v || JsonValues.AsString(v) is not null) == ExpectExists,
        ConditionKind.EqualsValue or ConditionKind.OneOf => JsonValues.Strings(Path!.Select(root))
            .Any(s => Values.Any(v => string.Equals(s.Trim(), v, StringComparison.OrdinalIgnoreCase))),
        ConditionKind.Matches => JsonValues.Strings(Path!.Select(root)).Any(SafeMatch),
        ConditionKind.All => Children.All(c => c.IsMatch(root)),
        ConditionKind.Any => Children.Any(c => c.IsMatch(root)),
        ConditionKind.Not => !Children[0].IsMatch(root),
        _ => false,
    };

    private bool SafeMatch(string text)
    {
        try
        {
            return Pattern!.IsMatch(text.Length > 4096 ? text[..4096] : text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
