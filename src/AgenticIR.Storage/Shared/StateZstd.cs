using System.Buffers;
using System.Collections.Concurrent;
using ZstdSharp.Unsafe;

namespace AgenticIR.Storage.Shared;

/// <summary>Zstandard with a dictionary, for finished investigation states. The dictionary is digested once into a shared,
/// read-only compression dictionary and each compression borrows a context from a small pool, so a state pays only for
/// its own bytes (the primed Brotli format before it compressed the 28 KB dictionary again for every state, which was
/// most of its time); decompression likewise uses a dictionary digested once and pooled contexts. One instance lives for
/// the process.</summary>
internal sealed unsafe class StateZstd
{
    // Zstandard's default level: with the dictionary a finished state takes about as many bytes as primed Brotli did.
    private const int Level = 3;

    // A stored state is a few hundred KB of JSON at most; a frame claiming more is corrupt, not a state.
    private const ulong MaxDocumentBytes = 64UL * 1024 * 1024;

    // The document's size (decompression allocates exactly) and a checksum, so a damaged row fails as damaged rather
    // than decoding to other bytes.
    private static readonly ZSTD_frameParameters FrameParameters = new() { contentSizeFlag = 1, checksumFlag = 1, noDictIDFlag = 0 };

    private readonly ZSTD_CDict_s* _dictionary;
    private readonly ZSTD_DDict_s* _decodingDictionary;
    private readonly ConcurrentBag<nint> _contexts = [];
    private readonly ConcurrentBag<nint> _decodingContexts = [];
    // Contexts kept for reuse; any beyond this (a burst of parallel saves) are freed after use.
    private readonly int _maxPooled = Math.Max(2, Environment.ProcessorCount * 2);

    public StateZstd(byte[] dictionaryText)
    {
        fixed (byte* text = dictionaryText)
        {
            // The digested dictionaries keep their own copies of the text.
            _dictionary = Methods.ZSTD_createCDict(text, (nuint)dictionaryText.Length, Level);
            _decodingDictionary = Methods.ZSTD_createDDict(text, (nuint)dictionaryText.Length);
        }
        if (_dictionary is null || _decodingDictionary is null) throw new InvalidOperationException("Preparing the state compression dictionary failed.");
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
                written = Methods.ZSTD_compress_usingCDict_advanced((ZSTD_CCtx_s*)context, target + 1, bound, source, (nuint)document.Length,
                    _dictionary, FrameParameters);
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
        ulong size;
        fixed (byte* source = frame) size = Methods.ZSTD_getFrameContentSize(source, (nuint)frame.Length);
        // Compress always records the size; unknown (ulong.MaxValue), an error (one less) or an absurd size is a damaged row.
        if (size > MaxDocumentBytes) throw new InvalidOperationException("An investigation's stored state is damaged (its compressed frame has no valid size).");
        var document = new byte[size];
        var context = RentDecoding();
        try
        {
            nuint read;
            fixed (byte* source = frame)
            fixed (byte* target = document)
            {
                read = Methods.ZSTD_decompress_usingDDict((ZSTD_DCtx_s*)context, target, (nuint)document.Length, source, (nuint)frame.Length, _decodingDictionary);
            }
            if (Methods.ZSTD_isError(read) || read != (nuint)document.Length)
                throw new InvalidOperationException("An investigation's stored state is damaged (its compressed frame does not decompress).");
            return document;
        }
        finally
        {
            ReturnDecoding(context);
        }
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

    private nint RentDecoding()
    {
        if (_decodingContexts.TryTake(out var context)) return context;
        var created = Methods.ZSTD_createDCtx();
        if (created is null) throw new InvalidOperationException("Creating a state decompression context failed.");
        return (nint)created;
    }

    private void ReturnDecoding(nint context)
    {
        if (_decodingContexts.Count < _maxPooled) _decodingContexts.Add(context);
        else Methods.ZSTD_freeDCtx((ZSTD_DCtx_s*)context);
    }
}
