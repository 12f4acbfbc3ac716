using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads <c>approval_gates</c>: the three gate lists and optional per-action risk overrides.</summary>
internal static class ApprovalGatesSectionReader
{
    private static readonly (string Key, ApprovalClass Class)[] Gates =
    [
        ("auto_approve", ApprovalClass.AutoApprove),
        ("require_approval", ApprovalClass.RequireApproval),
        ("require_senior_approval", ApprovalClass.RequireSeniorApproval),
    ];

    public static ApprovalGates? Read(NodeReader r, YamlMap root, List<GateReference> references)
    {
        if (r.RequireMap(root, "approval_gates") is not { } section) return null;
        r.AllowOnly(section, "action_risk_classification", "risk_overrides");

        var classes = new Dictionary<string, ApprovalClass>(StringComparer.Ordinal);
        if (r.RequireMap(section, "action_risk_classification") is { } classification)
        {
            r.AllowOnly(classification, [.. Gates.Select(g => g.Key)]);
            var seenAt = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, gate) in Gates)
            {
                foreach (var (node, field) in r.RequireList(classification, key, allowEmpty: true) ?? [])
                {
                    if (ActionName(r, node, field) is not { } action) continue;
                    if (seenAt.TryGetValue(action, out var first))
                    {
                        r.Error(node, field, $"action '{action}' is already gated at {first}; an action belongs to exactly one gate");
                        continue;
                    }
                    seenAt[action] = field;
                    classes[action] = gate;
                    references.Add(new GateReference(action, r.LocationOf(node, field)));
                }
            }
        }

        var overrides = new Dictionary<string, ActionRisk>(StringComparer.Ordinal);
        if (r.OptionalMap(section, "risk_overrides") is { } riskMap)
        {
            foreach (var (key, keyNode, value) in riskMap.Entries)
            {
                var field = riskMap.FieldOf(key);
                if (ActionName(r, keyNode, field) is null) continue;
                if (r.AsEnum<ActionRisk>(value, field) is { } risk)
                {
                    overrides[key] = risk;
                    references.Add(new GateReference(key, r.LocationOf(keyNode, field)));
                }
            }
        }

        return new ApprovalGates { Classes = classes, RiskOverrides = overrides };
    }

    private static string? ActionName(NodeReader r, YamlDotNet.RepresentationModel.YamlNode node, string field)
    {
        if (r.AsString(node, field) is not { } name) return null;
        if (SnakeCase.IsIdentifier(name)) return name;
        r.Error(node, field, $"'{name}' is not a logical action name (lower-case snake_case, e.g. block_ip)");
        return null;
    }
}
