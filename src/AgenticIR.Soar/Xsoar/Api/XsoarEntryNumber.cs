using System.Globalization;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>Entry and incident ids as numbers: an entry id is <c>&lt;n&gt;@&lt;investigation&gt;</c>, n increasing within the
/// investigation (how the bridge tells new entries from ones it read); incident ids are decimal numbers.</summary>
internal static class XsoarEntryNumber
{
    /// <summary>The entry's position in its war room; 0 when the id has another shape.</summary>
    public static long Of(string entryId)
    {
        ArgumentNullException.ThrowIfNull(entryId);
        var at = entryId.IndexOf('@', StringComparison.Ordinal);
        return long.TryParse(at < 0 ? entryId : entryId[..at], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    /// <summary>The incident id as the number the bridge store keys items by; null when it is not a decimal number.</summary>
    public static long? Incident(string incidentId) =>
        long.TryParse(incidentId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
