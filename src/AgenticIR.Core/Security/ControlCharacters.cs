using System.Globalization;
using System.Text;

namespace AgenticIR.Core.Security;

/// <summary>Makes attacker-controlled text safe to write into a line-oriented log or a terminal: every character that
/// could end a line, rewrite the terminal or reorder what a reader sees is written as a visible escape, so a value always
/// stays on the line it was logged on. Escaped: C0 controls (CR <c>\r</c>, LF <c>\n</c>, tab <c>\t</c>, NUL <c>\0</c>,
/// ESC and the rest as <c>\u001B</c>), DEL, C1 controls (NEL U+0085 …), the Unicode line and paragraph separators
/// U+2028/U+2029, the bidirectional controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) and lone surrogates.
/// Backslashes are left as they are, so Windows paths and patterns stay readable.</summary>
public static class ControlCharacters
{
    /// <summary>True when <paramref name="text"/> holds at least one character <see cref="Escape"/> would rewrite.</summary>
    public static bool NeedEscaping(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsUnsafe(c)) return true;
        }
        return false;
    }

    /// <summary><paramref name="text"/> with every unsafe character written as a visible escape; the same instance when
    /// nothing needs escaping. Null reads as empty.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!NeedEscaping(text)) return text;
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }
            _ = c switch
            {
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                '\0' => builder.Append("\\0"),
                _ => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
            };
        }
        return builder.ToString();
    }

    /// <summary>True for a character that can end a line, rewrite a terminal or reorder what a reader sees: C0 and C1
    /// controls, DEL, U+2028/U+2029 and the bidirectional controls. Surrogates are not judged here (a pair is one
    /// character; see <see cref="Escape"/>).</summary>
    public static bool IsLineOrDirectionControl(char c) => c switch
    {
        < '\u0020' or '\u007F' => true,
        >= '\u0080' and <= '\u009F' => true,
        '\u2028' or '\u2029' => true,
        '\u061C' or '\u200E' or '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    // A surrogate reaching here is unpaired (pairs are skipped by the callers).
    private static bool IsUnsafe(char c) => IsLineOrDirectionControl(c) || char.IsSurrogate(c);
}
