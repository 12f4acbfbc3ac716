using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Policy;

namespace AgenticIR.Definitions.Tests.Policy;

/// <summary>The optional governance sections (issue 4/5): protected_targets, approvers, business_hours, graduation.</summary>
public sealed class GovernanceSectionsTests
{
    private static readonly ShippedPolicyPrefix Prefix = new("# AgenticIR: targets no autonomous action may touch.");

    private static readonly string ShippedPath = ShippedPolicyPrefix.ShippedPath;

    private static (GovernancePolicy? Policy, string[] Errors) Load(string appended) => Prefix.Load(appended);

    private static int LineOf(string appended, string needle) => Prefix.LineOf(appended, needle);

    [Fact]
    public void Load_ShippedPolicy_ReadsTheOptionalSections()
    {
        var policy = GovernancePolicyLoader.Load(ShippedPath);

        Assert.Contains("CORP-DC01", policy.ProtectedTargets.Hosts);
        Assert.Contains("10.10.1.0/24", policy.ProtectedTargets.Subnets);
        Assert.Equal(["soc_analyst", "ir_lead", "soc_manager", "ciso"], policy.Approvers.Select(t => t.Name));
        Assert.Equal([0, 1, 2, 3], policy.Approvers.Select(t => t.Rank));
        Assert.Equal([false, true, true, true], policy.Approvers.Select(t => t.CanApproveSenior));
        Assert.Equal(["Analyst"], policy.Approvers[0].Roles);
        Assert.Equal(["ciso"], policy.Approvers[3].Users);
        var hours = policy.BusinessHours!;
        Assert.Equal(("Europe/London", new TimeOnly(8, 0), new TimeOnly(18, 0)), (hours.TimeZone, hours.Start, hours.End));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], hours.Days);
        Assert.Equal(GraduationCriteria.Default, policy.Graduation);
    }

    [Fact]
    public void Load_SectionsAbsent_UsesTheDefaults()
    {
        var (policy, errors) = Load("");

        Assert.Empty(errors);
        Assert.Same(ProtectedTargets.None, policy!.ProtectedTargets);
        Assert.Empty(policy.Approvers);
        Assert.Null(policy.BusinessHours);
        Assert.Equal(GraduationCriteria.Default, policy.Graduation);
    }

    [Fact]
    public void Load_PartialSections_FillsDefaultsPerKey()
    {
        var (policy, errors) = Load("""
            business_hours:
              time_zone: America/New_York
            graduation:
              min_samples: 50
            """);

        Assert.Empty(errors);
        Assert.Equal(new TimeOnly(8, 0), policy!.BusinessHours!.Start);
        Assert.Equal(new TimeOnly(18, 0), policy.BusinessHours.End);
        Assert.Equal(5, policy.BusinessHours.Days.Count);
        Assert.Equal(GraduationCriteria.Default with { MinSamples = 50 }, policy.Graduation);
    }

    [Theory]
    [InlineData("ips: [10.0.0.1/8]", "protected_targets.ips[0]", "'10.0.0.1/8' is a range; list it under subnets")]
    [InlineData("ips: [10.1]", "protected_targets.ips[0]", "'10.1' is not an IPv4 or IPv6 address")]
    [InlineData("ips: [not-an-ip]", "protected_targets.ips[0]", "'not-an-ip' is not an IPv4 or IPv6 address")]
    [InlineData("subnets: [10.0.0.1/8]", "protected_targets.subnets[0]", "'10.0.0.1/8' has host bits set after the /8 prefix; write the network address")]
    [InlineData("subnets: [10.0.0.0/33]", "protected_targets.subnets[0]", "'10.0.0.0/33' is not a CIDR range such as 10.0.0.0/8")]
    [InlineData("subnets: [10.0.0.0]", "protected_targets.subnets[0]", "'10.0.0.0' is not a CIDR range such as 10.0.0.0/8 (single addresses go under ips)")]
    [InlineData("hosts: [\"a*b\"]", "protected_targets.hosts[0]", "'a*b' is not a host name or a '*.suffix' pattern")]
    [InlineData("users: [bob, BOB]", "protected_targets.users[1]", "'BOB' is listed twice")]
    [InlineData("servers: [a]", "protected_targets.servers", "unknown key 'servers' (allowed: hosts, users, ips, subnets)")]
    public void Load_BadProtectedTarget_ReportsFileLineAndField(string entry, string field, string message)
    {
        var appended = "protected_targets:\n  " + entry + "\n";

        var (policy, errors) = Load(appended);

        Assert.Null(policy);
        var error = Assert.Single(errors);
        Assert.StartsWith($"governance.yaml:{LineOf(appended, entry)}:", error, StringComparison.Ordinal);
        Assert.EndsWith($": {field}: {message}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidProtectedTargets_KeepsThem()
    {
        var (policy, errors) = Load("""
            protected_targets:
              hosts: [dc01, "*.corp.example"]
              ips: [192.0.2.7, "2001:db8::1"]
              subnets: [10.0.0.0/8, "2001:db8::/32"]
            """);

        Assert.Empty(errors);
        Assert.Equal(["dc01", "*.corp.example"], policy!.ProtectedTargets.Hosts);
        Assert.Equal(["192.0.2.7", "2001:db8::1"], policy.ProtectedTargets.Ips);
        Assert.Equal(["10.0.0.0/8", "2001:db8::/32"], policy.ProtectedTargets.Subnets);
        Assert.Empty(policy.ProtectedTargets.Users);
    }

    [Fact]
    public void Load_ApproversMissingAnEscalationTarget_NamesTheTarget()
    {
        var (policy, errors) = Load("""
            approvers:
              - name: soc_analyst
                roles: [Analyst]
              - name: ir_lead
                roles: [IR Lead]
                can_approve_senior: true
            """);

        Assert.Null(policy);
        Assert.Contains(errors, e => e.EndsWith(": escalation_policy.severity_thresholds.critical.escalation_targets[1]: escalation target 'soc_manager' is not an approver tier (tiers: soc_analyst, ir_lead)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith(": escalation_policy.severity_thresholds.critical.escalation_targets[2]: escalation target 'ciso' is not an approver tier (tiers: soc_analyst, ir_lead)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith(": escalation_policy.severity_thresholds.high.escalation_targets[1]: escalation target 'soc_manager' is not an approver tier (tiers: soc_analyst, ir_lead)", StringComparison.Ordinal));
        Assert.Equal(3, errors.Length);
    }

    [Theory]
    [InlineData("""
        approvers:
          - name: soc_analyst
            roles: [Analyst]
          - name: ir_lead
            roles: [IR Lead]
          - name: soc_manager
            roles: [SOC Manager]
          - name: ciso
            users: [ciso]
        """, "approvers", "no tier has can_approve_senior: true, so require_senior_approval actions could never be approved")]
    [InlineData("""
        approvers:
          - name: soc_analyst
            roles: [Analyst]
          - name: ir_lead
            roles: [IR Lead]
            can_approve_senior: true
          - name: soc_manager
            roles: [SOC Manager]
          - name: ciso
            users: [ciso]
            can_approve_senior: true
        """, "approvers[2].can_approve_senior", "tier 'soc_manager' ranks above 'ir_lead', which can approve senior actions, so it must too (tiers are listed lowest first)")]
    [InlineData("""
        approvers:
          - name: soc_analyst
          - name: ir_lead
            roles: [IR Lead]
            can_approve_senior: true
          - name: soc_manager
            roles: [SOC Manager]
            can_approve_senior: true
          - name: ciso
            users: [ciso]
            can_approve_senior: true
        """, "approvers[0]", "tier 'soc_analyst' names no users and no roles, so nobody could answer as it")]
    [InlineData("""
        approvers:
          - name: soc_analyst
            roles: [Analyst]
            can_approve_senior: yes
        """, "approvers[0].can_approve_senior", "expected true or false, got 'yes'")]
    [InlineData("""
        approvers:
          - name: SOC Analyst
            roles: [Analyst]
        """, "approvers[0].name", "'SOC Analyst' is not a tier name (lower-case snake_case, e.g. ir_lead)")]
    [InlineData("""
        approvers:
          - name: soc_analyst
            role: [Analyst]
        """, "approvers[0].role", "unknown key 'role'; did you mean 'roles'? (allowed: name, users, roles, can_approve_senior)")]
    public void Load_BadApprovers_ReportsTheProblem(string appended, string field, string message)
    {
        var (policy, errors) = Load(appended);

        Assert.Null(policy);
        Assert.Contains(errors, e => e.EndsWith($": {field}: {message}", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateTier_ReportsTheSecond()
    {
        var appended = """
            approvers:
              - name: soc_analyst
                roles: [Analyst]
              - name: soc_analyst
                users: [alice]
            """;

        var (policy, errors) = Load(appended);

        Assert.Null(policy);
        Assert.Contains(errors, e => e.EndsWith(": approvers[1].name: tier 'soc_analyst' is defined twice", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("time_zone: Mars/Olympus_Mons", "business_hours.time_zone", "unknown time zone 'Mars/Olympus_Mons' (use an IANA id such as Europe/London)")]
    [InlineData("time_zone: Europe/London\n  days: [mon, funday]", "business_hours.days[1]", "'funday' is not one of: mon, tue, wed, thu, fri, sat, sun")]
    [InlineData("time_zone: Europe/London\n  start: \"8am\"", "business_hours.start", "'8am' is not a time of day as HH:mm, e.g. \"08:00\"")]
    [InlineData("time_zone: Europe/London\n  start: \"18:00\"\n  end: \"08:00\"", "business_hours.end", "must be after start (18:00); overnight business hours are not supported")]
    [InlineData("days: [mon]", "business_hours.time_zone", "missing required key 'time_zone'")]
    public void Load_BadBusinessHours_ReportsTheProblem(string body, string field, string message)
    {
        var (policy, errors) = Load("business_hours:\n  " + body + "\n");

        Assert.Null(policy);
        Assert.Equal($": {field}: {message}", Assert.Single(errors)[Assert.Single(errors).IndexOf(": ", StringComparison.Ordinal)..]);
    }

    [Theory]
    [InlineData("window_days: 0", "graduation.window_days", "must be between 1 and 365, got 0")]
    [InlineData("min_agreement_lower_bound: 1.5", "graduation.min_agreement_lower_bound", "must be in (0, 1], got 1.5")]
    [InlineData("max_harmful_disagreements: -1", "graduation.max_harmful_disagreements", "must not be negative, got -1")]
    [InlineData("demotion_floor: 0.97", "graduation.demotion_floor", "must not exceed min_agreement_lower_bound (0.95), got 0.97")]
    [InlineData("min_sample: 10", "graduation.min_sample", "unknown key 'min_sample'; did you mean 'min_samples'? (allowed: window_days, min_samples, min_agreement_lower_bound, max_harmful_disagreements, demotion_floor)")]
    public void Load_BadGraduation_ReportsTheProblem(string body, string field, string message)
    {
        var appended = "graduation:\n  " + body + "\n";

        var (policy, errors) = Load(appended);

        Assert.Null(policy);
        var error = Assert.Single(errors);
        Assert.StartsWith($"governance.yaml:{LineOf(appended, body)}:", error, StringComparison.Ordinal);
        Assert.EndsWith($": {field}: {message}", error, StringComparison.Ordinal);
    }
}
