using AgenticIR.Core.Alerts;
using Confluent.Kafka;

namespace AgenticIR.Kafka.Consuming;

/// <summary>One message read and normalized, on its way to intake.</summary>
/// <param name="Key">Ledger key: <c>kafka:{topic}:{partition}:{offset}</c>.</param>
/// <param name="Origin">Where the message is in Kafka.</param>
/// <param name="Message">The message as received (copied whole to the dead-letter topic when it is dead-lettered).</param>
/// <param name="Raw">The payload as the pipeline sees it.</param>
/// <param name="Normalized">The normalized alert, or why there is none.</param>
internal sealed record KafkaInput(string Key, TopicPartitionOffset Origin, Message<byte[]?, byte[]?> Message, RawAlert Raw, NormalizationResult Normalized);
