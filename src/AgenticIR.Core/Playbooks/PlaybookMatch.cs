namespace AgenticIR.Core.Playbooks;

/// <summary>What a playbook entry applies to. Every given criterion must hold; an empty list or a null instance
/// matches anything.</summary>
/// <param name="SoarInstance">Configured SOAR instance name, or null for every instance of <see cref="Platform"/>.</param>
/// <param name="Labels">Container labels (any of them), e.g. <c>phishing</c>; Splunk SOAR only.</param>
/// <param name="Playbooks">Playbook names (any of them): <c>repo/name</c> that ran on a Splunk SOAR container, or the
/// playbook attached to an XSOAR incident.</param>
public sealed record PlaybookMatch(string? SoarInstance, IReadOnlyList<string> Labels, IReadOnlyList<string> Playbooks)
{
    /// <summary>The SOAR the entry runs beside.</summary>
    /// <value>The default value is <see cref="SoarPlatform.SplunkSoar"/>.</value>
    public SoarPlatform Platform { get; init; } = SoarPlatform.SplunkSoar;

    /// <summary>XSOAR incident types (any of them), e.g. <c>Phishing</c>; XSOAR only.</summary>
    /// <value>The default value is an empty list.</value>
    public IReadOnlyList<string> IncidentTypes { get; init; } = [];

    /// <summary>True when the entry applies to containers of the Splunk SOAR instance <paramref name="instance"/>.</summary>
    public bool AppliesTo(string instance) => AppliesTo(SoarPlatform.SplunkSoar, instance);

    /// <summary>True when the entry applies to work of <paramref name="instance"/> on <paramref name="platform"/>.</summary>
    public bool AppliesTo(SoarPlatform platform, string instance) =>
        Platform == platform && (SoarInstance is null || string.Equals(SoarInstance, instance, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="label"/> is one of the labels, or no label is required.</summary>
    public bool AcceptsLabel(string? label) =>
        Labels.Count == 0 || (label is not null && Labels.Contains(label, StringComparer.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="incidentType"/> is one of the incident types, or none is required.</summary>
    public bool AcceptsIncidentType(string? incidentType) =>
        IncidentTypes.Count == 0 || (incidentType is not null && IncidentTypes.Contains(incidentType, StringComparer.OrdinalIgnoreCase));

    /// <summary>True when one of <paramref name="playbookNames"/> is a required playbook, or none is required. A name
    /// without a repository (<c>phishing_investigate</c>) matches that name in any repository.</summary>
    public bool AcceptsPlaybooks(IReadOnlyList<string> playbookNames) =>
        Playbooks.Count == 0 || playbookNames.Any(run => Playbooks.Any(wanted => SamePlaybook(wanted, run)));

    private static bool SamePlaybook(string wanted, string run) =>
        string.Equals(wanted, run, StringComparison.OrdinalIgnoreCase)
        || (!wanted.Contains('/', StringComparison.Ordinal)
            && run.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase));
}
