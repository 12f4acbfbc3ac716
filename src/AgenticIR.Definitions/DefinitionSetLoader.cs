using AgenticIR.Core.Response;
using AgenticIR.Definitions.Catalog;
using AgenticIR.Definitions.Policy;

namespace AgenticIR.Definitions;

/// <summary>
/// Loads the policy and the catalog and checks them against each other: every action the policy names must
/// exist in the catalog (the notification mail action with the parameters a notification fills), and every containment, eradication or recovery action in the catalog must be gated
/// by the policy. The second rule is an error, not a warning, so nothing that changes a system runs ungated.
/// </summary>
public static class DefinitionSetLoader
{
    /// <summary>Prefix of the error for a state-changing catalog action that no approval gate lists.</summary>
    public const string NotGatedPrefix = "not gated:";

    /// <summary>Loads both; on failure the set is null and <c>Errors</c> lists every problem in every file.</summary>
    public static (DefinitionSet? Set, IReadOnlyList<DefinitionError> Errors) TryLoad(string policyPath, string connectorsFolder)
    {
        var policy = GovernancePolicyLoader.Read(policyPath);
        var (catalog, catalogErrors) = ActionCatalog.TryLoad(connectorsFolder, policy.Policy?.ApprovalGates.Classes.Keys);
        var errors = new List<DefinitionError>(policy.Errors);
        errors.AddRange(catalogErrors);
        if (policy.Policy is null || catalog is null) return (null, errors);

        foreach (var reference in policy.ActionReferences)
        {
            if (catalog.Find(reference.Action) is null)
            {
                errors.Add(reference.Location.Error(
                    $"action '{reference.Action}' is not defined in the catalog (no {reference.Action}.yaml in {connectorsFolder})"));
            }
        }

        if (policy.Policy.Notifications.Mail is { } mail && policy.MailAction is { } mailAt)
            errors.AddRange(NotificationMailCheck.Check(mail, mailAt, catalog, connectorsFolder));

        var gated = policy.Policy.ApprovalGates.Classes;
        foreach (var action in catalog.All)
        {
            if (action.Kind is not (ActionKind.Containment or ActionKind.Eradication or ActionKind.Recovery) || gated.ContainsKey(action.Name)) continue;
            var message = $"{NotGatedPrefix} {action.Kind.ToString().ToLowerInvariant()} action '{action.Name}' is in no approval gate; "
                + $"list it under approval_gates.action_risk_classification in {policyPath}";
            errors.Add(catalog.KindLocationOf(action.Name)?.Error(message)
                ?? new DefinitionError(action.SourceFile ?? connectorsFolder, 0, 0, "kind", message));
        }

        return errors.Count > 0 ? (null, errors) : (new DefinitionSet(policy.Policy, catalog), errors);
    }

    /// <summary>Loads both.</summary>
    /// <exception cref="DefinitionValidationException">Any file is invalid or the two disagree; lists every error.</exception>
    public static DefinitionSet Load(string policyPath, string connectorsFolder)
    {
        var (set, errors) = TryLoad(policyPath, connectorsFolder);
        return set ?? throw new DefinitionValidationException(errors);
    }
}
