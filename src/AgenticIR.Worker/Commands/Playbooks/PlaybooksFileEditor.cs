using System.Text.RegularExpressions;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary>Edits <c>config/playbooks.yaml</c> as text, so every other line (comments, order, spacing) stays as the team
/// wrote it: appends an entry to the <c>playbooks:</c> list, or sets an entry's <c>by_severity</c> line. Entries must be
/// block-style list items that open with <c>- name: …</c>; anything else is an error and nothing changes. The caller
/// validates the result before it replaces the file.</summary>
internal static partial class PlaybooksFileEditor
{
    /// <summary>The text with <paramref name="entry"/> (lines relative to the item, optional comment lines before its
    /// <c>- </c> line) inserted just before entry <paramref name="before"/> and the comments above it.</summary>
    public static string? TryInsertEntryBefore(string text, IReadOnlyList<string> entry, string before, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entry);
        error = null;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var at = lines.FindIndex(l => ItemName().Match(l) is { Success: true } m && Unquote(m.Groups["name"].Value) == before);
        if (at < 0)
        {
            error = $"no entry '- name: {before}' in block style; edit the file by hand";
            return null;
        }
        var pad = new string(' ', lines[at].IndexOf('-', StringComparison.Ordinal));
        while (at > 0 && lines[at - 1].TrimStart().StartsWith('#') && Indent(lines[at - 1]) == pad.Length) at--;
        lines.InsertRange(at, [.. entry.Select(l => l.Length == 0 ? l : pad + l), ""]);
        return string.Join(newline, lines);
    }

    /// <summary>The text with <paramref name="entry"/> (lines relative to the item, the first one starting with
    /// <c>- </c>, optional comment lines before it) appended at the end of the <c>playbooks:</c> list.</summary>
    public static string? TryAppendEntry(string text, IReadOnlyList<string> entry, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entry);
        error = null;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var key = lines.FindIndex(l => ListKey().IsMatch(l));
        if (key < 0)
        {
            error = "no top-level 'playbooks:' key";
            return null;
        }
        var inline = ListKey().Match(lines[key]).Groups["rest"].Value.Trim();
        if (inline.StartsWith('#')) inline = "";
        if (inline is not ("" or "[]"))
        {
            error = "'playbooks:' is not a block-style list; edit the file by hand";
            return null;
        }
        if (inline == "[]") lines[key] = "playbooks:";

        // The list runs until the next top-level key; it ends after its last non-comment line.
        var end = key + 1;
        var last = key;
        var indent = 2;
        var seenItem = false;
        for (; end < lines.Count; end++)
        {
            var line = lines[end];
            if (line.Length > 0 && line[0] is not (' ' or '#' or '-')) break;
            var trimmed = line.TrimStart(' ');
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            if (!seenItem && trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                indent = line.Length - trimmed.Length;
                seenItem = true;
            }
            last = end;
        }
        var pad = new string(' ', indent);
        var insert = new List<string> { "" };
        insert.AddRange(entry.Select(l => l.Length == 0 ? l : pad + l));
        lines.InsertRange(last + 1, insert);
        return string.Join(newline, lines);
    }

    /// <summary>The text with entry <paramref name="name"/>'s <c>by_severity</c> replaced by <paramref name="bySeverity"/>
    /// (one flow-style line); added after its <c>mode:</c> line when it had none.</summary>
    public static string? TrySetBySeverity(string text, string name, IReadOnlyList<(string Severity, string Mode)> bySeverity, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(bySeverity);
        error = null;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = lines.FindIndex(l => ItemName().Match(l) is { Success: true } m && Unquote(m.Groups["name"].Value) == name);
        if (start < 0)
        {
            error = $"no entry '- name: {name}' in block style; edit the file by hand";
            return null;
        }
        var keyIndent = lines[start].IndexOf('-', StringComparison.Ordinal) + 2;
        var end = start + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || lines[end].TrimStart().StartsWith('#') || Indent(lines[end]) >= keyIndent)) end++;
        while (end > start + 1 && (lines[end - 1].Trim().Length == 0 || lines[end - 1].TrimStart().StartsWith('#'))) end--;

        var value = bySeverity.Count == 0 ? null : new string(' ', keyIndent) + "by_severity: { " + string.Join(", ", bySeverity.Select(p => $"{p.Severity}: {p.Mode}")) + " }";
        var at = FindKey(lines, start + 1, end, keyIndent, "by_severity");
        if (at >= 0)
        {
            var stop = at + 1;
            while (stop < end && (lines[stop].Trim().Length == 0 || Indent(lines[stop]) > keyIndent)) stop++;
            lines.RemoveRange(at, stop - at);
            if (value is not null) lines.Insert(at, value);
        }
        else if (value is not null)
        {
            var mode = FindKey(lines, start + 1, end, keyIndent, "mode");
            lines.Insert(mode >= 0 ? mode + 1 : end, value);
        }
        return string.Join(newline, lines);
    }

    private static int FindKey(List<string> lines, int from, int to, int indent, string key)
    {
        for (var i = from; i < to; i++)
        {
            if (Indent(lines[i]) == indent && lines[i].AsSpan(indent).StartsWith(key + ":", StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;

    [GeneratedRegex(@"^playbooks:(?<rest>.*)$")]
    private static partial Regex ListKey();

    [GeneratedRegex(@"^\s*-\s+name:\s*(?<name>[^#\s]+)")]
    private static partial Regex ItemName();
}
