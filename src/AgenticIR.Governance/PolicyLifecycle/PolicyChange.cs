using AgenticIR.Core.Policy;

namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>Who puts a new policy version in force and why; it becomes the version row and its audit record.</summary>
/// <param name="AcceptedBy">A named person, or <see cref="ReloadingPolicyProvider.StartupIdentity"/> / <see cref="ReloadingPolicyProvider.FileIdentity"/>.</param>
/// <param name="Kind"><see cref="PolicyVersion.PolicyKind"/> or <see cref="PolicyVersion.CalibrationKind"/>.</param>
/// <param name="Justification">Why, for the audit record.</param>
/// <param name="Details">Extra audit details (proposal id, parameter, values).</param>
public sealed record PolicyChange(string AcceptedBy, string Kind, string Justification, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>An edit of the file picked up by a reload or the watcher.</summary>
    public static PolicyChange FileEdit { get; } = new(ReloadingPolicyProvider.FileIdentity, PolicyVersion.PolicyKind, "policy file edited", new Dictionary<string, string>());

    /// <summary>The version found at start-up.</summary>
    public static PolicyChange Startup { get; } = new(ReloadingPolicyProvider.StartupIdentity, PolicyVersion.PolicyKind, "policy loaded at start-up", new Dictionary<string, string>());
}
