using System.Text;
using AgenticIR.Core.Security;

namespace AgenticIR.Storage.Shared;

/// <summary>Bounds what a dead letter keeps: a poison record can be huge, but its hash still covers every byte.</summary>
internal static class DeadLetterPayload
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The payload cut to <see cref="MaxBytes"/> UTF-8 bytes (on a character boundary) plus a note of what was cut.</summary>
    public static string Bound(string payload)
    {
        var total = Encoding.UTF8.GetByteCount(payload);
        if (total <= MaxBytes) return payload;

        // Walk back from the byte limit to a whole character so the kept text stays valid UTF-8.
        var bytes = Encoding.UTF8.GetBytes(payload);
        var cut = MaxBytes;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) cut--;
        var kept = Encoding.UTF8.GetString(bytes, 0, cut);
        return $"{kept}\n[truncated {total - cut} bytes]";
    }

    /// <summary>The caller's hash, or the hash of the whole payload when the caller gave none.</summary>
    public static string HashOf(string payload, string? givenSha256) =>
        string.IsNullOrWhiteSpace(givenSha256)
            ? TextHash.Sha256Hex(payload)
            : givenSha256;
}
