using System.Globalization;

namespace AgenticIR.Soar.SplunkSoar.Approvals;

/// <summary>The comment the bridge posts in answer to an approval command. Its first line never starts with a command,
/// and its last line names the comment it answers, so a rerun after a crash finds it instead of replying twice.</summary>
internal static class ApprovalReply
{
    private const string MarkerPrefix = "[agentic-ir:reply:";

    public static string Text(ApprovalCommandText? command, string? username, long commentId, bool accepted, string message)
    {
        var what = command is null || command.ActionId.Length == 0
            ? "approval command"
            : $"{(command.Approve ? "approval" : "denial")} of {command.ActionId}";
        var who = username is null ? "" : " from " + OneLine(username);
        var verdict = accepted ? "accepted" : "refused";
        return $"AgenticIR: {what}{who} {verdict}. {OneLine(message)}\n{Marker(commentId)}";
    }

    /// <summary>True when <paramref name="comment"/> is our reply to comment <paramref name="commentId"/>.</summary>
    public static bool Answers(string comment, long commentId) => comment.Contains(Marker(commentId), StringComparison.Ordinal);

    /// <summary>True for any reply of ours (never read as a command).</summary>
    public static bool IsReply(string comment) => comment.StartsWith("AgenticIR: ", StringComparison.Ordinal) && comment.Contains(MarkerPrefix, StringComparison.Ordinal);

    private static string Marker(long commentId) => MarkerPrefix + commentId.ToString(CultureInfo.InvariantCulture) + "]";

    private static string OneLine(string text)
    {
        var single = text.ReplaceLineEndings(" ").Trim();
        return single.Length <= 400 ? single : single[..400] + "…";
    }
}
