namespace AgenticIR.Core.Playbooks;

/// <summary>Which SOAR a playbook entry of config/playbooks.yaml runs beside (<c>platform:</c>).</summary>
public enum SoarPlatform
{
    /// <summary>Splunk SOAR containers, matched by label and playbook (the default).</summary>
    SplunkSoar,

    /// <summary>Cortex XSOAR incidents, matched by incident type and attached playbook.</summary>
    Xsoar,
}
