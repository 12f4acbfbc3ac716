using System.Net;
using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Extraction;
using AgenticIR.Definitions.Mapping;

namespace AgenticIR.Worker.Evaluation;

/// <summary>
/// The observables a payload holds, computed from the payload alone and never from a mapping: every public IPv4/IPv6
/// address, MD5/SHA-1/SHA-256 hash and e-mail address in any string or number of the payload, walking nested objects
/// and arrays and strings that hold JSON. A string that is an RFC 822 message (a raw e-mail payload) is read as one:
/// its headers and decoded text bodies. Recognition is the product's own (<see cref="ObservableExtractor"/>, which drops
/// <see cref="PlaceholderFilter"/> placeholders, and <see cref="IpClassifier"/>); message ids are left out
/// (<see cref="MessageIds"/>), and so are identifiers and versions that only look like hashes and addresses
/// (<see cref="FieldMeaning"/>).
/// </summary>
public static class ExpectedObservables
{
    // Strings holding JSON holding strings… are followed this deep, and each text is scanned this far: enough for any
    // real alert, and a bound for a hostile one.
    private const int MaxDepth = 128;
    private const int MaxTextChars = 1024 * 1024;
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };
    private static readonly string[] EmailHeadersLeftOut = ["message-id", "in-reply-to", "references", "resent-message-id"];

    /// <summary>The expected observables of a payload (an object, or a string for a raw e-mail), de-duplicated.</summary>
    public static IReadOnlyList<ExpectedObservable> Of(JsonElement payload)
    {
        var found = new Dictionary<string, ExpectedObservable>(StringComparer.Ordinal);
        Walk(payload, null, found, 0);
        return [.. found.Values];
    }

    private static void Walk(JsonElement element, string? key, Dictionary<string, ExpectedObservable> found, int depth)
    {
        if (depth > MaxDepth) return;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Walk(property.Value, property.Name, found, depth + 1);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, key, found, depth + 1);
                break;
            case JsonValueKind.String:
                WalkString(element.GetString() ?? "", key, found, depth);
                break;
            case JsonValueKind.Number:
                Scan(element.GetRawText(), key, found);
                break;
            default:
                break;
        }
    }

    private static void WalkString(string value, string? key, Dictionary<string, ExpectedObservable> found, int depth)
    {
        if (MessageIds.IsMessageIdField(key, emailHeader: false) || MessageIds.IsMessageIdValue(key, value)) return;
        if (HoldsJson(value, out var nested))
        {
            using (nested) Walk(nested.RootElement, key, found, depth + 1);
            return;
        }
        if (EmlSections.LooksLikeEmail(value))
        {
            ScanEmail(value, found);
            return;
        }
        Scan(value, key, found);
    }

    private static void ScanEmail(string message, Dictionary<string, ExpectedObservable> found)
    {
        var sections = EmlSections.Read(message.Length > MaxTextChars ? message[..MaxTextChars] : message);
        foreach (var (name, value) in sections.Headers)
        {
            if (EmailHeadersLeftOut.Contains(name, StringComparer.OrdinalIgnoreCase)
                || MessageIds.IsMessageIdField(name, emailHeader: true) || MessageIds.IsMessageIdValue(name, value)) continue;
            Scan(value, name, found);
        }
        foreach (var body in sections.Bodies) Scan(body, null, found);
    }

    private static void Scan(string text, string? key, Dictionary<string, ExpectedObservable> found)
    {
        if (text.Length == 0) return;
        var scanned = MessageIds.RemoveLabelled(text.Length > MaxTextChars ? text[..MaxTextChars] : text);
        foreach (var observable in ObservableExtractor.Extract(scanned, maxChars: scanned.Length))
        {
            if (!IsExpected(observable, key, scanned)) continue;
            var expected = new ExpectedObservable(ObservableTypeNames.ToWire(observable.Type), observable.Value);
            found.TryAdd(expected.Key, expected);
        }
    }

    private static bool IsExpected(Observable observable, string? key, string text) => observable.Type switch
    {
        // IpClassifier.IsPublic leaves IPv6 multicast (ff00::/8) in; it is not an address anything talks from.
        ObservableType.Ipv4 => IpClassifier.IsPublic(observable.Value)
            && !FieldMeaning.IsVersionField(key) && !FieldMeaning.IsProductVersion(text, observable.Value),
        ObservableType.Ipv6 => IpClassifier.IsPublic(observable.Value) && !(IPAddress.TryParse(observable.Value, out var ip) && ip.IsIPv6Multicast),
        ObservableType.Md5 or ObservableType.Sha1 or ObservableType.Sha256 => !FieldMeaning.IsIdentifierField(key) && !FieldMeaning.IsLowEntropy(observable.Value),
        ObservableType.Email => true,
        _ => false,
    };

    private static bool HoldsJson(string value, out JsonDocument document)
    {
        document = null!;
        var trimmed = value.AsSpan().Trim();
        if (trimmed.Length < 2 || !((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']'))) return false;
        try
        {
            document = JsonDocument.Parse(value, Options);
            return true;
        }
        catch (JsonException)
        {
            return false; // text that merely starts with a brace is scanned as text
        }
    }
}
