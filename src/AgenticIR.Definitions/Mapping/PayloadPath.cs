using System.Text;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// A parsed mapping path such as <c>artifacts[*].cef.sourceAddress</c>, <c>['kibana.alert.rule.name']</c>,
/// <c>labels[type=Email/from].value</c>, <c>evidence[*].ipAddress</c>, <c>..title</c> or <c>rawJSON|json.agentRealtimeInfo.agentComputerName</c>.
/// The grammar is documented in <c>mappings/README.md</c>.
/// </summary>
internal sealed partial record PayloadPath(string Text, IReadOnlyList<PathStep> Steps)
{
    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Parses <paramref name="text"/>; returns null and a reason when it is not a valid path.</summary>
    public static PayloadPath? TryParse(string text, out string error)
    {
        error = "";
        var steps = new List<PathStep>();
        var i = 0;
        var expectKey = true;
        if (string.IsNullOrWhiteSpace(text)) { error = "path is empty"; return null; }
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '.' && i + 1 < text.Length && text[i + 1] == '.')
            {
                i += 2;
                var name = ReadName(text, ref i);
                if (name.Length == 0) { error = $"'..' at position {i} must be followed by a property name"; return null; }
                steps.Add(new PathStep(PathStepKind.Descendant, name));
                expectKey = false;
            }
            else if (c == '.')
            {
                if (expectKey) { error = $"unexpected '.' at position {i + 1}"; return null; }
                i++;
                expectKey = true;
            }
            else if (c == '[')
            {
                var close = FindClose(text, i);
                if (close < 0) { error = $"'[' at position {i + 1} is not closed"; return null; }
                var inner = text[(i + 1)..close].Trim();
                var step = ParseBracket(inner, out error);
                if (step is null) { error = $"{error} at position {i + 1}"; return null; }
                steps.Add(step);
                i = close + 1;
                expectKey = false;
            }
            else if (c == '|')
            {
                const string json = "|json";
                if (string.CompareOrdinal(text, i, json, 0, json.Length) != 0) { error = $"unknown modifier at position {i + 1}; only '|json' is supported"; return null; }
                steps.Add(new PathStep(PathStepKind.ParseJson));
                i += json.Length;
                expectKey = false;
            }
            else
            {
                if (!expectKey) { error = $"expected '.', '[' or '|json' at position {i + 1}"; return null; }
                var name = ReadName(text, ref i);
                if (name.Length == 0) { error = $"unexpected '{c}' at position {i + 1}"; return null; }
                steps.Add(name == "*" ? new PathStep(PathStepKind.AnyProperty) : new PathStep(PathStepKind.Property, name));
                expectKey = false;
            }
        }
        if (expectKey && steps.Count > 0) { error = "path ends with '.'"; return null; }
        return new PayloadPath(text, steps);
    }

    private static string ReadName(string text, ref int i)
    {
        var builder = new StringBuilder();
        while (i < text.Length && text[i] is not ('.' or '[' or '|')) builder.Append(text[i++]);
        return builder.ToString().Trim();
    }

    private static int FindClose(string text, int open)
    {
        char? quote = null;
        for (var j = open + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (quote is { } q) { if (c == q) quote = null; }
            else if (c is '\'' or '"') quote = c;
            else if (c == ']') return j;
        }
        return -1;
    }

    private static PathStep? ParseBracket(string inner, out string error)
    {
        error = "";
        if (inner == "*") return new PathStep(PathStepKind.AllElements);
        if (int.TryParse(inner, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var index))
            return new PathStep(PathStepKind.Element, Index: index);
        if (inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0])
            return new PathStep(PathStepKind.Property, inner[1..^1]);
        var eq = inner.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0)
        {
            var key = inner[..eq].Trim();
            var value = inner[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '\'' or '"' && value[^1] == value[0]) value = value[1..^1];
            return new PathStep(PathStepKind.Filter, key, FilterValue: value);
        }
        error = $"'[{inner}]' is not [*], [n], ['key'] or [key=value]";
        return null;
    }
}
