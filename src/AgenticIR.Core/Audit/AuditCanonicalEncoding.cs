using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgenticIR.Core.Audit;

/// <summary>The versioned, deterministic byte encoding that audit hashes are computed over (docs/audit-trail.md).
/// Every field is a netstring: the UTF-8 byte length in decimal, <c>:</c>, the bytes, <c>,</c>. The record hash is the
/// lower-case hex SHA-256 of the encoding. Changing anything here breaks every stored chain, so a new layout needs a new
/// <see cref="RecordVersion"/>.</summary>
public static class AuditCanonicalEncoding
{
    /// <summary>First field of every record encoding; names the layout.</summary>
    public const string RecordVersion = "agentic-ir-audit/1";

    /// <summary>First field of every anchor encoding; names the layout.</summary>
    public const string AnchorVersion = "agentic-ir-audit-anchor/1";

    /// <summary>The fixed UTC timestamp format: seven fraction digits and a literal <c>Z</c>, so text order is time order.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The previous hash of the very first record: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Canonical text of a timestamp (converted to UTC).</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The same instant as stored and hashed: in UTC (the format keeps every tick, so only the offset changes).</summary>
    public static DateTimeOffset ToCanonical(DateTimeOffset timestamp) => new(timestamp.UtcTicks, TimeSpan.Zero);

    /// <summary>Parses canonical timestamp text; false when the text is not exactly in <see cref="TimestampFormat"/>.</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset timestamp)
    {
        if (DateTime.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            timestamp = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            return true;
        }
        timestamp = default;
        return false;
    }

