namespace AgenticIR.Splunk.Hec;

/// <summary>One request body: concatenated envelopes, one per line, of the outbox rows <see cref="Ids"/> in order.</summary>
internal sealed record HecBatch(IReadOnlyList<long> Ids, ReadOnlyMemory<byte> Body);
