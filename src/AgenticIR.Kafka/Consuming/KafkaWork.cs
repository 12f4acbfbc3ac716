namespace AgenticIR.Kafka.Consuming;

/// <summary>One input on its way through a lane, with the progress of its partition.</summary>
internal sealed record KafkaWork(KafkaInput Input, PartitionProgress Progress);
