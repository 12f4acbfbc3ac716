namespace AgenticIR.Definitions.Playbooks;

/// <summary>What a look at config/playbooks.yaml found.</summary>
public enum PlaybookReloadStatus
{
    /// <summary>The file is as last read.</summary>
    Unchanged,
    /// <summary>The file changed and the new version is in force.</summary>
    Applied,
    /// <summary>The file changed but is invalid (or unreadable); the last good version stays in force.</summary>
    Rejected,
}
