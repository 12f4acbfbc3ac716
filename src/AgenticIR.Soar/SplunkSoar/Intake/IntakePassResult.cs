namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>What one intake pass did.</summary>
/// <param name="Investigations">Investigations that received something (new containers or new artifacts).</param>
/// <param name="ContainersTaken">Containers handed over.</param>
/// <param name="ContainersLeftAlone">Containers listed but left alone (no entry, or off).</param>
/// <param name="ArtifactUpdates">Containers whose new artifacts were added to their investigation.</param>
/// <param name="MoreWaiting">True when the pass stopped early (a cap reached, or a container waiting for its playbook).</param>
internal sealed record IntakePassResult(IReadOnlyList<string> Investigations, int ContainersTaken, int ContainersLeftAlone, int ArtifactUpdates, bool MoreWaiting);
