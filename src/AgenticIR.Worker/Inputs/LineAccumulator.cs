using System.Security.Cryptography;

namespace AgenticIR.Worker.Inputs;

/// <summary>The bytes of one JSON line as it is read, held only up to the maximum input size. Past it, only a prefix
/// is kept and the rest is hashed as it streams by, so a 200 MB line costs at most the maximum plus a prefix.</summary>
internal sealed class LineAccumulator(long maxBytes) : IDisposable
{
    private readonly int _prefixBytes = InputLimits.KeptPrefixBytes(maxBytes);
    private MemoryStream _kept = new();
    private IncrementalHash? _overflowHash;

    /// <summary>Bytes of the current line so far, kept or not.</summary>
    public long Length { get; private set; }

    /// <summary>True once the line is longer than the maximum.</summary>
    public bool Oversized => _overflowHash is not null;

    public void Append(ReadOnlySpan<byte> data)
    {
        Length += data.Length;
        if (_overflowHash is null && Length > maxBytes)
        {
            _overflowHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _overflowHash.AppendData(_kept.GetBuffer(), 0, (int)_kept.Length);
            var prefix = _kept.GetBuffer().AsSpan(0, (int)Math.Min(_kept.Length, _prefixBytes)).ToArray();
            _kept.Dispose();
            _kept = new MemoryStream(_prefixBytes);
            _kept.Write(prefix);
        }
        if (_overflowHash is null)
        {
            _kept.Write(data);
            return;
        }
        _overflowHash.AppendData(data);
        var room = _prefixBytes - (int)_kept.Length;
        if (room > 0) _kept.Write(data[..Math.Min(room, data.Length)]);
    }

    /// <summary>The line (or its kept prefix when oversized) and, when oversized, the hash of every byte; then resets.</summary>
    public (byte[] Bytes, long Length, byte[]? Hash) Take()
    {
        var result = (_kept.ToArray(), Length, _overflowHash?.GetHashAndReset());
        _overflowHash?.Dispose();
        _overflowHash = null;
        _kept.SetLength(0);
        if (_kept.Capacity > 1 << 20)
        {
            _kept.Dispose();
            _kept = new MemoryStream(); // a long line's buffer is not held for the short lines after it
        }
        Length = 0;
        return result;
    }

    public void Dispose()
    {
        _kept.Dispose();
        _overflowHash?.Dispose();
    }
}
