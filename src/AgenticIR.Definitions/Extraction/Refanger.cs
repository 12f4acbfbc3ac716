using System.Text;

namespace AgenticIR.Definitions.Extraction;

/// <summary>Undoes the defanging analysts apply to indicators (<c>hxxp</c>, <c>[.]</c>, <c>[@]</c>…) so they can be matched.</summary>
internal static class Refanger
{
    // Only bracketed forms are refanged: a bare "at" or "dot" in prose is not an indicator.
    private static readonly (string From, string To)[] Replacements =
    [
        ("[.]", "."), ("(.)", "."), ("{.}", "."), ("[dot]", "."), ("(dot)", "."), ("{dot}", "."),
        ("[:]", ":"), ("[://]", "://"), ("[@]", "@"), ("(at)", "@"), ("[at]", "@"), ("{at}", "@"),
        ("hxxps://", "https://"), ("hxxp://", "http://"), ("hXXps://", "https://"), ("hXXp://", "http://"),
        ("fxp://", "ftp://"),
    ];

    /// <summary>The text with defanged indicators restored; the same instance when nothing was defanged.</summary>
    public static string Refang(string text)
    {
        if (!LooksDefanged(text)) return text;
        var builder = new StringBuilder(text);
        foreach (var (from, to) in Replacements)
        {
            builder.Replace(from, to);
            if (from.StartsWith('h')) builder.Replace(from.ToUpperInvariant(), to);
        }
        return builder.ToString();
    }

    private static bool LooksDefanged(string text) =>
        text.Contains("hxxp", StringComparison.OrdinalIgnoreCase)
        || text.Contains("fxp://", StringComparison.Ordinal)
        || text.Contains("[.]", StringComparison.Ordinal) || text.Contains("(.)", StringComparison.Ordinal)
        || text.Contains("{.}", StringComparison.Ordinal)
        || text.Contains("dot]", StringComparison.Ordinal) || text.Contains("dot)", StringComparison.Ordinal)
        || text.Contains("dot}", StringComparison.Ordinal)
        || text.Contains("[:]", StringComparison.Ordinal) || text.Contains("[://]", StringComparison.Ordinal)
        || text.Contains("[@]", StringComparison.Ordinal) || text.Contains("(at)", StringComparison.Ordinal)
        || text.Contains("[at]", StringComparison.Ordinal) || text.Contains("{at}", StringComparison.Ordinal);
}
