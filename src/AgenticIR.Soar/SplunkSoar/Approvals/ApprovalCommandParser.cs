using System.Text.RegularExpressions;

namespace AgenticIR.Soar.SplunkSoar.Approvals;

/// <summary>Reads <c>/approve &lt;id&gt;</c> and <c>/deny &lt;id&gt; &lt;reason&gt;</c> from the first line of a container
/// comment (case-insensitive). Anything else, including a command on a later line, is not a command.</summary>
internal static partial class ApprovalCommandParser
{
    private const int MaxReasonLength = 500;

    /// <summary>The command, or null when the comment is not one.</summary>
    public static ApprovalCommandText? Parse(string? comment)
    {
        var firstLine = (comment ?? "").ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
        var match = Command().Match(firstLine);
        if (!match.Success) return null;
        var approve = string.Equals(match.Groups["verb"].Value, "approve", StringComparison.OrdinalIgnoreCase);
        var id = match.Groups["id"].Value;
        var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : null;
        if (reason is { Length: > MaxReasonLength }) reason = reason[..MaxReasonLength];
        var verb = approve ? "/approve" : "/deny";
        if (id.Length == 0)
            return new ApprovalCommandText(approve, "", reason, $"name the action: {verb} <id>{(approve ? "" : " <reason>")}, e.g. {verb} A2{(approve ? "" : " not during business hours")}");
        if (!ActionId().IsMatch(id))
            return new ApprovalCommandText(approve, "", reason, $"'{Printable(id)}' is not an action id (e.g. A2)");
        if (!approve && string.IsNullOrWhiteSpace(reason))
            return new ApprovalCommandText(false, id, null, $"a reason is required to deny: /deny {id} <reason>");
        return new ApprovalCommandText(approve, id, string.IsNullOrWhiteSpace(reason) ? null : reason, null);
    }

    private static string Printable(string text) => text.Length <= 32 ? text : text[..32] + "…";

    [GeneratedRegex(@"^/(?<verb>approve|deny)(?:\s+(?<id>\S+)(?:\s+(?<reason>.+))?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Command();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionId();
}