    /// <summary>The text a store keeps, and the encoding hashes, for a value: UTF-8 cannot carry an unpaired surrogate, so
    /// each becomes U+FFFD (what every UTF-8 encoder writes for it); every other code point, NUL and the other controls
    /// included, is kept. Returns <paramref name="value"/> itself when it holds no unpaired surrogate.</summary>
    public static string CanonicalText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return HasUnpairedSurrogate(value) ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)) : value;
    }

    private static bool HasUnpairedSurrogate(string value)
    {
        var span = value.AsSpan();
        var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0 && i < span.Length)
        {
            if (!char.IsHighSurrogate(span[i]) || i + 1 == span.Length || !char.IsLowSurrogate(span[i + 1])) return true;
            i += 2;
            var next = span[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
            if (next < 0) return false;
            i += next;
        }
        return false;
    }

    /// <summary>The entry with every field, detail key and detail value in <see cref="CanonicalText"/>, and its details
    /// copied into a new dictionary, so the record a store hands back equals the one it reads back later.</summary>
    /// <exception cref="ArgumentException">A field or detail is null, or two detail keys become the same text.</exception>
    public static AuditEntry Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string Text(string? value, string name) =>
            CanonicalText(value ?? throw new ArgumentException($"Audit entry field {name} must not be null (use an empty string).", nameof(entry)));
        var source = entry.Details ?? throw new ArgumentException("Audit entry details must not be null.", nameof(entry));
        var details = new Dictionary<string, string>(source.Count, StringComparer.Ordinal);
        foreach (var (key, value) in source)
        {
            if (key is null || value is null) throw new ArgumentException("Audit entry details must not hold null keys or values.", nameof(entry));
            if (!details.TryAdd(CanonicalText(key), CanonicalText(value)))
                throw new ArgumentException($"Audit entry detail keys collide once unpaired surrogates are replaced: '{CanonicalText(key)}'.", nameof(entry));
        }
        return entry with
        {
            AgentName = Text(entry.AgentName, nameof(entry.AgentName)),
            ActionType = Text(entry.ActionType, nameof(entry.ActionType)),
            Target = Text(entry.Target, nameof(entry.Target)),
            Justification = Text(entry.Justification, nameof(entry.Justification)),
            ApprovalStatus = Text(entry.ApprovalStatus, nameof(entry.ApprovalStatus)),
            ApproverIdentity = Text(entry.ApproverIdentity, nameof(entry.ApproverIdentity)),
            Outcome = Text(entry.Outcome, nameof(entry.Outcome)),
            EvidenceHash = Text(entry.EvidenceHash, nameof(entry.EvidenceHash)),
            InvestigationId = entry.InvestigationId is null ? null : CanonicalText(entry.InvestigationId),
            Details = details,
        };
    }

    /// <summary>The record encoding: version, sequence, timestamp, agent_name, action_type, target, justification,
    /// approval_status, approver_identity, outcome, evidence_hash, investigation_id presence flag (<c>0</c>/<c>1</c>) and
    /// value when present, the number of details, each detail key and value in key order (<see cref="DetailKeyOrder"/>),
    /// previous_hash.</summary>
    public static byte[] Encode(long sequence, DateTimeOffset timestamp, AuditEntry entry, string previousHash)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        WriteRecord(buffer, sequence, timestamp, entry, previousHash);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="Encode"/>.</summary>
    public static string ComputeHash(long sequence, DateTimeOffset timestamp, AuditEntry entry, string previousHash)
    {
        var buffer = Scratch();
        WriteRecord(buffer, sequence, timestamp, entry, previousHash);
        return Hash(buffer);
    }

    /// <summary>The hash a record should carry, recomputed from its own fields (what verification compares).</summary>
    public static string ComputeHash(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ComputeHash(record.Sequence, record.Timestamp, record.Entry, record.PreviousHash);
    }

    /// <summary>The anchor encoding: version, pruned_through_sequence, last_pruned_hash, count, pruned_at, signed_off_by,
    /// previous_anchor_hash, record_sequence; returns its lower-case hex SHA-256.</summary>
    public static string ComputeAnchorHash(AuditAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        var buffer = Scratch();
        Field(buffer, AnchorVersion);
        Field(buffer, anchor.PrunedThroughSequence);
        Field(buffer, anchor.LastPrunedHash);
        Field(buffer, anchor.Count);
        Field(buffer, FormatTimestamp(anchor.PrunedAt));
        Field(buffer, anchor.SignedOffBy);
        Field(buffer, anchor.PreviousAnchorHash);
        Field(buffer, anchor.RecordSequence);
        return Hash(buffer);
    }

    /// <summary>Detail keys are ordered by Unicode code point (the same order as their UTF-8 bytes), so a verifier in any
    /// language sorts them the same way.</summary>
    public static IComparer<string> DetailKeyOrder { get; } = new CodePointComparer();

    private static void WriteRecord(ArrayBufferWriter<byte> buffer, long sequence, DateTimeOffset timestamp, AuditEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(previousHash);
        Field(buffer, RecordVersion);
        Field(buffer, sequence);
        Field(buffer, FormatTimestamp(timestamp));
        Field(buffer, entry.AgentName);
        Field(buffer, entry.ActionType);
        Field(buffer, entry.Target);
        Field(buffer, entry.Justification);
        Field(buffer, entry.ApprovalStatus);
        Field(buffer, entry.ApproverIdentity);
        Field(buffer, entry.Outcome);
        Field(buffer, entry.EvidenceHash);
        if (entry.InvestigationId is null)
        {
            Field(buffer, "0");
        }
        else
        {
            Field(buffer, "1");
            Field(buffer, entry.InvestigationId);
        }
        var details = entry.Details ?? throw new ArgumentException("Details must not be null.", nameof(entry));
        Field(buffer, details.Count);
        if (details.Count > 0)
        {
            var keys = new string[details.Count];
            var i = 0;
            foreach (var key in details.Keys) keys[i++] = key;
            Array.Sort(keys, DetailKeyOrder);
            foreach (var key in keys)
            {
                Field(buffer, key);
                Field(buffer, details[key]);
            }
        }
        Field(buffer, previousHash);
    }

    private static void Field(ArrayBufferWriter<byte> buffer, long value) =>
        Field(buffer, value.ToString(CultureInfo.InvariantCulture));

    private static void Field(ArrayBufferWriter<byte> buffer, string? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Encoding.UTF8.GetByteCount(value);
        Span<byte> prefix = stackalloc byte[24];
        length.TryFormat(prefix, out var digits, provider: CultureInfo.InvariantCulture);
        prefix[digits++] = (byte)':';
        buffer.Write(prefix[..digits]);
        var span = buffer.GetSpan(length + 1);
        Encoding.UTF8.GetBytes(value, span);
        span[length] = (byte)',';
        buffer.Advance(length + 1);
    }

    private static string Hash(ArrayBufferWriter<byte> buffer)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, digest);
        return Convert.ToHexStringLower(digest);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _scratch;

    // One buffer per thread: verification hashes a million records and should not allocate one each time.
    private static ArrayBufferWriter<byte> Scratch()
    {
        var buffer = _scratch ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        return buffer;
    }

    private sealed class CodePointComparer : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var a = x.EnumerateRunes();
            var b = y.EnumerateRunes();
            while (true)
            {
                var hasA = a.MoveNext();
                var hasB = b.MoveNext();
                if (!hasA || !hasB) return hasA.CompareTo(hasB);
                var order = a.Current.Value.CompareTo(b.Current.Value);
                if (order != 0) return order;
            }
        }
    }
}
