using System.Text;

namespace AgenticIR.Governance.Tests.Audit;

/// <summary>A small CEF reader written from the spec, independent of the writer: header fields split at unescaped pipes;
/// in the extension every unescaped '=' ends a key (the word before it), and a value runs up to the space before the next key;
/// <c>\uXXXX</c> stands for a control character.</summary>
internal static class CefParser
{
    public static (string[] Header, Dictionary<string, string> Extension) Parse(string line)
    {
        Assert.StartsWith("CEF:", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        var header = new List<string>();
        var field = new StringBuilder();
        var i = 4;
        for (; header.Count < 7; i++)
        {
            var c = line[i];
            if (c == '\\' && (line[i + 1] == '\\' || line[i + 1] == '|')) field.Append(line[++i]);
            else if (c == '|') { header.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        return ([.. header], ParseExtension(line[i..]));
    }

    private static Dictionary<string, string> ParseExtension(string text)
    {
        var separators = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '=') separators.Add(i);
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < separators.Count; k++)
        {
            var keyStart = KeyStart(text, separators[k]);
            var key = text[keyStart..separators[k]];
            var valueEnd = k + 1 < separators.Count ? KeyStart(text, separators[k + 1]) - 1 : text.Length;
            Assert.Matches("^[A-Za-z0-9]+$", key);
            Assert.True(result.TryAdd(key, Unescape(text[(separators[k] + 1)..valueEnd])), $"duplicate key {key}");
        }
        return result;
    }

    private static int KeyStart(string text, int equals)
    {
        var start = text.LastIndexOf(' ', equals - 1);
        return start + 1;
    }

    private static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length)
            {
                text.Append(value[i]);
                continue;
            }
            if (value[i + 1] == 'u' && i + 5 < value.Length)
            {
                text.Append((char)int.Parse(value.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
                i += 5;
                continue;
            }
            text.Append(value[++i] switch
            {
                'n' => '\n',
                'r' => '\r',
                var other => other,
            });
        }
        return text.ToString();
    }
}
