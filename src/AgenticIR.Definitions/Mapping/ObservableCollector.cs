using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Extraction;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Accumulates validated, placeholder-free, de-duplicated observables for one alert.</summary>
internal sealed class ObservableCollector
{
    private const int MaxObservables = 500;
    private readonly List<Observable> _items = [];
    private readonly HashSet<Observable> _seen = [];

    public IReadOnlyList<Observable> Items => _items;

    /// <summary>Paths whose text was longer than the free-text scan limit.</summary>
    public List<string> Truncated { get; } = [];

    /// <summary>Adds a mapped value: typed values are validated, <c>auto</c> values classified or, failing that, scanned as text.</summary>
    public void AddValue(ObservableType? type, string value, string? role, string source, bool hostFallback = false)
    {
        if (type is null)
        {
            if (ObservableClassifier.Classify(value) is { } classified) AddValidated(classified, value, role);
            else if (hostFallback && IsHostName(value)) AddValidated(ObservableType.Host, value, role);
            else AddText(value, role, source);
            return;
        }
        AddValidated(type.Value, value, role);
        if (type == ObservableType.CommandLine)
        {
            // Command lines carry URLs, addresses and encoded scripts that are evidence in their own right.
            AddText(value, role, source);
            if (EncodedCommand.TryDecode(value) is { } script)
            {
                DecodedCommands.Add(Cap(script));
                AddText(script, "decoded_command", source);
            }
        }
    }

    /// <summary>Scripts decoded from PowerShell <c>-EncodedCommand</c> arguments.</summary>
    public List<string> DecodedCommands { get; } = [];

    private static string Cap(string text) => text.Length <= 512 ? text : text[..511] + "…";

    public void AddText(string text, string? role, string source)
    {
        if (text.Length > ObservableExtractor.DefaultMaxChars && !Truncated.Contains(source)) Truncated.Add(source);
        foreach (var observable in ObservableExtractor.Extract(text, role)) Add(observable with { Origin = ObservableOrigin.FreeText });
    }

    private static bool IsHostName(string value)
    {
        var v = value.Trim();
        return v.Length is > 0 and <= 253 && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') && v.Any(char.IsAsciiLetter);
    }

    private void AddValidated(ObservableType type, string value, string? role)
    {
        if (ObservableClassifier.Validate(type, value) is not { } valid) return;
        if (PlaceholderFilter.IsPlaceholder(valid.Type, valid.Value)) return;
        Add(new Observable(valid.Type, valid.Value, role));
        if (valid.Type == ObservableType.Url && Uri.TryCreate(valid.Value, UriKind.Absolute, out var uri))
        {
            ObservableExtractor.AddHost(uri.Host, (t, v, r) =>
            {
                if (!PlaceholderFilter.IsPlaceholder(t, v)) Add(new Observable(t, v, r));
            });
        }
    }

    private void Add(Observable observable)
    {
        if (_seen.TryGetValue(observable, out var existing))
        {
            // A value that is also a structured entity is an entity, wherever it was seen first.
            if (existing.FromFreeText && !observable.FromFreeText)
            {
                _seen.Remove(existing);
                _seen.Add(observable);
                _items[_items.IndexOf(existing)] = existing with { Origin = ObservableOrigin.Entity };
            }
            return;
        }
        if (_items.Count < MaxObservables && _seen.Add(observable)) _items.Add(observable);
    }
}
