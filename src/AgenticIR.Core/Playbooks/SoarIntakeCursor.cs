namespace AgenticIR.Core.Playbooks;

/// <summary>How far container intake has come on one SOAR instance.</summary>
/// <param name="LastContainerId">Every container with an id up to this one was handed over (or deliberately left alone).</param>
/// <param name="LastUpdateTime">Newest container update time seen by the new-artifacts pass; null before the first.</param>
public sealed record SoarIntakeCursor(long LastContainerId, DateTimeOffset? LastUpdateTime);
