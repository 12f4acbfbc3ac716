using System.Text;

namespace AgenticIR.SoarSimulator.Xsoar.Http;

/// <summary>Parses a war-room command line <c>!name key="value" key2=value2 using="instance"</c> with the CLI's quoting
/// (double or single quotes, backslash escapes inside double quotes).</summary>
internal static class XsoarCommandParser
{
    public static (string Command, Dictionary<string, string> Arguments, string? Using)? Parse(string line)
    {
        var text = line.Trim();
        if (!text.StartsWith('!')) return null;
        var position = 1;
        var command = ReadWord(text, ref position);
        if (command.Length == 0) return null;
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        string? pinned = null;
        while (true)
        {
            while (position < text.Length && text[position] == ' ') position++;
            if (position >= text.Length) break;
            var name = ReadName(text, ref position);
            if (name.Length == 0 || position >= text.Length || text[position] != '=') return null;
            position++;
            if (ReadValue(text, ref position) is not { } value) return null;
            if (name == "using") pinned = value;
            else arguments[name] = value;
        }
        return (command, arguments, pinned);
    }

    private static string ReadWord(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] != ' ') position++;
        return text[start..position];
    }

    private static string ReadName(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not ('=' or ' ')) position++;
        return text[start..position];
    }

    private static string? ReadValue(string text, ref int position)
    {
        if (position >= text.Length) return "";
        var quote = text[position];
        if (quote is not ('"' or '\''))
        {
            var start = position;
            while (position < text.Length && text[position] != ' ') position++;
            return text[start..position];
        }
        position++;
        var value = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == quote) return value.ToString();
            if (c == '\\' && quote == '"' && position < text.Length)
            {
                var escaped = text[position++];
                value.Append(escaped switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escaped });
                continue;
            }
            value.Append(c);
        }
        return null;
    }
}
