using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Mapping;

/// <summary>MIME header parameters (<c>; charset=…; filename=…</c>), with RFC 2231 extended values and continuations:
/// <c>filename*=utf-8''%E2%82%AC.pdf</c> and <c>filename*0*=…; filename*1=…</c> are decoded with their declared charset.
/// An extended value wins over a plain one of the same name, as RFC 2231 intends.</summary>
internal static partial class EmlParameters
{
    private const int MaxSegments = 64;

    [GeneratedRegex(@"(?:^|;)\s*([A-Za-z0-9\-_.*]+)\s*=\s*(?:""([^""]*)""|([^;\s]+))", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^(?<name>[^*]+)(?:\*(?<index>[0-9]{1,3}))?(?<extended>\*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    public static Dictionary<string, string> Parse(string header)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        if (semicolon < 0) return result;
        var extended = new Dictionary<string, SortedDictionary<int, (string Value, bool Encoded)>>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Parameter().Matches(header[semicolon..]))
        {
            var value = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
            var name = Name().Match(m.Groups[1].Value);
            if (!name.Success) continue;
            var key = name.Groups["name"].Value;
            if (!name.Groups["index"].Success && !name.Groups["extended"].Success)
            {
                result.TryAdd(key, value);
                continue;
            }
            if (!extended.TryGetValue(key, out var segments)) extended[key] = segments = [];
            var index = name.Groups["index"].Success ? int.Parse(name.Groups["index"].Value, CultureInfo.InvariantCulture) : 0;
            if (segments.Count < MaxSegments) segments.TryAdd(index, (value, name.Groups["extended"].Success));
        }
        foreach (var (key, segments) in extended) result[key] = Join(segments);
        return result;
    }

    // The first encoded segment starts with charset'language'; every encoded segment is percent-encoded bytes.
    private static string Join(SortedDictionary<int, (string Value, bool Encoded)> segments)
    {
        string? charset = null;
        var bytes = new List<byte>();
        var first = true;
        foreach (var (value, encoded) in segments.Values)
        {
            var text = value;
            if (encoded && first && text.Split('\'', 3) is [var declared, _, var rest])
            {
                charset = declared;
                text = rest;
            }
            first = false;
            bytes.AddRange(encoded ? PercentDecoded(text) : EmlCharsets.Encode(text, charset));
        }
        return EmlCharsets.Decode(bytes.ToArray(), charset);
    }

    private static List<byte> PercentDecoded(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return bytes;
    }
}
