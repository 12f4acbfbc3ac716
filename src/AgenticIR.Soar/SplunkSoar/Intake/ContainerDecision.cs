namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>What intake did with one listed container.</summary>
internal enum ContainerDecision
{
    /// <summary>Handed over to the orchestrator.</summary>
    Taken,
    /// <summary>Left alone: no entry applies, or its entry is off.</summary>
    LeftAlone,
    /// <summary>Its playbook has not run yet; intake stops here and looks again next cycle.</summary>
    Wait,
}
