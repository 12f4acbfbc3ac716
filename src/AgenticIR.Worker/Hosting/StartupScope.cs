namespace AgenticIR.Worker.Hosting;

/// <summary>How much of the host a command starts (<see cref="AgenticIrHost.InitializeAsync"/>); each includes the one before.</summary>
public enum StartupScope
{
    /// <summary>Every options section validated (<c>validate</c>: it reads the definitions itself and opens no database).</summary>
    Configuration,

    /// <summary>And the store's migrations applied (commands that read or write the store only; the definitions are not
    /// read, so a broken definition does not stop them).</summary>
    Store,

    /// <summary>And the definitions and local context loaded, the policy in force, the decision auditor on the bus.</summary>
    Pipeline,
}
