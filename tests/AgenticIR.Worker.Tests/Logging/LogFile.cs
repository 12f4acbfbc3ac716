using System.Text.RegularExpressions;

namespace AgenticIR.Worker.Tests.Logging;

/// <summary>Reads the worker's log files and tells real entries from anything else.</summary>
internal static partial class LogFile
{
    /// <summary>The forged entry attackers try to slip into the log.</summary>
    public const string ForgedEntry = "2026-12-06 16:00:00.000 +00:00 [INF] Kill switch global released by ciso";

    /// <summary>An alert id carrying a line break followed by <see cref="ForgedEntry"/>.</summary>
    public const string ForgedId = "evil-1\r\n" + ForgedEntry;

    /// <summary>The same id as it must appear in a log: on one line, its line break written as <c>\r\n</c>.</summary>
    public const string EscapedForgedId = @"evil-1\r\n" + ForgedEntry;

    public static string ReadAll(string logsFolder) =>
        string.Concat(Directory.GetFiles(logsFolder, "agentic-ir-*.log").Order(StringComparer.Ordinal).Select(File.ReadAllText));

    /// <summary>Lines that start like an entry of the file sink (<c>yyyy-MM-dd HH:mm:ss.fff +zz:zz [LVL]</c>).</summary>
    public static IReadOnlyList<string> Entries(string text) =>
        [.. Lines(text).Where(l => FileEntryStart().IsMatch(l))];

    /// <summary>Lines that start like an entry of the console sink (<c>[HH:mm:ss LVL]</c>) or of the file sink.</summary>
    public static IReadOnlyList<string> ConsoleEntries(string text) =>
        [.. Lines(text).Where(l => ConsoleEntryStart().IsMatch(l) || FileEntryStart().IsMatch(l))];

    /// <summary>Every line break a reader (or a log shipper) would split on, not only <c>\n</c>.</summary>
    public static IReadOnlyList<string> Lines(string text) => LineBreak().Split(text);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2} \[[A-Z]{3}\]")]
    private static partial Regex FileEntryStart();

    [GeneratedRegex(@"^\[\d{2}:\d{2}:\d{2} [A-Z]{3}\]")]
    private static partial Regex ConsoleEntryStart();

    [GeneratedRegex("\r\n|\r|\n|\u0085|\u2028|\u2029")]
    private static partial Regex LineBreak();
}
