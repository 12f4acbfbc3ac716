using System.Globalization;
using System.Text.Json;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Worker.Evaluation;

/// <summary>Reads a labelled JSON-lines corpus (<c>{id, format, payload, labels, source_labels, provenance}</c> per
/// line). A line that is not such a record is kept as a <see cref="MalformedLine"/> with its number and reason, never
/// thrown: one bad line must not hide the figures of the others.</summary>
public static class LabelledFileReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    /// <summary>Reads every non-blank line of the file.</summary>
    public static LabelledCorpus Read(string path)
    {
        var records = new List<LabelledRecord>();
        var malformed = new List<MalformedLine>();
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var (record, error) = Parse(number, text.TrimStart('\uFEFF'));
            if (record is not null) records.Add(record);
            else malformed.Add(new MalformedLine(number, error ?? "unreadable"));
        }
        return new LabelledCorpus(records, malformed);
    }

    /// <summary>Parses one line; returns the record or why it is not one.</summary>
    public static (LabelledRecord? Record, string? Error) Parse(int line, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "not a JSON object");
            if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind == JsonValueKind.Null) return (null, "no payload");
            var labels = root.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
            var techniques = StringArray(labels, "expected_techniques", out var techniqueError);
            if (techniqueError is not null) return (null, techniqueError);
            var (severity, severityError) = ReferenceSeverity(labels);
            if (severityError is not null) return (null, severityError);
            var (candidates, candidateError) = Candidates(root);
            if (candidateError is not null) return (null, candidateError);
            return (new LabelledRecord
            {
                Line = line,
                Id = Text(root, "id") ?? "line " + line.ToString(CultureInfo.InvariantCulture),
                Format = Text(root, "format") ?? "unknown",
                Payload = payload.Clone(),
                ExpectedTechniques = techniques,
                ReferenceSeverity = severity,
                TechniqueCandidates = candidates,
            }, null);
        }
        catch (JsonException ex)
        {
            return (null, $"invalid JSON at position {ex.BytePositionInLine?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {FirstSentence(ex.Message)}");
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;

    private static List<string> StringArray(JsonElement parent, string name, out string? error)
    {
        error = null;
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            error = $"labels.{name} must be an array of strings";
            return [];
        }
        return [.. value.EnumerateArray().Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0)];
    }

    private static (Severity? Severity, string? Error) ReferenceSeverity(JsonElement labels)
    {
        if (labels.ValueKind != JsonValueKind.Object || !labels.TryGetProperty("reference_severity", out var value) || value.ValueKind == JsonValueKind.Null) return (null, null);
        var name = value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim().ToLowerInvariant() : null;
        return name is "informational" or "low" or "medium" or "high" or "critical"
            ? (Enum.Parse<Severity>(name, ignoreCase: true), null)
            : (null, $"labels.reference_severity '{value}' is not one of informational, low, medium, high, critical");
    }

    private static (IReadOnlyDictionary<string, IReadOnlyList<string>> Candidates, string? Error) Candidates(JsonElement root)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty("source_labels", out var source) || source.ValueKind != JsonValueKind.Object
            || !source.TryGetProperty("attack_v19_to_v18_candidates", out var map) || map.ValueKind == JsonValueKind.Null)
            return (result, null);
        const string error = "source_labels.attack_v19_to_v18_candidates must map technique ids to arrays of technique ids";
        if (map.ValueKind != JsonValueKind.Object) return (result, error);
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Array || entry.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String)) return (result, error);
            result[entry.Name.Trim()] = [.. entry.Value.EnumerateArray().Select(e => e.GetString()!.Trim())];
        }
        return (result, null);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
