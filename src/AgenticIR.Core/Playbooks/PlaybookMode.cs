namespace AgenticIR.Core.Playbooks;

/// <summary>How far the agents may go beside one playbook (config/playbooks.yaml).</summary>
public enum PlaybookMode
{
    /// <summary>Containers of the playbook are never touched.</summary>
    Off,
    /// <summary>Full pipeline, nothing dispatched; compared with what the playbook and the analyst did.</summary>
    Shadow,
    /// <summary>Every action waits for an analyst's approval.</summary>
    Assisted,
    /// <summary>Actions the policy auto-approves run at once; the rest wait for approval.</summary>
    Autonomous,
}
