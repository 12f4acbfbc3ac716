using System.Text;

namespace AgenticIR.Storage.Shared.Audit;

/// <summary>The <c>hash</c> and <c>previous_hash</c> columns of <c>audit_records</c> (migration 0031 on both back ends):
/// a SHA-256 is stored as its 32 bytes, not as 64 characters of hex, and read back as the lower-case hex that records,
/// verification and exports carry. Anything else found there (text a hand edit wrote, bytes of another length) is read
/// back as it is, never made to look like a hash, so verification reports it.</summary>
internal static class AuditHashColumn
{
    private const int HashBytes = 32;

    /// <summary>The bytes to store for a hash the log computed (lower-case hex of 32 bytes).</summary>
    public static byte[] Bytes(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Length != HashBytes * 2) throw new ArgumentException($"An audit hash is {HashBytes * 2} hex characters.", nameof(hash));
        return Convert.FromHexString(hash);
    }

    /// <summary>The hash as text: 32 bytes as lower-case hex; any other length as its UTF-8 text.</summary>
    public static string Text(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Length == HashBytes ? Convert.ToHexStringLower(stored) : Encoding.UTF8.GetString(stored);
    }
}
