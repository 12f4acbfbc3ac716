using System.Text;

namespace AgenticIR.Agents.Audit;

/// <summary>CEF escaping (shared/reference/splunk.md §3.2). Header fields: <c>\</c> and <c>|</c> are escaped and line breaks,
/// which the header forbids, become spaces. Extension values: <c>\</c>, <c>=</c> are escaped and CR/LF become <c>\r</c>/<c>\n</c>
/// (escaped separately so a CRLF survives a round trip); <c>|</c> is left alone.</summary>
internal static class CefEscaping
{
    public static string Header(string value)
    {
        if (value.AsSpan().IndexOfAny("\\|\r\n") < 0) return value;
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '|': text.Append("\\|"); break;
                case '\r' or '\n': text.Append(' '); break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }

    public static string ExtensionValue(string value)
    {
        if (value.AsSpan().IndexOfAny("\\=\r\n") < 0) return value;
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '=': text.Append("\\="); break;
                case '\r': text.Append("\\r"); break;
                case '\n': text.Append("\\n"); break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }
}
