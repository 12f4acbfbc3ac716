using AgenticIR.Core.Notifications;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Policy;

namespace AgenticIR.Definitions.Tests.Policy;

/// <summary>The policy's <c>notifications</c> section: targets per kind, the operations item, mail and retries.</summary>
public sealed class NotificationsSectionTests
{
    private static readonly ShippedPolicyPrefix Prefix = new("# AgenticIR: notifications where people look");

    private static readonly string ShippedPath = ShippedPolicyPrefix.ShippedPath;

    private static (GovernancePolicy? Policy, string[] Errors) Load(string appended) => Prefix.Load(appended);

    private static int LineOf(string appended, string needle) => Prefix.LineOf(appended, needle);

    [Fact]
    public void Load_ShippedPolicy_SpellsOutTheDefaults()
    {
        var notifications = GovernancePolicyLoader.Load(ShippedPath).Notifications;

        Assert.Equal(NotificationPolicy.DefaultKinds.OrderBy(k => k.Key).Select(k => (k.Key, string.Join(",", k.Value))),
            notifications.Kinds.OrderBy(k => k.Key).Select(k => (k.Key, string.Join(",", k.Value))));
        Assert.Equal(NotificationOperations.Default, notifications.Operations);
        Assert.Null(notifications.Mail);
        Assert.Equal((10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15)), (notifications.MaxAttempts, notifications.InitialBackoff, notifications.MaxBackoff));
    }

    [Fact]
    public void Load_SectionAbsent_EventsOnAnInvestigationGoToItsItemAndGlobalOnesToOperations()
    {
        var (policy, errors) = Load("");

        Assert.Empty(errors);
        Assert.Equal([NotificationTarget.SoarNote, NotificationTarget.Log], policy!.Notifications.TargetsOf(NotificationKind.Escalation));
        Assert.Equal([NotificationTarget.Operations, NotificationTarget.Log], policy.Notifications.TargetsOf(NotificationKind.Demotion));
    }

    [Fact]
    public void Load_MailAndTunedKinds_AreRead()
    {
        var (policy, errors) = Load("""
            notifications:
              kinds:
                escalation: [soar_note, mail]
                breaker_recovered: []
              mail: { recipients: [soc-oncall@example.com, ir-lead@example.com], instance: prod }
              retry: { max_attempts: 3, initial_backoff_seconds: 5, max_backoff_seconds: 60 }
            """);

        Assert.Empty(errors);
        var n = policy!.Notifications;
        Assert.Equal([NotificationTarget.SoarNote, NotificationTarget.Mail], n.TargetsOf(NotificationKind.Escalation));
        Assert.Empty(n.TargetsOf(NotificationKind.BreakerRecovered));
        Assert.Equal([NotificationTarget.SoarNote, NotificationTarget.Log], n.TargetsOf(NotificationKind.ApprovalTimeout));
        Assert.Equal(("send_notification", "prod"), (n.Mail!.Action, n.Mail.Instance));
        Assert.Equal(["soc-oncall@example.com", "ir-lead@example.com"], n.Mail.Recipients);
        Assert.Equal((3, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)), (n.MaxAttempts, n.InitialBackoff, n.MaxBackoff));
    }

    [Theory]
    [InlineData("  kinds: { escalation: [soar_note, pager] }", "notifications.kinds.escalation[1]", "pager")]
    [InlineData("  kinds: { escalations: [log] }", "notifications.kinds.escalations", "unknown key 'escalations'")]
    [InlineData("  kinds: { demotion: [log, log] }", "notifications.kinds.demotion[1]", "listed twice")]
    [InlineData("  kinds: { escalation: [mail] }", "notifications.kinds", "notifications.mail")]
    [InlineData("  mail: { recipients: [\"soc@example.com, attacker@evil.example\"] }", "notifications.mail.recipients[0]", "is not one mail address")]
    [InlineData("  mail: { recipients: [] }", "notifications.mail.recipients", "must not be empty")]
    [InlineData("  operations: { label: Ops Label }", "notifications.operations.label", "is not a Splunk SOAR label name")]
    [InlineData("  retry: { initial_backoff_seconds: 60, max_backoff_seconds: 10 }", "notifications.retry.max_backoff_seconds", "at least initial_backoff_seconds")]
    public void Load_BadNotifications_ReportsFileLineAndField(string body, string field, string message)
    {
        var appended = "notifications:\n" + body + "\n";

        var (policy, errors) = Load(appended);

        Assert.Null(policy);
        var error = Assert.Single(errors);
        Assert.StartsWith($"governance.yaml:{LineOf(appended, body.Trim())}:", error, StringComparison.Ordinal);
        Assert.Contains($": {field}", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
