using System.Text;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Turns the raw bytes of an RFC 822 / MIME message into text the e-mail mapping can read, honouring each part's
/// declared charset: a <c>charset=iso-8859-1</c> part sent <c>8bit</c> is decoded as such, not rejected as invalid UTF-8.
/// Headers are UTF-8 (RFC 6532) where valid, else the entity's declared charset, else windows-1252; structure
/// (header names, boundaries, line breaks) is ASCII and survives unchanged, so the message splits exactly as its
/// bytes do. Quoted-printable and base64 bodies stay encoded: the parser decodes them with the part's charset.
/// </summary>
public static class EmlDecoder
{
    private const int MaxDepth = 8;
    private const int SniffBytes = 64 * 1024;

    /// <summary>The message as text. Never throws: undecodable bytes fall back to windows-1252, one character each.</summary>
    public static string Decode(ReadOnlySpan<byte> message)
    {
        if (message.StartsWith("\uFEFF"u8)) message = message[3..];
        var text = new StringBuilder(message.Length);
        Entity(message, text, depth: 0);
        return text.ToString();
    }

    /// <summary>True when the bytes start with RFC 822 header lines (at least two well-known header names).</summary>
    public static bool LooksLikeMessage(ReadOnlySpan<byte> bytes) =>
        EmlParser.LooksLikeEmail(Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]));

    // One entity: its header block, the blank line, then its body by content type.
    private static void Entity(ReadOnlySpan<byte> entity, StringBuilder text, int depth)
    {
        var (headerEnd, bodyStart) = HeaderBlock(entity);
        var headerBytes = entity[..headerEnd];
        var headerText = EmlCharsets.Lenient(headerBytes);
        var headers = EmlParser.ParseHeaders(headerText);
        var contentType = Header(headers, "Content-Type") ?? "text/plain";
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        var parameters = EmlMime.Parameters(contentType);
        var charset = parameters.GetValueOrDefault("charset");
        // Raw 8-bit headers that are not UTF-8 were most likely written in the charset the sender declared for the body.
        if (!System.Text.Unicode.Utf8.IsValid(headerBytes) && EmlCharsets.Find(charset) is not null)
            headerText = EmlCharsets.Decode(headerBytes, charset);
        text.Append(headerText);
        text.Append(Encoding.Latin1.GetString(entity[headerEnd..bodyStart]));

        var body = entity[bodyStart..];
        var transfer = Header(headers, "Content-Transfer-Encoding")?.Trim().ToLowerInvariant();
        var encoded = transfer is "base64" or "quoted-printable";
        if (depth < MaxDepth && mediaType.StartsWith("multipart/", StringComparison.Ordinal) && parameters.TryGetValue("boundary", out var boundary) && boundary.Length > 0)
            Multipart(body, boundary, text, depth);
        else if (depth < MaxDepth && mediaType == "message/rfc822" && !encoded)
            Entity(body, text, depth + 1);
        else if (encoded || mediaType.StartsWith("text/", StringComparison.Ordinal))
            text.Append(EmlCharsets.Decode(body, charset));
        else
            text.Append(Encoding.Latin1.GetString(body)); // binary content: one character per byte keeps its size
    }

    // Splits at every "--boundary" as the text parser does, and decodes each part as an entity of its own.
    private static void Multipart(ReadOnlySpan<byte> body, string boundary, StringBuilder text, int depth)
    {
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var at = body.IndexOf(delimiter);
        if (at < 0)
        {
            text.Append(EmlCharsets.Lenient(body));
            return;
        }
        text.Append(EmlCharsets.Lenient(body[..at]));
        var rest = body[at..];
        while (!rest.IsEmpty)
        {
            text.Append("--").Append(boundary);
            rest = rest[delimiter.Length..];
            var next = rest.IndexOf(delimiter);
            var section = next < 0 ? rest : rest[..next];
            if (section.StartsWith("--"u8))
            {
                text.Append(EmlCharsets.Lenient(rest)); // closing delimiter and epilogue: the parser reads no further
                return;
            }
            else
            {
                var lead = 0;
                while (lead < section.Length && section[lead] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t') lead++;
                text.Append(Encoding.ASCII.GetString(section[..lead]));
                Entity(section[lead..], text, depth + 1);
            }
            rest = next < 0 ? [] : rest[next..];
        }
    }

    // The header block ends at the first empty line (LF LF or LF CR LF); without one, everything is header.
    private static (int HeaderEnd, int BodyStart) HeaderBlock(ReadOnlySpan<byte> entity)
    {
        for (var i = entity.IndexOf((byte)'\n'); i >= 0 && i < entity.Length; )
        {
            var j = i + 1;
            if (j < entity.Length && entity[j] == '\r') j++;
            if (j < entity.Length && entity[j] == '\n') return (i + 1, j + 1);
            var next = entity[(i + 1)..].IndexOf((byte)'\n');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return (entity.Length, entity.Length);
    }

    private static string? Header(IReadOnlyList<EmlHeader> headers, string name) =>
        headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
}
