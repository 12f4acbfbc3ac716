using System.Buffers;
using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Extraction;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Accumulates validated, placeholder-free, de-duplicated observables for one alert.</summary>
internal sealed class ObservableCollector
{
    private const int MaxObservables = 500;
    private readonly ObservableSet _observables = new();

    public IReadOnlyList<Observable> Items => _observables.Items;

    /// <summary>Paths whose text was longer than the free-text scan limit.</summary>
    public List<string> Truncated { get; } = [];

    /// <summary>Adds a mapped value: typed values are validated, <c>auto</c> values classified or, failing that, scanned as text.</summary>
    public void AddValue(ObservableType? type, string value, string? role, string source, bool hostFallback = false)
    {
        if (type is null)
        {
            if (ObservableClassifier.Classify(value) is { } classified) AddValidated(classified, value, role);
            else if (hostFallback && IsHostName(value)) AddValidated(ObservableType.Host, value, role);
            else if (!AddListItems(null, value, role)) AddText(value, role, source);
            return;
        }
        // "Ian <ian@x.com>, finance@y.net" would validate as its last address alone, so a list is split first.
        var isList = ListTypes.Contains(type.Value) && value.AsSpan().IndexOfAny(',', ';') >= 0 && AddListItems(type, value, role);
        if (!isList && !AddValidated(type.Value, value, role) && ListTypes.Contains(type.Value)) AddListItems(type, value, role);
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

    /// <summary>
    /// Adds the values of a scan over the whole payload: addresses, hashes and e-mail addresses only, found in text,
    /// so free text. <paramref name="versionKey"/> drops dotted quads under a key that names a version.
    /// </summary>
    public void AddSwept(string text, string source, bool versionKey)
    {
        if (text.Length > ObservableExtractor.DefaultMaxChars && !Truncated.Contains(source)) Truncated.Add(source);
        foreach (var observable in ObservableExtractor.ExtractWithoutDomainsAndPhones(text, SweepRole))
        {
            if (!SweptTypes.Contains(observable.Type) || (versionKey && observable.Type is ObservableType.Ipv4 or ObservableType.Ipv6)) continue;
            Add(observable with { Origin = ObservableOrigin.FreeText });
        }
    }

    private const string SweepRole = Observable.PayloadSweepRole;

    private static readonly HashSet<ObservableType> SweptTypes =
        [ObservableType.Ipv4, ObservableType.Ipv6, ObservableType.Md5, ObservableType.Sha1, ObservableType.Sha256, ObservableType.Email];

    // Types whose fields often hold several values in one string ("1.2.3.4, 5.6.7.8", "A <a@x.com>; b@y.com").
    private static readonly HashSet<ObservableType> ListTypes =
        [ObservableType.Ipv4, ObservableType.Ipv6, ObservableType.Md5, ObservableType.Sha1, ObservableType.Sha256, ObservableType.Email, ObservableType.Domain];

    private static readonly char[] ListSeparators = [',', ';', '|', ' ', '\t', '\n', '\r'];
    private static readonly SearchValues<char> ListSeparatorValues = SearchValues.Create(ListSeparators);

    /// <summary>
    /// A declared field holding a list: each item that validates as <paramref name="type"/> is an entity; for
    /// <c>auto</c> only when every item is an address, hash, e-mail address or domain (otherwise it is text).
    /// </summary>
    private bool AddListItems(ObservableType? type, string value, string? role)
    {
        if (value.Length > ObservableClassifier.MaxValueLength || value.AsSpan().IndexOfAny(ListSeparatorValues) < 0) return false;
        var items = value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(64)
            .Select(item => (Item: item, Type: type ?? ObservableClassifier.Classify(item))).ToList();
        if (type is null && items.Any(i => i.Type is not { } t || !ListTypes.Contains(t))) return false;
        var added = false;
        foreach (var (item, itemType) in items)
        {
            if (itemType is { } t) added |= AddValidated(t, item, role);
        }
        return added;
    }

    private bool AddValidated(ObservableType type, string value, string? role)
    {
        if (ObservableClassifier.Validate(type, value) is not { } valid) return false;
        if (PlaceholderFilter.IsPlaceholder(valid.Type, valid.Value)) return true;
        Add(new Observable(valid.Type, valid.Value, role));
        if (valid.Type == ObservableType.Url && Uri.TryCreate(valid.Value, UriKind.Absolute, out var uri))
        {
            ObservableExtractor.AddHost(uri.Host, (t, v, r) =>
            {
                if (!PlaceholderFilter.IsPlaceholder(t, v)) Add(new Observable(t, v, r));
            });
        }
        return true;
    }

    private void Add(Observable observable)
    {
        // A held value may still become an entity; only new values count against the cap.
        if (_observables.Count < MaxObservables || _observables.Contains(observable)) _observables.Add(observable);
    }
}
