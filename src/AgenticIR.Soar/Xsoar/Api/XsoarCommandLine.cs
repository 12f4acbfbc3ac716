using System.Text;
using System.Text.RegularExpressions;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>Builds the war-room command line <c>/entry/execute/sync</c> runs: <c>!command arg="value" using="instance"</c>.
/// Argument values come from alerts and are attacker-controlled, so every value is double-quoted with <c>\</c> and
/// <c>"</c> escaped (the quoting rule of the XSOAR CLI docs, "Use the command line interface", 6.5), and names are
/// checked: a value can never end its quotes and add an argument (e.g. a second <c>using=</c>).</summary>
internal static partial class XsoarCommandLine
{
    /// <exception cref="ArgumentException">A name is not a plain command or argument name, or a value holds a control
    /// character other than tab, CR or LF.</exception>
    public static string Build(string command, IReadOnlyList<KeyValuePair<string, string>> arguments, string? usingInstance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!CommandName().IsMatch(command)) throw new ArgumentException($"'{command}' is not a command name", nameof(command));
        var line = new StringBuilder("!").Append(command);
        foreach (var (name, value) in arguments)
        {
            if (!ArgumentName().IsMatch(name) || string.Equals(name, "using", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"'{name}' is not an argument name", nameof(arguments));
            line.Append(' ').Append(name).Append('=').Append(Quote(value));
        }
        if (usingInstance is not null) line.Append(" using=").Append(Quote(usingInstance));
        return line.ToString();
    }

    /// <summary><paramref name="value"/> in double quotes with <c>\</c>, <c>"</c>, CR, LF and tab escaped.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': quoted.Append(@"\\"); break;
                case '"': quoted.Append("\\\""); break;
                case '\n': quoted.Append(@"\n"); break;
                case '\r': quoted.Append(@"\r"); break;
                case '\t': quoted.Append(@"\t"); break;
                default:
                    if (char.IsControl(c)) throw new ArgumentException("argument values must not hold control characters", nameof(value));
                    quoted.Append(c);
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex ArgumentName();
}
