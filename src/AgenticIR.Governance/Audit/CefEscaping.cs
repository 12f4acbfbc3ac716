using System.Globalization;
using System.Text;
using AgenticIR.Core.Security;

namespace AgenticIR.Governance.Audit;

/// <summary>CEF escaping (shared/reference/splunk.md §3.2). Header fields: <c>\</c> and <c>|</c> are escaped and line breaks,
/// which the header forbids, become spaces. Extension values: <c>\</c>, <c>=</c> are escaped and CR/LF become <c>\r</c>/<c>\n</c>
/// (escaped separately so a CRLF survives a round trip); <c>|</c> is left alone. In both, every other control character
/// (C0, DEL, C1), the Unicode line and paragraph separators and the bidirectional controls are written as <c>\uXXXX</c>:
/// alert text must not put a raw NUL, an escape sequence or a reordering mark into a SIEM. Since <c>\</c> itself is always
/// escaped, <c>\u</c> is unambiguous.</summary>
internal static class CefEscaping
{
    public static string Header(string value)
    {
        if (!NeedsEscaping(value, "\\|\r\n")) return value;
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '|': text.Append("\\|"); break;
                case '\r' or '\n': text.Append(' '); break;
                default: AppendVisible(text, c); break;
            }
        }
        return text.ToString();
    }

    public static string ExtensionValue(string value)
    {
        if (!NeedsEscaping(value, "\\=\r\n")) return value;
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '=': text.Append("\\="); break;
                case '\r': text.Append("\\r"); break;
                case '\n': text.Append("\\n"); break;
                default: AppendVisible(text, c); break;
            }
        }
        return text.ToString();
    }

    /// <summary>Characters written as <c>\uXXXX</c>.</summary>
    public static bool IsHidden(char c) => ControlCharacters.IsLineOrDirectionControl(c);

    private static bool NeedsEscaping(string value, string special)
    {
        if (value.AsSpan().IndexOfAny(special) >= 0) return true;
        foreach (var c in value)
        {
            if (IsHidden(c)) return true;
        }
        return false;
    }

    private static void AppendVisible(StringBuilder text, char c)
    {
        if (IsHidden(c)) text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        else text.Append(c);
    }
}
