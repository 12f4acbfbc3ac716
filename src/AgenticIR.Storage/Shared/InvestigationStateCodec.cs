using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.State;

namespace AgenticIR.Storage.Shared;

/// <summary>How an investigation's state is kept in the <c>state</c> column on both back ends: a one-byte format tag, then
/// its UTF-8 CoreJson document, plain while the investigation runs and Zstandard-compressed with the state dictionary once
/// it is finished (documented or closed). A running investigation is saved several times and each save replaces the last,
/// so compressing those would cost CPU on every stage for bytes that are overwritten moments later; the finished record is
/// the one that stays, at about an eighth of its JSON size. Rows in the earlier formats (Brotli alone, Brotli primed with
/// the dictionary) and rows written before this column existed (read from <c>state_json</c>) stay readable.</summary>
internal static class InvestigationStateCodec
{
    /// <summary>Format tag of a plain UTF-8 CoreJson document.</summary>
    public const byte PlainJson = 0;

    /// <summary>Format tag of a Brotli-compressed UTF-8 CoreJson document.</summary>
    public const byte BrotliJson = 1;

    /// <summary>Format tag of a UTF-8 CoreJson document compressed as the continuation of a Brotli stream that first
    /// carried <see cref="Dictionary"/>: the stored bytes follow <see cref="DictionaryStream"/>, and decompressing both
    /// yields the dictionary and then the document. Written until <see cref="ZstdJson"/> replaced it; still read.</summary>
    public const byte PrimedBrotliJson = 2;

    /// <summary>Format tag of a UTF-8 CoreJson document in one Zstandard frame compressed with <see cref="Dictionary"/> as
    /// its raw-content dictionary. Every finished state shares the dictionary's property names and recurring phrases,
    /// which a state compressed on its own pays for again.</summary>
    public const byte ZstdJson = 3;

    // One serialisation buffer per thread, reused across saves: a running investigation's state is ~30 KB of JSON and is
    // written at every stage, so a fresh buffer per save was most of the allocation of a save.
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    /// <summary>The dictionary: the finished state of one sample investigation (a process alert with URL, address, hash,
    /// host and user observables, findings, a plan, an incident and feedback) as CoreJson wrote it.</summary>
    private static readonly byte[] Dictionary = Resource("InvestigationStateDictionary.json");

    /// <summary>The exact Brotli stream (quality 4, window 22, flushed) that <see cref="Dictionary"/> compressed to in the
    /// primed format: decoding a <see cref="PrimedBrotliJson"/> row continues it.</summary>
    private static readonly byte[] DictionaryStream = Resource("InvestigationStateDictionary.br");

    private static readonly StateZstd Zstd = new(Dictionary);

    /// <summary>The dictionary text, for tests that build rows in the earlier formats.</summary>
    internal static ReadOnlySpan<byte> DictionaryText => Dictionary;

    /// <summary>The stored form of <paramref name="record"/>.</summary>
    public static byte[] Encode(InvestigationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        // The format tag goes first, so a plain state is the buffer as written.
        buffer.GetSpan(1)[0] = PlainJson;
        buffer.Advance(1);
        var writer = _writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = CoreJson.Options.Encoder, Indented = false, SkipValidation = true });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, record, CoreJson.Options);
        writer.Flush();
        if (record.Stage is not (InvestigationStage.Documented or InvestigationStage.Closed)) return buffer.WrittenSpan.ToArray();

        return Zstd.Compress(buffer.WrittenSpan[1..], ZstdJson);
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(InvestigationStateCodec).Assembly.GetManifestResourceStream("AgenticIR.Storage.Shared." + name)
            ?? throw new InvalidOperationException($"The storage assembly lacks its resource {name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The record in a row: from <paramref name="state"/> when the row has it, otherwise from the JSON text of a
    /// row written before compression.</summary>
    public static InvestigationRecord Decode(byte[]? state, string? stateJson)
    {
        if (state is { Length: > 0 }) return Decode(state);
        if (!string.IsNullOrEmpty(stateJson)) return Check(JsonSerializer.Deserialize<InvestigationRecord>(stateJson, CoreJson.Options));
        throw new InvalidOperationException("The state store holds an investigation row without its state.");
    }

    private static InvestigationRecord Decode(byte[] state)
    {
        if (state[0] == PlainJson) return Check(JsonSerializer.Deserialize<InvestigationRecord>(state.AsSpan(1), CoreJson.Options));
        if (state[0] == ZstdJson) return Check(JsonSerializer.Deserialize<InvestigationRecord>(Zstd.Decompress(state.AsSpan(1)), CoreJson.Options));
        if (state[0] == BrotliJson)
        {
            using var input = new MemoryStream(state, 1, state.Length - 1, writable: false);
            using var brotli = new BrotliStream(input, CompressionMode.Decompress);
            return Check(JsonSerializer.Deserialize<InvestigationRecord>(brotli, CoreJson.Options));
        }
        if (state[0] != PrimedBrotliJson) throw new InvalidOperationException($"Unknown investigation state format {state[0]} in the state store.");
        var stream = new byte[DictionaryStream.Length + state.Length - 1];
        DictionaryStream.CopyTo(stream, 0);
        state.AsSpan(1).CopyTo(stream.AsSpan(DictionaryStream.Length));
        using var primed = new MemoryStream(stream, writable: false);
        using var decoded = new BrotliStream(primed, CompressionMode.Decompress);
        // The stream opens with the dictionary itself; the document follows it.
        var skipped = ArrayPool<byte>.Shared.Rent(Dictionary.Length);
        try
        {
            decoded.ReadExactly(skipped, 0, Dictionary.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(skipped);
        }
        return Check(JsonSerializer.Deserialize<InvestigationRecord>(decoded, CoreJson.Options));
    }

    private static InvestigationRecord Check(InvestigationRecord? record) =>
        record ?? throw new InvalidOperationException("The state store holds an empty investigation document.");
}
