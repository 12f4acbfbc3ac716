using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>Sign-ins from one address: how many accounts it tried and with what result (password spray, credential stuffing).</summary>
internal sealed class IpSignInActivityTool(IContextStore store) : IInvestigationTool
{
    /// <summary>Failed sign-ins against at least this many accounts from one address is spraying.</summary>
    internal const int SprayUsers = 3;

    public string Name => ToolNames.IpSignInActivity;
    public string Description => "Sign-ins from an IP address: accounts tried, failures, successes (password spray, credential stuffing).";
    public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType> { ObservableType.Ipv4, ObservableType.Ipv6 };
    public int Cost => 2;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Investigation.PrimaryAlert.Timestamp;
        var signIns = store.SignInsFromIp(subject.Value).Where(s => s.Timestamp >= now.AddDays(-7) && s.Timestamp <= now.AddDays(1)).ToList();
        if (signIns.Count == 0) return Task.FromResult(new ToolResult($"{subject.Value}: no sign-ins from this address", []));

        var users = signIns.Select(s => s.User).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var failedUsers = signIns.Where(s => !s.Success).Select(s => s.User).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var failures = signIns.Count(s => !s.Success);
        var succeeded = signIns.Where(s => s.Success).Select(s => s.User).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var evidence = $"sign_ins.csv: {signIns.Count} sign-in(s) from {subject.Value} ({signIns[0].Country}) between {ToolFinding.T(signIns[0].Timestamp)} and {ToolFinding.T(signIns[^1].Timestamp)}: {users.Count} account(s), {failures} failed, succeeded for {(succeeded.Count == 0 ? "none" : string.Join(", ", succeeded))}";
        var findings = new List<Finding>();
        var accounts = users.Select(u => new Observable(ObservableType.User, u, "targeted")).ToList();

        if (failedUsers.Count >= SprayUsers)
        {
            findings.Add(ToolFinding.Create(Name, subject, $"Password spray from {subject.Value}: {failedUsers.Count} accounts tried, {failures} failures",
                Verdict.Malicious, 0.85, evidence, FindingKinds.PasswordSpray, accounts, ["T1110.003"], signIns[0].Timestamp));
            // Any success from a spraying address is a guessed password until shown otherwise.
            foreach (var user in succeeded)
            {
                var hit = signIns.Last(s => s.Success && string.Equals(s.User, user, StringComparison.OrdinalIgnoreCase));
                findings.Add(ToolFinding.Create(Name, new Observable(ObservableType.User, user), $"{user} signed in successfully from the spraying address",
                    Verdict.Malicious, 0.8, $"sign_ins.csv: {ToolFinding.T(hit.Timestamp)} {hit.User} {hit.SourceIp} {hit.Country} {hit.App} success",
                    FindingKinds.CompromisedAccount, [new Observable(ObservableType.User, user, "compromised")], ["T1078"], hit.Timestamp));
            }
        }
        else if (failures >= 5)
        {
            findings.Add(ToolFinding.Create(Name, subject, $"Brute force from {subject.Value}: {failures} failures against {failedUsers.Count} account(s)",
                Verdict.Suspicious, 0.7, evidence, discovered: accounts, techniques: ["T1110.001"], observedAt: signIns[0].Timestamp));
        }
        else if (users.Count == 1 && failures == 0)
        {
            findings.Add(ToolFinding.Create(Name, subject, $"{subject.Value} is a regular sign-in source of {users[0]} only",
                Verdict.Benign, 0.6, evidence, FindingKinds.UsualLocation, accounts, observedAt: signIns[0].Timestamp));
        }
        return Task.FromResult(new ToolResult($"{subject.Value}: {users.Count} account(s), {failures} failure(s), {succeeded.Count} success(es)", findings));
    }
}
