using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Mapping;

/// <summary>MIME decoding for <see cref="EmlParser"/>: multipart traversal, quoted-printable, base64, RFC 2047 words, HTML to text.</summary>
internal static partial class EmlMime
{
    private const int MaxDepth = 8;
    private const int MaxPartChars = 1024 * 1024;

    [GeneratedRegex(@"=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=", RegexOptions.CultureInvariant)]
    private static partial Regex EncodedWord();

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

    /// <summary>Decodes RFC 2047 encoded words (<c>=?charset?B|Q?text?=</c>) in a header value. White space between two
    /// adjacent encoded words is dropped (RFC 2047 section 6.2); adjacent words in one charset are decoded together, so
    /// a character split across two words survives. A word that does not decode is kept as written.</summary>
    public static string DecodeEncodedWords(string value)
    {
        if (!value.Contains("=?", StringComparison.Ordinal)) return value;
        var text = new StringBuilder(value.Length);
        var pending = new List<byte>();
        string? pendingCharset = null;
        var last = 0;
        foreach (Match m in EncodedWord().Matches(value))
        {
            var gap = value.AsSpan(last, m.Index - last);
            var adjacent = pendingCharset is not null && gap.IsWhiteSpace();
            var bytes = WordBytes(m.Groups[2].Value, m.Groups[3].Value);
            if (bytes is null)
            {
                Flush();
                text.Append(gap).Append(m.Value);
            }
            else
            {
                var charset = m.Groups[1].Value;
                if (!adjacent || !string.Equals(charset, pendingCharset, StringComparison.OrdinalIgnoreCase)) Flush();
                if (!adjacent) text.Append(gap);
                pendingCharset = charset;
                pending.AddRange(bytes);
            }
            last = m.Index + m.Length;
        }
        Flush();
        text.Append(value.AsSpan(last));
        return text.ToString();

        void Flush()
        {
            // A header is one line: decoded line breaks would let an encoded word forge structure downstream.
            if (pendingCharset is not null) text.Append(EmlCharsets.Decode(pending.ToArray(), pendingCharset).Replace('\r', ' ').Replace('\n', ' '));
            pending.Clear();
            pendingCharset = null;
        }
    }

    private static byte[]? WordBytes(string encoding, string data) =>
        encoding is "B" or "b" ? TryBase64(data) : QuotedPrintableBytes(data.Replace('_', ' '), null);

    private static string Decode(string body, string? transferEncoding, string? charset)
    {
        switch (transferEncoding?.Trim().ToLowerInvariant())
        {
            case "quoted-printable":
                return EmlCharsets.Decode(QuotedPrintableBytes(body, charset), charset);
            case "base64":
                var bytes = TryBase64(new string(body.Where(c => !char.IsWhiteSpace(c)).ToArray()));
                return bytes is null ? body : EmlCharsets.Decode(bytes, charset);
            default:
                return body; // 7bit/8bit/binary text was decoded with its charset when the message bytes became text
        }
    }

    // Non-ASCII characters (raw 8-bit bytes a sender left in a quoted-printable body) go back to the bytes they were
    // decoded from, in the part's charset, so they decode to themselves.
    private static byte[] QuotedPrintableBytes(string text, string? charset)
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
            else output.AddRange(EmlCharsets.Encode(char.IsHighSurrogate(c) && i + 1 < text.Length ? text.Substring(i++, 2) : c.ToString(), charset));
        }
        return output.ToArray();
    }

    private static byte[]? TryBase64(string data)
    {
        var padded = data.Length % 4 == 0 ? data : data + new string('=', 4 - (data.Length % 4));
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
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

    /// <summary>The parameters of a structured header such as Content-Type (see <see cref="EmlParameters"/>).</summary>
    public static Dictionary<string, string> Parameters(string header) => EmlParameters.Parse(header);

    private static string? Header(IReadOnlyList<EmlHeader> headers, string name) =>
        headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static string HtmlToText(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = Tag().Replace(text, " ");
        return WebUtility.HtmlDecode(text);
    }
}
