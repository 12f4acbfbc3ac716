using System.Globalization;

namespace AgenticIR.Core.Notifications;

/// <summary>Builds stable notification keys: <c>kind:subject:event</c>. Two workers seeing the same event build the same key.</summary>
public static class NotificationKeys
{
    /// <summary>The key of an event of <paramref name="kind"/> about <paramref name="subjectId"/>, told apart by <paramref name="eventId"/>.</summary>
    public static string Of(NotificationKind kind, string subjectId, string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        return $"{NotificationWire.Kind(kind)}:{subjectId}:{eventId}";
    }

    /// <summary>The key of an event told apart by when it happened (to the tick, UTC, as the store keeps times): callers
    /// pass the time as stored (e.g. when the switch was engaged), so every worker builds the same key.</summary>
    public static string Of(NotificationKind kind, string subjectId, DateTimeOffset at) =>
        Of(kind, subjectId, at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture));
}
