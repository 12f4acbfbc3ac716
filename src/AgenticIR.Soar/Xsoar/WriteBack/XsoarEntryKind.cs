namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>The war-room entries the bridge keeps on an incident, one live entry of each per investigation.</summary>
internal enum XsoarEntryKind
{
    /// <summary>Severity, confidence, path, the signals and why.</summary>
    Triage,
    /// <summary>The findings with their observables, verdicts and evidence.</summary>
    Findings,
    /// <summary>The evidence chain.</summary>
    Investigation,
    /// <summary>The response plan and how to answer it in the war room.</summary>
    Plan,
    /// <summary>The incident report.</summary>
    Report,
    /// <summary>The only entry when triage put the incident's severity at <c>off</c>.</summary>
    StandAside,
}
