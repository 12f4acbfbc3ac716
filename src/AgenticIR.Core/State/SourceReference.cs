namespace AgenticIR.Core.State;

/// <summary>Where an investigation's alert lives outside the worker, so write-back and dispatch find it.</summary>
/// <param name="Platform">e.g. <c>splunk_soar</c>, <c>kafka</c>, <c>file</c>.</param>
/// <param name="Instance">Configured instance name (a SOAR instance, a Kafka cluster).</param>
/// <param name="ExternalId">The platform's id, e.g. the container id.</param>
public sealed record SourceReference(string Platform, string Instance, string ExternalId);
