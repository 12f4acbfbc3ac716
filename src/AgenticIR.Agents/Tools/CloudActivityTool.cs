using System.Text.RegularExpressions;
using AgenticIR.Agents.Context;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>Cloud audit trail of a principal or resource: key creation, admin policy attachment, public buckets.</summary>
internal sealed partial class CloudActivityTool(IContextStore store) : IInvestigationTool
{
    public string Name => ToolNames.CloudActivity;
    public string Description => "Cloud audit events by a principal or on a resource: CreateAccessKey, AdministratorAccess grants, public bucket ACLs/policies.";
    public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType> { ObservableType.CloudResource, ObservableType.User };
    public int Cost => 2;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Investigation.PrimaryAlert.Timestamp;
        var events = store.CloudEvents(subject.Value).Where(e => e.Timestamp >= now.AddDays(-7) && e.Timestamp <= now.AddDays(1)).ToList();
        if (events.Count == 0) return Task.FromResult(new ToolResult($"{subject.Value}: no cloud audit events in the week before the alert", []));

        var findings = new List<Finding>();
        foreach (var e in events.Where(e => e.Result == "success"))
        {
            if (Classify(e) is not var (kind, technique, label)) continue;
            var ti = e.SourceIp is null ? null : store.FindIndicator(ToolFinding.Ip(e.SourceIp));
            var fromBadIp = ti?.Verdict is "malicious" or "suspicious";
            var intended = kind == FindingKinds.PublicBucket && store.FindAsset(ContextKeys.ResourceName(e.Resource)) is { } asset
                && (asset.BusinessService?.Contains("intentionally public", StringComparison.OrdinalIgnoreCase) ?? false);
            // A change recorded against a ticket (rotation CHG-…) from an address intel does not flag is planned work:
            // evidence of benignness, and no reason to pivot into the entities it touched.
            var ticket = fromBadIp ? null : ChangeTicket().Match(e.Resource) is { Success: true } m ? m.Value : null;
            intended |= ticket is not null;
            var discovered = new List<Observable> { new(ObservableType.User, e.Principal, "principal") };
            if (e.SourceIp is not null && IpClassifier.IsPublic(e.SourceIp)) discovered.Add(ToolFinding.Ip(e.SourceIp, "cloud_source"));
            if (e.Resource != "*") discovered.Add(new Observable(ObservableType.CloudResource, ContextKeys.ResourceName(e.Resource), "target"));
            var evidence = $"cloud_audit.csv: {ToolFinding.T(e.Timestamp)} {e.Principal} {e.Action} {e.Resource} from {e.SourceIp} {e.Result}"
                + (ti is null ? "" : $"; threat_intel.csv: {e.SourceIp} {ti.Verdict} {ToolFinding.F(ti.Confidence)} {ti.Campaign}")
                + (ticket is not null ? $"; change ticket {ticket}" : intended ? "; assets.csv: bucket is intentionally public" : "");
            findings.Add(ToolFinding.Create(Name, subject, $"{e.Principal}: {label}" + (fromBadIp ? $" from {ti!.Verdict} address {e.SourceIp}" : ticket is not null ? $" under change {ticket}" : ""),
                intended ? Verdict.Benign : fromBadIp ? Verdict.Malicious : Verdict.Suspicious,
                intended ? 0.7 : fromBadIp ? 0.9 : 0.6, evidence, intended ? FindingKinds.BenignIndicator : kind,
                ticket is null ? discovered : [], [technique], e.Timestamp));
        }
        var summary = $"{subject.Value}: {events.Count} cloud event(s), {findings.Count} risky";
        return Task.FromResult(new ToolResult(summary, findings));
    }

    [GeneratedRegex(@"\bCHG-?\d+\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ChangeTicket();

    private static (string Kind, string Technique, string Label)? Classify(CloudAuditEvent e)
    {
        var action = e.Action;
        var resource = e.Resource;
        if (action.EndsWith("CreateAccessKey", StringComparison.OrdinalIgnoreCase))
            return (FindingKinds.AccessKeyCreated, "T1098.001", $"created an access key for {ContextKeys.ResourceName(resource)}");
        if ((action.EndsWith("AttachUserPolicy", StringComparison.OrdinalIgnoreCase) || action.EndsWith("AttachRolePolicy", StringComparison.OrdinalIgnoreCase)
                || action.EndsWith("PutUserPolicy", StringComparison.OrdinalIgnoreCase) || action.EndsWith("AddUserToGroup", StringComparison.OrdinalIgnoreCase))
            && resource.Contains("Admin", StringComparison.OrdinalIgnoreCase))
            return (FindingKinds.CloudPrivilegeChange, "T1098.003", $"granted administrator rights to {ContextKeys.ResourceName(resource)}");
        if (action.EndsWith("CreateUser", StringComparison.OrdinalIgnoreCase))
            return (FindingKinds.CloudPrivilegeChange, "T1136.003", $"created cloud user {ContextKeys.ResourceName(resource)}");
        if ((action.EndsWith("PutBucketAcl", StringComparison.OrdinalIgnoreCase) && (resource.Contains("AllUsers", StringComparison.OrdinalIgnoreCase) || resource.Contains("AuthenticatedUsers", StringComparison.OrdinalIgnoreCase)))
            || (action.EndsWith("PutBucketPolicy", StringComparison.OrdinalIgnoreCase) && resource.Contains("Principal:*", StringComparison.OrdinalIgnoreCase))
            || action.EndsWith("DeleteBucketPublicAccessBlock", StringComparison.OrdinalIgnoreCase))
            return (FindingKinds.PublicBucket, "T1530", $"made bucket {ContextKeys.ResourceName(resource)} public");
        return null;
    }
}
