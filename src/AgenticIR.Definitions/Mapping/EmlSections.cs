namespace AgenticIR.Definitions.Mapping;

/// <summary>The parts of a raw RFC 822 message that carry its indicators, decoded the way the <c>eml</c> mapping reads
/// them: every header (unfolded, RFC 2047 words decoded) and the text of each text/plain and text/html part (after
/// quoted-printable/base64 and charset decoding; HTML without tags). For callers outside the mapping engine, such as
/// the evaluation, which must see the message independently of any mapping.</summary>
/// <param name="Headers">Header names and values in message order (a repeated header appears once per occurrence).</param>
/// <param name="Bodies">The decoded plain-text and HTML-text bodies.</param>
public sealed record EmlSections(IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyList<string> Bodies)
{
    /// <summary>True when the text starts with RFC 822 header lines (at least two well-known header names).</summary>
    public static bool LooksLikeEmail(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return EmlParser.LooksLikeEmail(content);
    }

    /// <summary>Splits and decodes a raw message.</summary>
    public static EmlSections Read(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (headers, body) = EmlParser.SplitMessage(content);
        var parts = new EmlBodyParts();
        EmlMime.Collect(headers, body, parts, depth: 0);
        return new EmlSections(
            [.. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))],
            [parts.Text.ToString(), parts.HtmlText.ToString()]);
    }
}
