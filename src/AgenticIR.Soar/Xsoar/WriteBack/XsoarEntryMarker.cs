using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>How the bridge recognizes its own war-room entries: a first line <c>&lt;!-- agentic-ir:&lt;investigation&gt;:&lt;kind&gt;:&lt;hash&gt; --&gt;</c>
/// (an HTML comment, invisible once rendered) in an entry written by the bridge's own XSOAR user, plus the tags
/// <c>agentic-ir</c> and <c>agentic-ir:&lt;kind&gt;</c>. The hash is the first 16 hex digits of the SHA-256 of the body, so a rerun
/// can tell whether the entry already holds this content. Alert text is escaped below the first line and cannot forge it,
/// and an entry by anybody else is never taken for ours.</summary>
internal static class XsoarEntryMarker
{
    public const string Tag = "agentic-ir";
    public const string SupersededTag = "superseded";
    public const int HashLength = 16;

    public static string Slug(XsoarEntryKind kind) => kind switch
    {
        XsoarEntryKind.StandAside => "stand_aside",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Ledger key of an entry kind, e.g. <c>inv-7/triage_entry</c>.</summary>
    public static string Key(string investigationId, XsoarEntryKind kind) => $"{investigationId}/{Slug(kind)}_entry";

    public static string Line(string investigationId, XsoarEntryKind kind, string hash) =>
        $"{Prefix(investigationId, kind)}{hash[..HashLength]} -->";

    public static IReadOnlyList<string> Tags(XsoarEntryKind kind) => [Tag, Tag + ":" + Slug(kind)];

    public static IReadOnlyList<string> SupersededTags(XsoarEntryKind kind) => [.. Tags(kind), SupersededTag];

    /// <summary>The short content hash of one of our entries of this investigation and kind; null for any other entry.</summary>
    public static string? HashOf(XsoarEntry entry, string ourUser, string investigationId, XsoarEntryKind kind)
    {
        if (!string.Equals(entry.User, ourUser, StringComparison.Ordinal) || entry.Contents is not { } contents) return null;
        var first = contents.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
        var prefix = Prefix(investigationId, kind);
        if (!first.StartsWith(prefix, StringComparison.Ordinal) || !first.EndsWith(" -->", StringComparison.Ordinal)) return null;
        var hash = first[prefix.Length..^4];
        return hash.Length == HashLength && hash.All(Uri.IsHexDigit) ? hash : null;
    }

    public static bool IsSuperseded(XsoarEntry entry) => entry.Tags.Contains(SupersededTag, StringComparer.Ordinal);

    private static string Prefix(string investigationId, XsoarEntryKind kind) => $"<!-- agentic-ir:{investigationId}:{Slug(kind)}:";
}
