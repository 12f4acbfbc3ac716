using System.Security.Cryptography;
using System.Text;

namespace AgenticIR.Core.Security;

/// <summary>The one way text is hashed for ids, dedup keys and payload digests.</summary>
public static class TextHash
{
    /// <summary>Lower-case hex SHA-256 of the text's UTF-8 bytes.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Lower-case hex SHA-256 of text already encoded as UTF-8 (the same digest as <see cref="Sha256Hex(string)"/>
    /// of its decoded text).</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> utf8) => Convert.ToHexStringLower(SHA256.HashData(utf8));
}
