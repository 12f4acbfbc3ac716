using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Mapping;

/// <summary>MIME decoding for <see cref="EmlParser"/>: multipart traversal, quoted-printable, base64, RFC 2047 words, HTML to text.</summary>
internal static partial class EmlMime
{
    private const int MaxDepth = 8;
    private const int MaxPartChars = 1024 * 1024;

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=", RegexOptions.CultureInvariant)]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"(?:^|;)\s*([A-Za-z\-*]+)\s*=\s*(?:""([^""]*)""|([^;\s]+))", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();

    [GeneratedRegex(@"href\s*=\s*[""']?([^""'\s>]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    public static void Collect(IReadOnlyList<EmlHeader> headers, string body, EmlBodyParts parts, int depth)
    {
        var contentType = Header(headers, "Content-Type") ?? "text/plain";
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        var parameters = Parameters(contentType);
        var disposition = Header(headers, "Content-Disposition") ?? "";
        var fileName = Parameters(disposition).GetValueOrDefault("filename") ?? parameters.GetValueOrDefault("name");

        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal) && parameters.TryGetValue("boundary", out var boundary) && depth < MaxDepth)
        {
            foreach (var part in SplitParts(body, boundary))
            {
                var (partHeaders, partBody) = EmlParser.SplitMessage(part);
                Collect(partHeaders, partBody, parts, depth + 1);
            }
            return;
        }
        if (disposition.StartsWith("attachment", StringComparison.OrdinalIgnoreCase) || (fileName is not null && !mediaType.StartsWith("text/", StringComparison.Ordinal)))
        {
            parts.Attachments.Add(new EmlAttachment(fileName ?? "(unnamed)", mediaType, body.Length));
            return;
        }
        if (mediaType is not ("text/plain" or "text/html")) return;
        var text = Decode(body.Length > MaxPartChars ? body[..MaxPartChars] : body, Header(headers, "Content-Transfer-Encoding"), parameters.GetValueOrDefault("charset"));
        if (mediaType == "text/html")
        {
            foreach (Match m in Href().Matches(text)) parts.Links.Add(WebUtility.HtmlDecode(m.Groups[1].Value));
            parts.HtmlText.AppendLine(HtmlToText(text));
        }
        else
        {
            parts.Text.AppendLine(text);
        }
    }

    public static string DecodeEncodedWords(string value)
    {
        if (!value.Contains("=?", StringComparison.Ordinal)) return value;
        var decoded = EncodedWord().Replace(value, m =>
        {
            var encoding = GetEncoding(m.Groups[1].Value);
            var data = m.Groups[3].Value;
            if (m.Groups[2].Value is "B" or "b")
            {
                var bytes = TryBase64(data);
                return bytes is null ? m.Value : encoding.GetString(bytes);
            }
            return encoding.GetString(QuotedPrintableBytes(data.Replace('_', ' ')));
        });
        return decoded.Replace("?= =?", "?==?", StringComparison.Ordinal);
    }

    private static string Decode(string body, string? transferEncoding, string? charset)
    {
        var encoding = GetEncoding(charset);
        switch (transferEncoding?.Trim().ToLowerInvariant())
        {
            case "quoted-printable":
                return encoding.GetString(QuotedPrintableBytes(body));
            case "base64":
                var bytes = TryBase64(new string(body.Where(c => !char.IsWhiteSpace(c)).ToArray()));
                return bytes is null ? body : encoding.GetString(bytes);
            default:
                return body;
        }
    }

    private static byte[] QuotedPrintableBytes(string text)
    {
        var output = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && i + 1 < text.Length && text[i + 1] == '\n') { i++; continue; }
            if (c == '=' && i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n') { i += 2; continue; }
            if (c == '=' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                output.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            if (c < 0x80) output.Add((byte)c);
            else output.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return output.ToArray();
    }

    private static byte[]? TryBase64(string data)
    {
        var padded = data.Length % 4 == 0 ? data : data + new string('=', 4 - (data.Length % 4));
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }

    private static Encoding GetEncoding(string? charset)
    {
        var name = charset?.Trim().Trim('"').ToLowerInvariant();
        return name switch
        {
            null or "" or "utf-8" or "utf8" or "us-ascii" or "ascii" => Encoding.UTF8,
            "iso-8859-1" or "latin1" or "windows-1252" or "cp1252" => Encoding.Latin1,
            "utf-16" => Encoding.Unicode,
            _ => Encoding.UTF8, // unknown charsets are read as UTF-8: indicators are ASCII either way
        };
    }

    private static IEnumerable<string> SplitParts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var sections = body.Split(delimiter);
        for (var i = 1; i < sections.Length; i++)
        {
            var section = sections[i];
            if (section.StartsWith("--", StringComparison.Ordinal)) yield break;
            yield return section.TrimStart('\r', '\n', ' ', '\t');
        }
    }

    private static Dictionary<string, string> Parameters(string header)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        if (semicolon < 0) return result;
        foreach (Match m in Parameter().Matches(header[semicolon..]))
            result.TryAdd(m.Groups[1].Value.TrimEnd('*'), m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
        return result;
    }

    private static string? Header(IReadOnlyList<EmlHeader> headers, string name) =>
        headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static string HtmlToText(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = Tag().Replace(text, " ");
        return WebUtility.HtmlDecode(text);
    }
}
