namespace AgenticIR.Core.Playbooks;

/// <summary>What a playbook entry applies to. Every given criterion must hold; an empty list or a null instance
/// matches anything.</summary>
/// <param name="SoarInstance">Configured SOAR instance name, or null for every instance.</param>
/// <param name="Labels">Container labels (any of them), e.g. <c>phishing</c>.</param>
/// <param name="Playbooks">Playbook names as <c>repo/name</c> (any of them) that ran on the container.</param>
public sealed record PlaybookMatch(string? SoarInstance, IReadOnlyList<string> Labels, IReadOnlyList<string> Playbooks)
{
    /// <summary>True when the entry applies to containers of <paramref name="instance"/>.</summary>
    public bool AppliesTo(string instance) =>
        SoarInstance is null || string.Equals(SoarInstance, instance, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="label"/> is one of the labels, or no label is required.</summary>
    public bool AcceptsLabel(string? label) =>
        Labels.Count == 0 || (label is not null && Labels.Contains(label, StringComparer.OrdinalIgnoreCase));

    /// <summary>True when one of <paramref name="playbookNames"/> is a required playbook, or none is required. A name
    /// without a repository (<c>phishing_investigate</c>) matches that name in any repository.</summary>
    public bool AcceptsPlaybooks(IReadOnlyList<string> playbookNames) =>
        Playbooks.Count == 0 || playbookNames.Any(run => Playbooks.Any(wanted => SamePlaybook(wanted, run)));

    private static bool SamePlaybook(string wanted, string run) =>
        string.Equals(wanted, run, StringComparison.OrdinalIgnoreCase)
        || (!wanted.Contains('/', StringComparison.Ordinal)
            && run.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase));
}
