using System.Text.RegularExpressions;

namespace AgenticIR.Worker.Evaluation;

/// <summary>Message identifiers look like e-mail addresses (<c>&lt;id@host&gt;</c>) but are not observables. A value is
/// treated as one when it sits in a message-id field (Message-ID, In-Reply-To, References, <c>messageId</c>…), when a
/// value consists only of bracketed <c>&lt;…@…&gt;</c> tokens outside an address field (<c>"messageID":
/// "&lt;x@y&gt;"</c>; <c>Return-Path: &lt;a@b&gt;</c> stays an address), or when text labels it
/// (<c>Message-ID: &lt;x@y&gt;</c> inside a string).</summary>
internal static partial class MessageIds
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^[\s,]*(?:<[^<>\s@]+@[^<>\s]+>[\s,]*)+$", Options)]
    private static partial Regex BracketedOnly();

    [GeneratedRegex(@"\b(?:message-id|in-reply-to|references|resent-message-id)[ \t]*[:=][\s,]*(?:<[^<>\s@]+@[^<>\s]+>[\s,]*)+", Options | RegexOptions.IgnoreCase)]
    private static partial Regex Labelled();

    private static readonly string[] AddressKeyParts =
        ["from", "sender", "recipient", "replyto", "returnpath", "deliveredto", "envelopeto", "originalto", "address", "mail"];

    private static readonly string[] AddressKeys = ["to", "cc", "bcc", "resentto", "resentcc", "resentbcc"];

    /// <summary>True for a field that holds message ids: <c>Message-ID</c>, <c>In-Reply-To</c>, <c>References</c> (e-mail
    /// headers), or a JSON key ending in <c>messageid</c>/<c>msgid</c> or named <c>in_reply_to</c>.</summary>
    public static bool IsMessageIdField(string? key, bool emailHeader)
    {
        var k = Normalize(key);
        return k.EndsWith("messageid", StringComparison.Ordinal) || k.EndsWith("msgid", StringComparison.Ordinal) || k == "inreplyto"
            || (emailHeader && k == "references");
    }

    /// <summary>True when the whole value is bracketed <c>&lt;…@…&gt;</c> tokens and its field is not an address field.</summary>
    public static bool IsMessageIdValue(string? key, string value) => !IsAddressField(key) && BracketedOnly().IsMatch(value);

    /// <summary>The text with labelled message ids (<c>Message-ID: &lt;x@y&gt;</c>) blanked out.</summary>
    public static string RemoveLabelled(string text) =>
        text.Contains('@', StringComparison.Ordinal) ? Labelled().Replace(text, " ") : text;

    private static bool IsAddressField(string? key)
    {
        var k = Normalize(key);
        return AddressKeys.Contains(k) || AddressKeyParts.Any(p => k.Contains(p, StringComparison.Ordinal));
    }

    private static string Normalize(string? key) =>
        key is null ? "" : string.Concat(key.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
