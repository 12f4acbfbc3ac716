using System.Text.Json;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Llm.Prompting;

/// <summary>
/// Parses a reply against its schema: one JSON object (optionally inside a Markdown code fence), exactly the expected
/// properties with the expected types and lengths, nothing else. Anything else is invalid and the caller falls back.
/// </summary>
internal static class ReplyParser
{
    public const string TriageSchema =
        "{\"explanation\": string (1-1500 chars), \"severity\": one of \"informational\",\"low\",\"medium\",\"high\",\"critical\" or null, \"reasons\": array of at most 5 strings (each at most 200 chars)}";
    public const string StepSchema = "{\"choice\": the id of one offered candidate (string), \"reason\": string (1-300 chars)}";
    public const string SummarySchema =
        "{\"summary\": string (1-2000 chars), \"narrative\": string (1-1500 chars, one paragraph) or null, \"hypotheses\": array of at most "
        + "5 objects {\"text\": string (1-200 chars), \"evidence\": array of 1-5 finding ids from the data}}";

    public const int MaxHypotheses = 5;
    public const int MaxEvidenceIds = 5;

    public static ParsedReply<(string Explanation, Severity? Severity, IReadOnlyList<string> Reasons)> Triage(string text)
    {
        if (Object(text, ["explanation", "severity", "reasons"], out var root, out var error) is false) return new(default, error);
        if (!String(root, "explanation", 1500, out var explanation, out error)) return new(default, error);
        Severity? severity = null;
        if (root.TryGetProperty("severity", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind != JsonValueKind.String || !SeverityNames.TryParse(s.GetString()!, out var parsed)) return new(default, "severity is not a severity");
            severity = parsed;
        }
        var reasons = new List<string>();
        if (root.TryGetProperty("reasons", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind != JsonValueKind.Array || r.GetArrayLength() > 5) return new(default, "reasons is not an array of at most 5");
            foreach (var item in r.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length > 200) return new(default, "a reason is not a short string");
                reasons.Add(item.GetString()!);
            }
        }
        return new((explanation!, severity, reasons), null);
    }

    public static ParsedReply<(string Choice, string Reason)> Step(string text)
    {
        if (Object(text, ["choice", "reason"], out var root, out var error) is false) return new(default, error);
        if (!String(root, "choice", 16, out var choice, out error)) return new(default, error);
        if (!String(root, "reason", 300, out var reason, out error)) return new(default, error);
        return new((choice!, reason!), null);
    }

    public static ParsedReply<SummaryReply> Summary(string text)
    {
        if (Object(text, ["summary", "narrative", "hypotheses"], out var root, out var error) is false) return new(null, error);
        if (!String(root, "summary", 2000, out var summary, out error)) return new(null, error);
        string? narrative = null;
        if (root.TryGetProperty("narrative", out var n) && n.ValueKind != JsonValueKind.Null && !String(root, "narrative", 1500, out narrative, out error))
            return new(null, error);
        var hypotheses = new List<(string, IReadOnlyList<string>)>();
        if (root.TryGetProperty("hypotheses", out var h) && h.ValueKind != JsonValueKind.Null)
        {
            if (h.ValueKind != JsonValueKind.Array || h.GetArrayLength() > MaxHypotheses) return new(null, $"hypotheses is not an array of at most {MaxHypotheses}");
            foreach (var item in h.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || item.EnumerateObject().Any(p => p.Name is not ("text" or "evidence")))
                    return new(null, "a hypothesis is not an object with text and evidence");
                if (!String(item, "text", 200, out var statement, out error)) return new(null, $"hypothesis {error}");
                if (!item.TryGetProperty("evidence", out var ids) || ids.ValueKind != JsonValueKind.Array || ids.GetArrayLength() is 0 or > MaxEvidenceIds
                    || ids.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String || i.GetString()!.Length is 0 or > 32))
                    return new(null, $"hypothesis evidence is not an array of 1-{MaxEvidenceIds} short ids");
                hypotheses.Add((statement!, [.. ids.EnumerateArray().Select(i => i.GetString()!.Trim())]));
            }
        }
        return new(new SummaryReply(summary!, narrative, hypotheses), null);
    }

    private static bool Object(string text, string[] allowed, out JsonElement root, out string? error)
    {
        root = default;
        var body = Unfence(text);
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            error = "not JSON";
            return false;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "not a JSON object";
            return false;
        }
        foreach (var property in root.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                error = "unexpected property";
                return false;
            }
        }
        error = null;
        return true;
    }

    private static bool String(JsonElement root, string name, int max, out string? value, out string? error)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            error = $"{name} missing or not a string";
            return false;
        }
        value = element.GetString()!.Trim();
        if (value.Length == 0 || value.Length > max)
        {
            error = $"{name} empty or longer than {max}";
            return false;
        }
        error = null;
        return true;
    }

    // Many local models wrap JSON in a ```json fence even when told not to; the fence is all that is removed.
    private static string Unfence(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("```", StringComparison.Ordinal)) return t;
        var firstLine = t.IndexOf('\n', StringComparison.Ordinal);
        var end = t.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && end > firstLine ? t[(firstLine + 1)..end].Trim() : t;
    }
}
