using AgenticIR.Core.Response;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests;

public sealed class DefinitionSetLoaderTests
{
    private static readonly string PolicyPath = Path.Combine(RepoPaths.Config, "governance.yaml");

    [Fact]
    public void TryLoad_ShippedDefinitions_LoadTogether()
    {
        var (set, errors) = DefinitionSetLoader.TryLoad(PolicyPath, RepoPaths.Connectors);

        Assert.Empty(errors.Select(e => e.ToString()));
        Assert.NotNull(set);
        Assert.All(set.Policy.ApprovalGates.Classes.Keys, a => Assert.NotNull(set.Catalog.Find(a)));
    }

    [Fact]
    public void TryLoad_ShippedDefinitions_EveryStateChangingActionNeedsAHuman()
    {
        var set = DefinitionSetLoader.Load(PolicyPath, RepoPaths.Connectors);

        var autoApproved = set.Catalog.All
            .Where(a => a.Kind is ActionKind.Containment or ActionKind.Eradication or ActionKind.Recovery)
            .Where(a => set.Policy.ApprovalGates.ClassOf(a.Name) == ApprovalClass.AutoApprove)
            .Select(a => a.Name);
        Assert.Empty(autoApproved);
        Assert.All(set.Catalog.All.Where(a => !a.Reversible && a.Kind != ActionKind.Notification),
            a => Assert.NotEqual(ApprovalClass.AutoApprove, set.Policy.ApprovalGates.ClassOf(a.Name)));
    }

    [Fact]
    public void TryLoad_GatedActionWithoutConnector_ErrorNamesThePolicyLine()
    {
        using var scratch = new ScratchFolder();
        var connectors = scratch.CopyFolder(RepoPaths.Connectors, "connectors");
        File.Delete(Path.Combine(connectors, "wipe_endpoint.yaml"));
        var expectedLine = Array.FindIndex(File.ReadAllLines(PolicyPath), l => l == "      - wipe_endpoint") + 1;

        var (set, errors) = DefinitionSetLoader.TryLoad(PolicyPath, connectors);

        Assert.Null(set);
        var error = Assert.Single(errors);
        Assert.Equal((PolicyPath, expectedLine, 9, "approval_gates.action_risk_classification.require_senior_approval[0]"),
            (error.File, error.Line, error.Column, error.Field));
        Assert.StartsWith("action 'wipe_endpoint' is not defined in the catalog", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_ContainmentActionInNoGate_IsANotGatedError()
    {
        using var scratch = new ScratchFolder();
        var connectors = scratch.CopyFolder(RepoPaths.Connectors, "connectors");
        var path = scratch.Write("connectors/sinkhole_domain.yaml", """
            name: sinkhole_domain
            description: Point a domain at the internal sinkhole.
            kind: containment
            reversible: false
            target_types: [domain]
            expected_duration_seconds: 30
            """);

        var (set, errors) = DefinitionSetLoader.TryLoad(PolicyPath, connectors);

        Assert.Null(set);
        var error = Assert.Single(errors);
        Assert.Equal((path, 3, 7, "kind"), (error.File, error.Line, error.Column, error.Field));
        Assert.StartsWith("not gated: containment action 'sinkhole_domain' is in no approval gate", error.Message, StringComparison.Ordinal);
    }

    // The shipped policy with its notifications section replaced by one that mails through `action` (null: the default).
    private static (string Path, int ActionLine) PolicyMailingThrough(ScratchFolder scratch, string? action)
    {
        var text = File.ReadAllText(PolicyPath);
        var cut = text.IndexOf("# AgenticIR: notifications where people look", StringComparison.Ordinal);
        Assert.True(cut > 0, "the shipped policy's notifications section moved");
        var head = text[..cut];
        var section = "notifications:\n  kinds: { escalation: [mail, log] }\n  mail:\n"
            + (action is null ? "" : $"    action: {action}\n") + "    recipients: [soc-oncall@example.com]\n";
        var line = head.Split('\n').Length + (action is null ? 2 : 3);
        return (scratch.Write("config/governance.yaml", head + section), line);
    }

    [Fact]
    public void TryLoad_MailThroughTheShippedConnector_Loads()
    {
        using var scratch = new ScratchFolder();
        var (policy, _) = PolicyMailingThrough(scratch, null);

        var (set, errors) = DefinitionSetLoader.TryLoad(policy, RepoPaths.Connectors);

        Assert.Empty(errors.Select(e => e.ToString()));
        Assert.Equal("send_notification", set!.Policy.Notifications.Mail!.Action);
    }

    [Fact]
    public void TryLoad_MailActionNotInTheCatalog_ErrorNamesThePolicyLine()
    {
        using var scratch = new ScratchFolder();
        var (policy, line) = PolicyMailingThrough(scratch, "send_mail");

        var (set, errors) = DefinitionSetLoader.TryLoad(policy, RepoPaths.Connectors);

        Assert.Null(set);
        var error = Assert.Single(errors);
        Assert.Equal((policy, line, 13, "notifications.mail.action"), (error.File, error.Line, error.Column, error.Field));
        Assert.StartsWith("mail action 'send_mail' is not defined in the catalog", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_MailBindingWithoutSubjectAndBody_ErrorNamesThePolicyLineAndTheParameters()
    {
        using var scratch = new ScratchFolder();
        var connectors = scratch.CopyFolder(RepoPaths.Connectors, "connectors");
        var file = scratch.Write("connectors/page_oncall.yaml", """
            name: page_oncall
            description: Page the on-call analyst.
            kind: notification
            reversible: false
            target_types: []
            expected_duration_seconds: 5
            platforms:
              splunk_soar:
                app: SMTP
                action: send email
                parameters:
                  to: "soc-oncall@example.com"
                  message: "An incident needs attention."
                source: "splunk-soar-connectors/smtp:README.md (action \"send email\")"
            """);
        var (policy, line) = PolicyMailingThrough(scratch, "page_oncall");

        var (set, errors) = DefinitionSetLoader.TryLoad(policy, connectors);

        Assert.Null(set);
        var error = Assert.Single(errors);
        Assert.Equal((policy, line, "notifications.mail.action"), (error.File, error.Line, error.Field));
        Assert.Equal($"the splunk_soar binding of mail action 'page_oncall' ({file}) has no 'subject', 'body' parameter; notification mail fills to, subject, body",
            error.Message);
    }

    [Fact]
    public void TryLoad_BothInvalid_ReportsErrorsFromBoth()
    {
        var invalid = Path.Combine(AppContext.BaseDirectory, "TestData", "invalid");

        var (set, errors) = DefinitionSetLoader.TryLoad(Path.Combine(invalid, "policy", "unknown_key.yaml"), Path.Combine(invalid, "connectors", "unknown_rollback"));

        Assert.Null(set);
        Assert.Contains(errors, e => e.File.EndsWith("unknown_key.yaml", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith("block_ip.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Invalid_ThrowsDefinitionValidationException()
    {
        var invalid = Path.Combine(AppContext.BaseDirectory, "TestData", "invalid");

        Assert.Throws<DefinitionValidationException>(() =>
            DefinitionSetLoader.Load(Path.Combine(invalid, "policy", "bad_enum.yaml"), RepoPaths.Connectors));
    }
}
