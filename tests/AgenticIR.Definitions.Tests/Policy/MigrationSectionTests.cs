using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Policy;

namespace AgenticIR.Definitions.Tests.Policy;

/// <summary>The policy's <c>migration</c> section: playbook audit rules and break-glass fallbacks.</summary>
public sealed class MigrationSectionTests
{
    private static readonly ShippedPolicyPrefix Prefix = new("# AgenticIR: moving from playbooks to agents");

    private static readonly string ShippedPath = ShippedPolicyPrefix.ShippedPath;

    private static (GovernancePolicy? Policy, string[] Errors) Load(string appended) => Prefix.Load(appended);

    private static int LineOf(string appended, string needle) => Prefix.LineOf(appended, needle);

    [Fact]
    public void Load_ShippedPolicy_ListsTheFourCriticalCapabilitiesWithTheArticlesRules()
    {
        var migration = GovernancePolicyLoader.Load(ShippedPath).Migration;

        Assert.Equal(PlaybookAuditRules.Default, migration.PlaybookAudit);
        Assert.Equal(91, migration.BreakGlass.TestIntervalDays);
        Assert.Equal(["contain_host", "contain_account", "contain_mail", "contain_address"], migration.BreakGlass.Capabilities.Select(c => c.Capability));
        Assert.All(migration.BreakGlass.Capabilities, c => Assert.StartsWith("local/", c.Playbook, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SectionAbsent_UsesTheDefaults()
    {
        var (policy, errors) = Load("");

        Assert.Empty(errors);
        Assert.Equal(new PlaybookAuditRules(90, 5, 0.5, 2, 2), policy!.Migration.PlaybookAudit);
        Assert.Equal(91, policy.Migration.BreakGlass.TestIntervalDays);
        Assert.Empty(policy.Migration.BreakGlass.Capabilities);
    }

    [Fact]
    public void Load_TunedRules_AreRead()
    {
        var (policy, errors) = Load("""
            migration:
              playbook_audit: { window_days: 30, retire_below_runs_per_month: 10, retire_below_success_rate: 0.8 }
              break_glass:
                test_interval_days: 30
                capabilities:
                  - { capability: contain_host, playbook: isolate_manual, soar_instance: prod }
            """);

        Assert.Empty(errors);
        Assert.Equal(new PlaybookAuditRules(30, 10, 0.8, 2, 2), policy!.Migration.PlaybookAudit);
        Assert.Equal(new BreakGlassCapability("contain_host", "isolate_manual", "prod"), Assert.Single(policy.Migration.BreakGlass.Capabilities));
    }

    [Theory]
    [InlineData("  playbook_audit: { retire_below_success_rate: 1.5 }", "migration.playbook_audit.retire_below_success_rate", "must be in [0, 1], got 1.5")]
    [InlineData("  playbook_audit: { window_day: 30 }", "migration.playbook_audit.window_day", "unknown key 'window_day'")]
    [InlineData("  break_glass: { capabilities: [{ capability: Contain Host, playbook: local/x }] }", "migration.break_glass.capabilities[0].capability", "is not a capability id")]
    [InlineData("  break_glass: { capabilities: [{ capability: contain_host }] }", "migration.break_glass.capabilities[0]", "playbook")]
    public void Load_BadMigration_ReportsFileLineAndField(string body, string field, string message)
    {
        var appended = "migration:\n" + body + "\n";

        var (policy, errors) = Load(appended);

        Assert.Null(policy);
        var error = Assert.Single(errors);
        Assert.StartsWith($"governance.yaml:{LineOf(appended, body.Trim())}:", error, StringComparison.Ordinal);
        Assert.Contains($": {field}", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CapabilityListedTwice_IsAnError()
    {
        var appended = """
            migration:
              break_glass:
                capabilities:
                  - { capability: contain_host, playbook: local/a }
                  - { capability: contain_host, playbook: local/b }
            """;

        var (policy, errors) = Load(appended);

        Assert.Null(policy);
        Assert.Contains("capability 'contain_host' is listed twice", Assert.Single(errors), StringComparison.Ordinal);
    }
}
