using System.Buffers;
using AgenticIR.Core.Metrics;

namespace AgenticIR.Splunk.Hec;

/// <summary>Packs outbox rows, oldest first, into the first batch that fits the byte and event caps. An event larger
/// than the byte cap travels alone (Splunk decides; a refusal dead-letters only that event).</summary>
internal static class HecBatchBuilder
{
    private static readonly byte[] Separator = "\n"u8.ToArray();

    public static HecBatch Build(IReadOnlyList<MetricsOutboxEntry> pending, HecEnvelopeSettings settings, int maxBytes, int maxEvents)
    {
        var body = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 64 * 1024));
        var single = new ArrayBufferWriter<byte>(1024);
        var ids = new List<long>();
        foreach (var entry in pending)
        {
            if (ids.Count >= maxEvents) break;
            single.ResetWrittenCount();
            HecEnvelope.Write(single, settings, entry.Sourcetype, entry.Time, entry.Payload);
            var extra = single.WrittenCount + (ids.Count > 0 ? Separator.Length : 0);
            if (ids.Count > 0 && body.WrittenCount + extra > maxBytes) break;
            if (ids.Count > 0) body.Write(Separator);
            body.Write(single.WrittenSpan);
            ids.Add(entry.Id);
        }
        return new HecBatch(ids, body.WrittenMemory);
    }
}
