using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads the optional <c>approvers</c> list (tiers lowest first) and checks it against the rest of the policy:
/// every escalation target names a tier, and someone can answer <c>require_senior_approval</c>.</summary>
internal static class ApproversSectionReader
{
    public static IReadOnlyList<ApproverTier>? Read(NodeReader r, YamlMap root)
    {
        if (NodeReader.Optional(root, "approvers") is not { } node) return [];
        if (r.AsList(node, root.FieldOf("approvers")) is not { } items) return null;

        var tiers = new List<ApproverTier>();
        var ok = true;
        foreach (var (item, field) in items)
        {
            if (ReadTier(r, item, field, tiers.Count) is not { } tier) { ok = false; continue; }
            if (tiers.Exists(t => t.Name == tier.Name))
            {
                r.Error(item, field + ".name", $"tier '{tier.Name}' is defined twice");
                ok = false;
                continue;
            }
            // Rank means "may answer anything a lower tier may", so senior authority cannot stop part-way up.
            if (!tier.CanApproveSenior && tiers.FindLast(t => t.CanApproveSenior) is { } below)
            {
                r.Error(item, field + ".can_approve_senior",
                    $"tier '{tier.Name}' ranks above '{below.Name}', which can approve senior actions, so it must too (tiers are listed lowest first)");
                ok = false;
            }
            tiers.Add(tier);
        }
        return ok ? tiers : null;
    }

    /// <summary>With tiers defined, each escalation target must be one of them and a senior gate needs a senior tier.</summary>
    public static void CheckReferences(NodeReader r, YamlMap root, IReadOnlyList<ApproverTier> tiers, ApprovalGates gates)
    {
        if (tiers.Count == 0) return;
        var names = tiers.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (node, field, target) in EscalationTargets(root))
        {
            if (names.Contains(target)) continue;
            r.Error(node, field, $"escalation target '{target}' is not an approver tier (tiers: {string.Join(", ", names)})");
        }

        if (!tiers.Any(t => t.CanApproveSenior) && gates.Classes.Values.Contains(ApprovalClass.RequireSeniorApproval)
            && root.Get("approvers") is { } approvers)
        {
            r.Error(approvers, "approvers", "no tier has can_approve_senior: true, so require_senior_approval actions could never be approved");
        }
    }

    private static ApproverTier? ReadTier(NodeReader r, YamlNode node, string field, int rank)
    {
        if (r.AsMapAllowing(node, field, "name", "users", "roles", "can_approve_senior") is not { } map) return null;
        var name = r.RequireString(map, "name");
        if (name is not null && !SnakeCase.IsIdentifier(name))
        {
            r.Error(map.Get("name"), map.FieldOf("name"), $"'{name}' is not a tier name (lower-case snake_case, e.g. ir_lead)");
            name = null;
        }
        var users = OptionalStrings(r, map, "users");
        var roles = OptionalStrings(r, map, "roles");
        var senior = NodeReader.Optional(map, "can_approve_senior") is { } s ? r.AsBool(s, map.FieldOf("can_approve_senior")) : false;
        if (users is null || roles is null || name is null || senior is null) return null;
        if (users.Count == 0 && roles.Count == 0)
        {
            r.Error(node, field, $"tier '{name}' names no users and no roles, so nobody could answer as it");
            return null;
        }
        return new ApproverTier(name, rank, users, roles, senior.Value);
    }

    private static IReadOnlyList<string>? OptionalStrings(NodeReader r, YamlMap map, string key) =>
        NodeReader.Optional(map, key) is null ? [] : r.RequireStringList(map, key, allowEmpty: true);

    private static IEnumerable<(YamlNode Node, string Field, string Target)> EscalationTargets(YamlMap root)
    {
        if (root.Get("escalation_policy") is not YamlMappingNode policy
            || new YamlMap(policy, "escalation_policy").Get("severity_thresholds") is not YamlMappingNode rows) yield break;
        var rowsMap = new YamlMap(rows, "escalation_policy.severity_thresholds");
        foreach (var (severity, _, row) in rowsMap.Entries)
        {
            if (row is not YamlMappingNode rowNode) continue;
            var rowMap = new YamlMap(rowNode, rowsMap.FieldOf(severity));
            if (rowMap.Get("escalation_targets") is not YamlSequenceNode targets) continue;
            for (var i = 0; i < targets.Children.Count; i++)
            {
                if (targets.Children[i] is YamlScalarNode { Value: { } value })
                    yield return (targets.Children[i], $"{rowMap.FieldOf("escalation_targets")}[{i}]", value);
            }
        }
    }
}
