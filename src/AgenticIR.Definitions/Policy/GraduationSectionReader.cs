using System.Globalization;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads the optional <c>graduation</c> section; every key defaults to <see cref="GraduationCriteria.Default"/>.</summary>
internal static class GraduationSectionReader
{
    public static GraduationCriteria Read(NodeReader r, YamlMap root)
    {
        var defaults = GraduationCriteria.Default;
        if (r.OptionalMap(root, "graduation") is not { } section) return defaults;
        r.AllowOnly(section, "window_days", "min_samples", "min_agreement_lower_bound", "max_harmful_disagreements", "demotion_floor");
        var criteria = new GraduationCriteria(
            r.OptionalInt(section, "window_days", 1, 365) ?? defaults.WindowDays,
            r.OptionalInt(section, "min_samples", 1, 1_000_000) ?? defaults.MinSamples,
            r.OptionalNumber(section, "min_agreement_lower_bound", NumberRange.PositiveFraction) ?? defaults.MinAgreementLowerBound,
            r.OptionalInt(section, "max_harmful_disagreements", 0, 1_000_000) ?? defaults.MaxHarmfulDisagreements,
            r.OptionalNumber(section, "demotion_floor", NumberRange.UnitInterval) ?? defaults.DemotionFloor);
        // A floor above the promotion bar would demote a playbook the moment it graduated.
        if (criteria.DemotionFloor > criteria.MinAgreementLowerBound)
        {
            r.Error(section.Get("demotion_floor") ?? section.Node, section.FieldOf("demotion_floor"), string.Create(CultureInfo.InvariantCulture,
                $"must not exceed min_agreement_lower_bound ({criteria.MinAgreementLowerBound}), got {criteria.DemotionFloor}"));
        }
        return criteria;
    }
}
