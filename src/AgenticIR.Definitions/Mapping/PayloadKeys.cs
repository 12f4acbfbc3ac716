using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Mapping;

/// <summary>What a payload's key names say about their values, for the walks that have no mapping field to go by.</summary>
internal static partial class PayloadKeys
{
    private const int MaxNestedJson = 256 * 1024;
    private static readonly JsonDocumentOptions NestedOptions = new() { MaxDepth = 64 };

    [GeneratedRegex(@"<[^<>\s@]{1,250}@[^<>\s]{1,250}>", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex AngleId();

    /// <summary>
    /// Message-ID keys (<c>messageID</c>, <c>message_id</c>, <c>internetMessageId</c>, OCSF <c>message_uid</c>, the <c>Message-ID</c> header):
    /// their <c>&lt;id@host&gt;</c> value is not an e-mail address.
    /// </summary>
    public static bool IsMessageId(string normalizedKey) =>
        normalizedKey.EndsWith("messageid", StringComparison.Ordinal) || normalizedKey.EndsWith("msgid", StringComparison.Ordinal)
        || normalizedKey.EndsWith("messageuid", StringComparison.Ordinal);

    /// <summary>The value without the <c>&lt;id@host&gt;</c> Message-IDs that <c>In-Reply-To</c> and <c>References</c> keys list.</summary>
    public static string WithoutMessageIds(string normalizedKey, string value) =>
        normalizedKey is "inreplyto" or "references" && value.Contains('@', StringComparison.Ordinal) ? AngleId().Replace(value, " ") : value;

    /// <summary>Keys naming a version (<c>agentVersion</c>, <c>os_version</c>): a dotted quad there is not an address.</summary>
    public static bool IsVersion(string normalizedKey) => normalizedKey.Contains("version", StringComparison.Ordinal);

    /// <summary>A string that holds a JSON object or array (XSOAR's rawJSON, OCSF's raw_data), parsed; null otherwise.</summary>
    public static JsonNode? NestedJson(string value)
    {
        if (value.Length is < 2 or > MaxNestedJson) return null;
        var trimmed = value.AsSpan().Trim();
        if (trimmed.Length < 2 || !((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']'))) return null;
        try
        {
            return LastWinsJson.Parse(value, NestedOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
