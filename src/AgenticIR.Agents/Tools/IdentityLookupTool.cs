using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>Identity directory: role, department, privilege, usual countries of a user or mailbox.</summary>
internal sealed class IdentityLookupTool(IContextStore store) : IInvestigationTool
{
    public string Name => ToolNames.Identity;
    public string Description => "Identity record of a user or e-mail address (role, privilege, usual countries).";
    public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType> { ObservableType.User, ObservableType.Email };
    public int Cost => 1;

    /// <summary>Roles whose compromise matters as much as a privileged account (fraud and data exposure).</summary>
    internal static bool IsExecutive(IdentityRecord identity) =>
        identity.Role is { } role && (role.Contains("Chief", StringComparison.OrdinalIgnoreCase)
            || role.Contains("General Counsel", StringComparison.OrdinalIgnoreCase)
            || role.Contains("President", StringComparison.OrdinalIgnoreCase)
            || role is "CEO" or "CFO" or "CTO" or "CISO" or "COO");

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var identity = store.FindIdentity(subject.Value);
        if (identity is null) return Task.FromResult(new ToolResult($"{subject.Value}: not in the identity directory", []));

        var evidence = $"identities.csv: {identity.User} {identity.Email} {identity.Role} ({identity.Department}) privileged={identity.Privileged.ToString().ToLowerInvariant()} usual_countries={string.Join(";", identity.UsualCountries)}";
        var discovered = new List<Observable> { new(ObservableType.User, identity.User, "account") };
        if (identity.Email is not null) discovered.Add(new Observable(ObservableType.Email, identity.Email, "mailbox"));
        var sensitive = identity.Privileged || IsExecutive(identity);
        var why = identity.Privileged ? "privileged account" : IsExecutive(identity) ? "executive" : "standard account";
        var finding = ToolFinding.Create(Name, subject, $"{identity.User} is a {why}: {identity.Role}, {identity.Department}",
            Verdict.Informational, 0.9, evidence, sensitive ? FindingKinds.PrivilegedAccount : null, discovered);
        return Task.FromResult(new ToolResult($"{identity.User}: {identity.Role}, {why}", [finding]));
    }
}
