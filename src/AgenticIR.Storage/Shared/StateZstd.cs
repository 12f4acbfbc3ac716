using System.Buffers;
using System.Collections.Concurrent;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace AgenticIR.Storage.Shared;

/// <summary>Zstandard with a dictionary, for finished investigation states. The dictionary is digested once into a shared,
/// read-only compression dictionary and each compression borrows a context from a small pool, so a state pays only for
/// its own bytes (the primed Brotli format before it compressed the 28 KB dictionary again for every state, which was
/// most of its time). One instance lives for the process.</summary>
internal sealed unsafe class StateZstd
{
    // Zstandard's default level: with the dictionary a finished state takes about as many bytes as primed Brotli did.
    private const int Level = 3;

    private readonly byte[] _dictionaryText;
    private readonly ZSTD_CDict_s* _dictionary;
    private readonly ConcurrentBag<nint> _contexts = [];
    // Contexts kept for reuse; any beyond this (a burst of parallel saves) are freed after use.
    private readonly int _maxPooled = Math.Max(2, Environment.ProcessorCount * 2);

    public StateZstd(byte[] dictionaryText)
    {
        _dictionaryText = dictionaryText;
        fixed (byte* text = dictionaryText)
        {
            // The digested dictionary keeps its own copy of the text.
            _dictionary = Methods.ZSTD_createCDict(text, (nuint)dictionaryText.Length, Level);
        }
        if (_dictionary is null) throw new InvalidOperationException("Preparing the state compression dictionary failed.");
    }

    /// <summary>Compresses <paramref name="document"/> into a new array that starts with <paramref name="tag"/>.</summary>
    public byte[] Compress(ReadOnlySpan<byte> document, byte tag)
    {
        var context = Rent();
        var bound = Methods.ZSTD_compressBound((nuint)document.Length);
        var output = ArrayPool<byte>.Shared.Rent(checked((int)bound + 1));
        try
        {
            nuint written;
            fixed (byte* source = document)
            fixed (byte* target = output)
            {
                written = Methods.ZSTD_compress_usingCDict((ZSTD_CCtx_s*)context, target + 1, bound, source, (nuint)document.Length, _dictionary);
            }
            if (Methods.ZSTD_isError(written)) throw new InvalidOperationException($"Compressing an investigation's state failed (zstd error {Methods.ZSTD_getErrorCode(written)}).");
            output[0] = tag;
            return output.AsSpan(0, (int)written + 1).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
            Return(context);
        }
    }

    /// <summary>The document in a frame written by <see cref="Compress"/> (without its tag).</summary>
    public byte[] Decompress(ReadOnlySpan<byte> frame)
    {
        using var decompressor = new Decompressor();
        decompressor.LoadDictionary(_dictionaryText);
        return decompressor.Unwrap(frame).ToArray();
    }

    private nint Rent()
    {
        if (_contexts.TryTake(out var context)) return context;
        var created = Methods.ZSTD_createCCtx();
        if (created is null) throw new InvalidOperationException("Creating a state compression context failed.");
        return (nint)created;
    }

    private void Return(nint context)
    {
        if (_contexts.Count < _maxPooled) _contexts.Add(context);
        else Methods.ZSTD_freeCCtx((ZSTD_CCtx_s*)context);
    }
}
