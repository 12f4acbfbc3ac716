using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads the optional <c>llm</c> section; every key defaults to <see cref="ModelPolicy.Default"/>.</summary>
internal static class ModelSectionReader
{
    public static ModelPolicy Read(NodeReader r, YamlMap root)
    {
        var defaults = ModelPolicy.Default;
        if (r.OptionalMap(root, "llm") is not { } section) return defaults;
        r.AllowOnly(section, "max_requests_per_investigation", "max_tokens_per_investigation", "max_severity_change");
        return new ModelPolicy
        {
            MaxRequestsPerInvestigation = r.OptionalInt(section, "max_requests_per_investigation", 0, 100) ?? defaults.MaxRequestsPerInvestigation,
            MaxTokensPerInvestigation = r.OptionalInt(section, "max_tokens_per_investigation", 0, 1_000_000) ?? defaults.MaxTokensPerInvestigation,
            MaxSeverityChange = r.OptionalInt(section, "max_severity_change", 0, 1) ?? defaults.MaxSeverityChange,
        };
    }
}
