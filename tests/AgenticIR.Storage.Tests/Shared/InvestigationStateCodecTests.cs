using System.IO.Compression;
using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared;
using AgenticIR.Storage.Tests.Contract;

namespace AgenticIR.Storage.Tests.Shared;

public sealed class InvestigationStateCodecTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static string Json(InvestigationRecord record) => JsonSerializer.Serialize(record, CoreJson.Options);

    [Fact]
    public void Encode_FinishedRecord_ZstandardWithTheDictionarySmallerThanBrotliAloneAndReadsBack()
    {
        var record = SampleRecords.Full("inv-zstd", Start) with { Stage = InvestigationStage.Documented };

        var stored = InvestigationStateCodec.Encode(record);

        Assert.Equal(InvestigationStateCodec.ZstdJson, stored[0]);
        Assert.True(stored.Length < BrotliAlone(record).Length, $"primed {stored.Length} bytes, Brotli alone {BrotliAlone(record).Length}");
        Assert.Equal(Json(record), Json(InvestigationStateCodec.Decode(stored, null)));
    }

    [Fact]
    public void Decode_FinishedStateWrittenBeforePriming_ReadsIt()
    {
        var record = SampleRecords.Full("inv-brotli", Start) with { Stage = InvestigationStage.Closed };

        var read = InvestigationStateCodec.Decode(BrotliAlone(record), null);

        Assert.Equal(Json(record), Json(read));
    }

    [Fact]
    public void Decode_FinishedStateWrittenPrimedWithBrotli_ReadsIt()
    {
        var record = SampleRecords.Full("inv-primed", Start) with { Stage = InvestigationStage.Closed };

        var read = InvestigationStateCodec.Decode(PrimedBrotli(record), null);

        Assert.Equal(Json(record), Json(read));
    }

    [Fact]
    public void Encode_FinishedRecordsOnManyThreads_EachReadsBackAsItself()
    {
        var records = Enumerable.Range(0, 64)
            .Select(i => SampleRecords.Full($"inv-parallel-{i}", Start.AddMinutes(i)) with { Stage = InvestigationStage.Documented })
            .ToList();

        var stored = records.AsParallel().WithDegreeOfParallelism(8).Select(r => (r, bytes: InvestigationStateCodec.Encode(r))).ToList();

        Assert.All(stored, s => Assert.Equal(Json(s.r), Json(InvestigationStateCodec.Decode(s.bytes, null))));
    }

    [Fact]
    public void Decode_DamagedZstandardState_FailsWithAClearError()
    {
        var stored = InvestigationStateCodec.Encode(SampleRecords.Full("inv-damaged", Start) with { Stage = InvestigationStage.Documented });
        var truncated = stored[..(stored.Length / 2)];
        var flipped = (byte[])stored.Clone();
        flipped[stored.Length / 2] ^= 0x01;

        Assert.Contains("damaged", Assert.ThrowsAny<InvalidOperationException>(() => InvestigationStateCodec.Decode(truncated, null)).Message, StringComparison.Ordinal);
        Assert.Contains("damaged", Assert.ThrowsAny<InvalidOperationException>(() => InvestigationStateCodec.Decode(flipped, null)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_RunningRecord_KeepsPlainJson()
    {
        var record = SampleRecords.Full("inv-running", Start) with { Stage = InvestigationStage.Triaged };

        var stored = InvestigationStateCodec.Encode(record);

        Assert.Equal(InvestigationStateCodec.PlainJson, stored[0]);
        Assert.Equal(Json(record), Json(InvestigationStateCodec.Decode(stored, null)));
    }

    // The format finished states had before Zstandard: the document compressed as the continuation of a Brotli stream
    // that first carried the dictionary, stored without the dictionary's part of the stream.
    private static byte[] PrimedBrotli(InvestigationRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, CoreJson.Options);
        var dictionary = InvestigationStateCodec.DictionaryText.ToArray();
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length + dictionary.Length) + 1];
        using var encoder = new BrotliEncoder(4, 22);
        encoder.Compress(dictionary, output, out _, out var primed, isFinalBlock: false);
        encoder.Flush(output.AsSpan(primed), out var flushed);
        var start = primed + flushed;
        encoder.Compress(json, output.AsSpan(start), out _, out var written, isFinalBlock: true);
        var stored = new byte[written + 1];
        stored[0] = InvestigationStateCodec.PrimedBrotliJson;
        output.AsSpan(start, written).CopyTo(stored.AsSpan(1));
        return stored;
    }

    // The format finished states had before the dictionary: the tag, then the document compressed on its own.
    private static byte[] BrotliAlone(InvestigationRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, CoreJson.Options);
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length) + 1];
        using var encoder = new BrotliEncoder(4, 22);
        encoder.Compress(json, output.AsSpan(1), out _, out var written, isFinalBlock: true);
        output[0] = InvestigationStateCodec.BrotliJson;
        return output[..(written + 1)];
    }
}
