using AgenticIR.Core.Alerts;

namespace AgenticIR.Kafka.Consuming;

/// <summary>The key that puts alerts of one incident on one lane (the alert fingerprint), so duplicates read close
/// together are merged in their order instead of racing to open two investigations.</summary>
public delegate string AlertLaneKey(NormalizedAlert alert);
