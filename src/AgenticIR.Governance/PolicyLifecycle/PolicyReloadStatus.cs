namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>What a reload did.</summary>
public enum PolicyReloadStatus
{
    /// <summary>The file holds the policy in force; nothing changed.</summary>
    Unchanged,
    /// <summary>A valid new version is in force.</summary>
    Applied,
    /// <summary>The new content is invalid (or the file could not be read); the last good policy stays in force.</summary>
    Rejected,
}
