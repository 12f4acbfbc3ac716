using System.Text.RegularExpressions;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Shadow;

/// <summary>The integration commands run on an incident by anyone but us: playbook tasks that ran a command
/// (<c>task.scriptId</c> <c>Brand|||command</c>, state Completed or Error) and war-room command results (an entry whose
/// <c>parentContent</c> is the <c>!command</c> line) written by another user than our API user. Scripts and the
/// <c>Builtin</c> brand are automation, not integration actions, and are left out.</summary>
internal static partial class XsoarRanCommands
{
    private const string Separator = "|||";
    private const string Builtin = "Builtin";

    public static IReadOnlyList<XsoarRanCommand> Of(XsoarPlaybookState? playbook, IReadOnlyList<XsoarEntry> entries, string apiUser)
    {
        var ran = new List<XsoarRanCommand>();
        foreach (var task in playbook?.Tasks ?? [])
        {
            if (task.ScriptId is not { } script || !(IsState(task, "Completed") || IsState(task, "Error"))) continue;
            var at = script.IndexOf(Separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var brand = script[..at];
            var command = script[(at + Separator.Length)..];
            if (command.Length == 0 || string.Equals(brand, Builtin, StringComparison.OrdinalIgnoreCase)) continue;
            ran.Add(new XsoarRanCommand(brand, command, new Dictionary<string, string>()));
        }
        foreach (var entry in entries)
        {
            if (entry.ParentContent is not { } line || !line.TrimStart().StartsWith('!')) continue;
            if (string.Equals(entry.User, apiUser, StringComparison.OrdinalIgnoreCase)) continue;
            if (Parse(line) is not { } parsed) continue;
            if (string.Equals(entry.Brand, Builtin, StringComparison.OrdinalIgnoreCase)) continue;
            ran.Add(parsed with { Brand = string.IsNullOrWhiteSpace(entry.Brand) ? null : entry.Brand });
        }
        return ran;
    }

    /// <summary>Reads <c>!command name="value" other=value</c>; <c>using</c> is not an argument.</summary>
    public static XsoarRanCommand? Parse(string line)
    {
        var match = CommandLine().Match(line.Trim());
        if (!match.Success) return null;
        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match argument in Argument().Matches(match.Groups["rest"].Value))
        {
            var value = argument.Groups["quoted"].Success ? Unescape(argument.Groups["quoted"].Value) : argument.Groups["bare"].Value;
            var name = argument.Groups["name"].Value;
            if (!string.Equals(name, "using", StringComparison.OrdinalIgnoreCase)) arguments.TryAdd(name, value);
        }
        return new XsoarRanCommand(null, match.Groups["command"].Value, arguments);
    }

    private static bool IsState(XsoarPlaybookTask task, string state) => string.Equals(task.State, state, StringComparison.OrdinalIgnoreCase);

    private static string Unescape(string text) => EscapedChar().Replace(text, m => m.Groups[1].Value switch
    {
        "n" => "\n",
        "r" => "\r",
        "t" => "\t",
        var other => other,
    });

    [GeneratedRegex(@"^!(?<command>[A-Za-z0-9_.-]+)(?<rest>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_.-]+)=(?:""(?<quoted>(?:[^""\\]|\\.)*)""|(?<bare>\S*))", RegexOptions.CultureInvariant)]
    private static partial Regex Argument();

    [GeneratedRegex(@"\\(.)", RegexOptions.CultureInvariant)]
    private static partial Regex EscapedChar();
}
