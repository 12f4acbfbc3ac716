using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Extraction;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Applies one mapping to one payload document.</summary>
internal static class AlertBuilder
{
    private const int MaxTitle = 300;
    private const int MaxDescription = 8 * 1024;
    private const int MaxAttribute = 512;
    private const int MaxScalar = ObservableExtractor.DefaultMaxChars;

    public static NormalizationResult Build(MappingDefinition mapping, JsonNode root, string content, TimeProvider time, IDictionary<string, string> attributes)
    {
        var collector = new ObservableCollector();
        if (mapping.Walk is { } walk && !GenericWalker.Walk(root, walk, collector))
            return NormalizationResult.Fail("payload holds no alert content: the JSON object has no text values", mapping.Name);

        foreach (var spec in mapping.Observables)
        {
            foreach (var value in JsonValues.Strings(spec.Path.Select(root))) collector.AddValue(spec.Type, value, spec.Role, spec.Path.Text, spec.HostFallback);
        }
        foreach (var spec in mapping.FreeText)
        {
            foreach (var text in JsonValues.Strings(spec.Path.Select(root))) collector.AddText(text, spec.Role ?? "free_text", spec.Path.Text);
        }
        if (mapping.Sweep) PayloadSweep.Sweep(root, collector);
        if (collector.Truncated.Count > 0)
            attributes["free_text_truncated"] = $"scanned only the first {ObservableExtractor.DefaultMaxChars} characters of: {string.Join(", ", collector.Truncated)}";

        if (collector.DecodedCommands.Count > 0) attributes["decoded_command"] = collector.DecodedCommands[0];
        foreach (var (name, sources) in mapping.Attributes)
        {
            if (First(sources, root) is { } value) attributes[name] = Cap(value, MaxAttribute);
        }
        if (ConfidenceResolver.Resolve(mapping.Confidence, root) is { } confidence) attributes["confidence"] = ConfidenceResolver.Format(confidence);

        var ruleName = First(mapping.RuleName, root);
        var description = First(mapping.AlertDescription, root);
        var title = First(mapping.Title, root) ?? ruleName ?? FirstLine(description) ?? $"{mapping.Name} alert";

        var timestamp = ResolveTimestamp(mapping.Timestamp, root);
        if (timestamp is null) attributes["timestamp_source"] = "received (no parsable timestamp in the payload)";

        return NormalizationResult.Ok(new NormalizedAlert
        {
            AlertId = Cap(First(mapping.AlertId, root) ?? $"{mapping.Name}-{Hash(content)}", MaxAttribute),
            SourceFormat = mapping.Name,
            Title = Cap(title, MaxTitle),
            RuleName = ruleName is null ? null : Cap(ruleName, MaxTitle),
            Description = description is null ? null : Cap(description, MaxDescription),
            SourceSeverity = SeverityResolver.Resolve(mapping.Severity, root),
            Category = First(mapping.Category, root) is { } category ? Cap(category, MaxAttribute) : null,
            Timestamp = timestamp ?? time.GetUtcNow(),
            Product = First(mapping.Product, root) is { } product ? Cap(product, MaxAttribute) : null,
            Observables = collector.Items,
            SourceTechniques = mapping.Techniques.SelectMany(t => t.Read(root)).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Attributes = new Dictionary<string, string>(attributes),
        });
    }

    /// <summary>The first candidate that yields a non-blank scalar (arrays contribute their first scalar).</summary>
    internal static string? First(IReadOnlyList<FieldSource> sources, JsonNode root)
    {
        foreach (var source in sources)
        {
            if (source.Literal is { } literal) return literal;
            foreach (var value in JsonValues.Strings(source.Path!.Select(root)))
            {
                var trimmed = (value.Length > MaxScalar ? value[..MaxScalar] : value).Trim();
                if (trimmed.Length > 0 && !PlaceholderFilter.IsMasked(trimmed) && trimmed is not ("null" or "none" or "None" or "N/A" or "-")) return trimmed;
            }
        }
        return null;
    }

    private static DateTimeOffset? ResolveTimestamp(TimestampSpec? spec, JsonNode root)
    {
        if (spec is null) return null;
        foreach (var source in spec.From)
        {
            var nodes = source.Literal is { } literal ? [JsonValue.Create(literal)] : source.Path!.Select(root);
            foreach (var node in nodes.SelectMany(n => n is JsonArray a ? a.OfType<JsonNode>() : [n]))
            {
                if (TimestampParser.TryParse(node, spec.Formats, out var value)) return value;
            }
        }
        return null;
    }

    private static string? FirstLine(string? text)
    {
        if (text is null) return null;
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? null : line;
    }

    private static string Cap(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    private static string Hash(string content)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(content));
        return Convert.ToHexStringLower(bytes)[..16];
    }
}
