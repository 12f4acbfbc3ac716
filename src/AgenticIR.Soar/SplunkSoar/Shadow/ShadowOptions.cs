using AgenticIR.Core.Soar;

namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>Where the analyst's verdict lives on each instance, and how far back to look for shadow investigations.</summary>
public sealed class ShadowOptions
{
    /// <summary>Container custom field holding the analyst's disposition, unless the instance names another.</summary>
    /// <value>The default value is <c>disposition</c>.</value>
    public string DispositionField { get; set; } = "disposition";

    /// <summary>Label of the verdict artifact playbooks write by convention (CEF <c>severity</c>, <c>disposition</c>),
    /// unless the instance names another.</summary>
    /// <value>The default value is <c>playbook_verdict</c>.</value>
    public string VerdictArtifactLabel { get; set; } = "playbook_verdict";

    /// <summary>How many of the most recent investigations each poll scans for new shadow-mode containers (open
    /// comparisons are always revisited).</summary>
    /// <value>The default value is 500.</value>
    public int ScanLimit { get; set; } = 500;

    /// <summary>Shortest time between two looks at the same open container, and between two scans of the recent
    /// investigations: an analyst's verdict is not minutes-critical, and each look costs several SOAR calls.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan RevisitInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Per-instance overrides of <see cref="DispositionField"/>.</summary>
    public Dictionary<string, string> DispositionFieldByInstance { get; } = new(StringComparer.Ordinal);

    /// <summary>Per-instance overrides of <see cref="VerdictArtifactLabel"/>.</summary>
    public Dictionary<string, string> VerdictArtifactLabelByInstance { get; } = new(StringComparer.Ordinal);

    /// <summary>The disposition field of an instance.</summary>
    public string DispositionFieldFor(string instance) => DispositionFieldByInstance.GetValueOrDefault(instance, DispositionField);

    /// <summary>The verdict artifact label of an instance.</summary>
    public string VerdictArtifactLabelFor(string instance) => VerdictArtifactLabelByInstance.GetValueOrDefault(instance, VerdictArtifactLabel);

    /// <summary>Options taking each instance's <c>disposition_field</c> and <c>verdict_artifact_label</c> from
    /// <c>config/soar.yaml</c>, with the defaults above where an instance sets none.</summary>
    public static ShadowOptions From(IEnumerable<SoarInstanceDefinition> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var options = new ShadowOptions();
        foreach (var instance in instances)
        {
            if (!string.IsNullOrWhiteSpace(instance.DispositionField)) options.DispositionFieldByInstance[instance.Name] = instance.DispositionField;
            if (!string.IsNullOrWhiteSpace(instance.VerdictArtifactLabel)) options.VerdictArtifactLabelByInstance[instance.Name] = instance.VerdictArtifactLabel;
        }
        return options;
    }
}
