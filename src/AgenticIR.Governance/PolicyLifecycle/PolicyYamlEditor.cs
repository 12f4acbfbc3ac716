namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>Reads and replaces one plain scalar of a block-style YAML file by its dotted path, leaving every other byte
/// (comments, order, spacing) as it was, so an accepted calibration reads in the policy like a hand edit. Flow-style
/// maps, anchors and multi-line scalars are not edited: the caller gets an error and nothing changes.</summary>
internal static class PolicyYamlEditor
{
    /// <summary>The scalar at <paramref name="path"/> as written (quotes removed), or null with an error.</summary>
    public static string? TryGet(string text, string path, out string? error)
    {
        var lines = text.Split('\n');
        if (Locate(lines, path, out error) is not { } at) return null;
        return Unquote(lines[at.Line][at.Start..at.End]);
    }

    /// <summary>The text with the scalar at <paramref name="path"/> replaced by <paramref name="value"/>, or null with an error.</summary>
    public static string? TrySet(string text, string path, string value, out string? error)
    {
        var lines = text.Split('\n');
        if (Locate(lines, path, out error) is not { } at) return null;
        var line = lines[at.Line];
        lines[at.Line] = string.Concat(line.AsSpan(0, at.Start), value, line.AsSpan(at.End));
        return string.Join('\n', lines);
    }

    private static (int Line, int Start, int End)? Locate(string[] lines, string path, out string? error)
    {
        var keys = path.Split('.');
        int from = 0, to = lines.Length, parentIndent = -1;
        for (var k = 0; k < keys.Length; k++)
        {
            var found = -1;
            var childIndent = -1;
            for (var i = from; i < to; i++)
            {
                if (!IsContent(lines[i], out var indent)) continue;
                if (indent <= parentIndent) break;
                if (childIndent < 0) childIndent = indent;
                if (indent == childIndent && KeyOf(lines[i], indent) == keys[k])
                {
                    found = i;
                    break;
                }
            }
            if (found < 0)
            {
                error = $"'{string.Join('.', keys[..(k + 1)])}' is not in the policy file as a block-style key";
                return null;
            }
            if (k == keys.Length - 1) return Scalar(lines, found, path, out error);

            parentIndent = childIndent;
            from = found + 1;
            to = from;
            while (to < lines.Length && (!IsContent(lines[to], out var indent) || indent > parentIndent)) to++;
        }
        error = $"'{path}' is empty";
        return null;
    }

    private static (int Line, int Start, int End)? Scalar(string[] lines, int index, string path, out string? error)
    {
        error = null;
        var line = lines[index];
        var colon = ColonAfterKey(line);
        var start = colon + 1;
        while (start < line.Length && line[start] == ' ') start++;
        var end = line.Length;
        if (end > start && line[end - 1] == '\r') end--;
        if (start < end && line[start] is not ('"' or '\''))
        {
            var comment = line.IndexOf(" #", start, StringComparison.Ordinal);
            if (comment >= 0) end = comment;
        }
        else if (start < end)
        {
            var close = line.IndexOf(line[start], start + 1);
            if (close > 0) end = close + 1;
        }
        while (end > start && line[end - 1] is ' ' or '\t') end--;
        if (start >= end || line[start] is '{' or '[' or '|' or '>' or '&' or '*' or '!' or '#')
        {
            error = $"'{path}' is not a plain one-line value in the policy file";
            return null;
        }
        return (index, start, end);
    }

    private static bool IsContent(string line, out int indent)
    {
        indent = 0;
        while (indent < line.Length && line[indent] == ' ') indent++;
        return indent < line.Length && line[indent] is not ('#' or '\r') && !(line[indent] == '-' && line.AsSpan(indent).StartsWith("---"));
    }

    private static string? KeyOf(string line, int indent)
    {
        var colon = ColonAfterKey(line);
        return colon <= indent ? null : Unquote(line[indent..colon].TrimEnd());
    }

    private static int ColonAfterKey(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ':' && (i + 1 == line.Length || line[i + 1] is ' ' or '\r' or '\t')) return i;
            if (line[i] == '#' && (i == 0 || line[i - 1] == ' ')) return -1;
        }
        return -1;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;
}
