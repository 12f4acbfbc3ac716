using AgenticIR.Core.Playbooks;

namespace AgenticIR.Kafka.Consuming;

/// <summary>What the worker decides for every Kafka input (never the message).</summary>
/// <param name="Mode">Playbook mode of the investigations the messages open.</param>
/// <param name="MaxInputBytes">Largest message value taken; a larger one is dead-lettered with its size and a prefix.</param>
public sealed record KafkaIntakeSettings(PlaybookMode Mode, long MaxInputBytes);
