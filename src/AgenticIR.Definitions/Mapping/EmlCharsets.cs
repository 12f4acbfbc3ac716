using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Charset decoding for e-mail. A declared charset is honoured when .NET knows it (the code-page provider adds the
/// windows-125x, iso-8859-x, KOI8, Shift_JIS, GB and Big5 families). Labels follow the WHATWG Encoding Standard that
/// mail and web clients use: <c>iso-8859-1</c>/<c>latin1</c> mean windows-1252. Undeclared, ASCII-labelled, UTF-8 and
/// unknown-charset bytes are read as UTF-8 where they form valid UTF-8 and as windows-1252 byte by byte where they do
/// not, so a stray 8-bit byte costs one character, never the message.
/// </summary>
internal static class EmlCharsets
{
    private static readonly Encoding Windows1252;
    private static readonly char[] Windows1252Chars;

    static EmlCharsets()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        var all = new byte[256];
        for (var i = 0; i < all.Length; i++) all[i] = (byte)i;
        Windows1252Chars = Windows1252.GetChars(all);
    }

    /// <summary>The text of <paramref name="bytes"/> in the declared charset, or the UTF-8/windows-1252 fallback.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset) =>
        Find(charset) is { } encoding ? encoding.GetString(bytes) : Lenient(bytes);

    /// <summary>The bytes of <paramref name="text"/> in the declared charset (UTF-8 when undeclared or unknown).</summary>
    public static byte[] Encode(string text, string? charset) => (Find(charset) ?? Encoding.UTF8).GetBytes(text);

    /// <summary>UTF-8 where the bytes are valid UTF-8, windows-1252 for each byte that is not.</summary>
    public static string Lenient(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var text = new StringBuilder(bytes.Length);
        Span<char> one = stackalloc char[2];
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == OperationStatus.Done)
            {
                text.Append(one[..rune.EncodeToUtf16(one)]);
            }
            else
            {
                consumed = 1;
                text.Append(Windows1252Chars[bytes[0]]);
            }
            bytes = bytes[consumed..];
        }
        return text.ToString();
    }

    /// <summary>The encoding a charset label names; null for UTF-8, ASCII, absent or unknown labels (read leniently).</summary>
    public static Encoding? Find(string? charset)
    {
        var name = charset?.Trim().Trim('"', '\'').Trim();
        if (string.IsNullOrEmpty(name)) return null;
        // RFC 2231 allows a language after the charset: utf-8*en.
        var star = name.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0) name = name[..star];
        name = name.ToLowerInvariant();
        switch (name)
        {
            case "utf-8" or "utf8" or "us-ascii" or "ascii" or "ansi_x3.4-1968" or "unicode-1-1-utf-8" or "x-unknown" or "unknown-8bit" or "default":
                return null;
            case "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "latin1" or "latin-1" or "l1" or "cp819" or "ibm819" or "x-cp1252":
                return Windows1252;
        }
        try
        {
            if (CodePage(name) is { } page) return Encoding.GetEncoding(page, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
            var encoding = Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
            // UTF-7 is refused by .NET and would be a decoding trick anyway; UTF-8 under any alias is read leniently.
            return encoding.CodePage is 65001 or 20127 ? null : encoding;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    // cp1251, x-cp1250, windows1252 (no dash): labels mailers write that .NET's name table lacks.
    private static int? CodePage(string name)
    {
        foreach (var prefix in (string[])["x-cp", "cp", "windows"])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var page)
                && page is > 0 and < 65000)
                return page;
        }
        return null;
    }
}
