namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The notes the bridge keeps in a container, one of each per investigation.</summary>
internal enum NoteKind
{
    /// <summary>Severity, confidence, path, the five signals and why.</summary>
    Triage,
    /// <summary>The evidence chain.</summary>
    Investigation,
    /// <summary>The response plan and how to answer it.</summary>
    Plan,
    /// <summary>The incident report.</summary>
    Report,
    /// <summary>The only note when triage put the container's severity at <c>off</c>: the agents stand aside.</summary>
    StandAside,
}
