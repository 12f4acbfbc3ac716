using System.Text.Json.Nodes;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Ports;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Normalizes raw alerts through the declarative mappings in <c>mappings/*.yaml</c>: reads the payload (JSON or
/// RFC 822), picks the mapping (the <see cref="RawAlert.FormatHint"/> when given, otherwise the highest-priority
/// mapping whose <c>detect</c> holds) and applies it. Bad input yields a failed result, never an exception.
/// </summary>
public sealed class MappingNormalizer : IAlertNormalizer
{
    private readonly IReadOnlyList<MappingDefinition> _mappings;
    private readonly TimeProvider _time;

    private MappingNormalizer(IReadOnlyList<MappingDefinition> mappings, TimeProvider time)
    {
        _mappings = mappings.OrderByDescending(m => m.Priority).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        _time = time;
        Formats = _mappings.Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Formats { get; }

    /// <summary>Loads every mapping in <paramref name="mappingsFolder"/>.</summary>
    /// <param name="mappingsFolder">Folder holding <c>&lt;format&gt;.yaml</c> files.</param>
    /// <param name="timeProvider">Clock for alerts whose payload has no parsable timestamp; the system clock by default.</param>
    /// <exception cref="DefinitionValidationException">Any mapping is invalid; carries every error.</exception>
    public static MappingNormalizer Load(string mappingsFolder, TimeProvider? timeProvider = null)
    {
        if (TryLoad(mappingsFolder, out var normalizer, out var errors, timeProvider)) return normalizer!;
        throw new DefinitionValidationException(errors);
    }

    /// <summary>Loads every mapping in <paramref name="mappingsFolder"/>, returning all errors instead of throwing.</summary>
    public static bool TryLoad(string mappingsFolder, out MappingNormalizer? normalizer, out IReadOnlyList<DefinitionError> errors, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mappingsFolder);
        var (mappings, loadErrors) = MappingLoader.LoadFolder(mappingsFolder);
        errors = loadErrors;
        normalizer = loadErrors.Count == 0 ? new MappingNormalizer(mappings, timeProvider ?? TimeProvider.System) : null;
        return normalizer is not null;
    }

    /// <summary>The name of the mapping that would be chosen for <paramref name="content"/>, or null when none applies.</summary>
    public string? DetectFormat(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var document = PayloadReader.Read(content, out _);
        return document is null ? null : Detect(document)?.Mapping.Name;
    }

    /// <inheritdoc />
    public NormalizationResult Normalize(RawAlert raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
#pragma warning disable CA1031 // Boundary: the port promises a result for any payload, so an unforeseen payload-triggered fault becomes a rejection.
        try
        {
            return NormalizeCore(raw);
        }
        catch (Exception ex)
        {
            return NormalizationResult.Fail($"payload could not be normalized: {ex.GetType().Name}: {ex.Message}", raw.FormatHint);
        }
#pragma warning restore CA1031
    }

    private NormalizationResult NormalizeCore(RawAlert raw)
    {
        MappingDefinition? forced = null;
        if (!string.IsNullOrWhiteSpace(raw.FormatHint))
        {
            forced = _mappings.FirstOrDefault(m => string.Equals(m.Name, raw.FormatHint.Trim(), StringComparison.OrdinalIgnoreCase));
            if (forced is null)
                return NormalizationResult.Fail($"unknown format '{raw.FormatHint}'; known: {string.Join(", ", Formats)}", raw.FormatHint);
        }
        var document = PayloadReader.Read(raw.Content ?? "", out var error);
        if (document is null) return NormalizationResult.Fail(error, forced?.Name);

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.RepeatedKeys.Count > 0) attributes["duplicate_keys"] = LastWinsJson.Describe(document.RepeatedKeys);
        if (forced is not null)
        {
            if (forced.Input != document.Input)
                return NormalizationResult.Fail($"format '{forced.Name}' reads {Describe(forced.Input)} but the payload is {Describe(document.Input)}", forced.Name);
            attributes["format_selection"] = "forced";
            return AlertBuilder.Build(forced, Unwrap(forced, document.Root, attributes), raw.Content!, _time, attributes);
        }
        if (Detect(document) is not { } match)
            return NormalizationResult.Fail($"no mapping recognises this {Describe(document.Input)} payload; known: {string.Join(", ", Formats)}");
        attributes["format_selection"] = "detected";
        return AlertBuilder.Build(match.Mapping, Unwrap(match.Mapping, document.Root, attributes), raw.Content!, _time, attributes);
    }

    private (MappingDefinition Mapping, JsonNode Root)? Detect(PayloadDocument document)
    {
        foreach (var mapping in _mappings)
        {
            if (mapping.Input != document.Input) continue;
            var root = Unwrap(mapping, document.Root, null);
            if (mapping.Detect.IsMatch(root)) return (mapping, root);
        }
        return null;
    }

    private static JsonNode Unwrap(MappingDefinition mapping, JsonNode root, Dictionary<string, string>? attributes)
    {
        if (mapping.Unwrap is null) return root;
        var selected = mapping.Unwrap.Select(root).OfType<JsonObject>().ToList();
        if (selected.Count == 0) return root;
        if (attributes is not null && mapping.Unwrap.Steps.Count > 0
            && mapping.Unwrap.Steps[^1].Kind == PathStepKind.Element
            && new PayloadPath(mapping.Unwrap.Text, mapping.Unwrap.Steps.Take(mapping.Unwrap.Steps.Count - 1).ToList()).Select(root).FirstOrDefault() is JsonArray { Count: > 1 } batch)
            attributes["batch_size"] = $"{batch.Count} (only the first was normalized)";
        return selected[0];
    }

    private static string Describe(MappingInput input) => input == MappingInput.Eml ? "an RFC 822 e-mail" : "a JSON object";
}
