namespace AgenticIR.Worker.Commands.Status;

/// <summary>Inputs by outcome; each input (a file line, a Kafka offset, a SOAR container) is counted once.</summary>
/// <param name="Processed">Inputs that opened an investigation.</param>
/// <param name="Merged">Inputs merged into an active investigation of the same incident.</param>
/// <param name="DeadLettered">Inputs dead-lettered.</param>
internal sealed record StatusInputs(long Processed, long Merged, long DeadLettered);
