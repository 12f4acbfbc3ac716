using System.Text;

namespace AgenticIR.Definitions.Yaml;

/// <summary>Wire names of enum members: <c>RequireSeniorApproval</c> is written <c>require_senior_approval</c>.</summary>
internal static class SnakeCase
{
    public static string Of(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    public static IReadOnlyDictionary<string, T> NamesOf<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => Of(v.ToString()), v => v, StringComparer.Ordinal);

    /// <summary>True for <c>block_ip</c>-style identifiers.</summary>
    public static bool IsIdentifier(string text) =>
        text.Length > 0 && text[0] is >= 'a' and <= 'z' && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
