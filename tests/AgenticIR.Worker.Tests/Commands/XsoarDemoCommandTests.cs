using System.Text.RegularExpressions;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Commands;

/// <summary><c>agentic-ir demo xsoar</c> as a user runs it: the in-process XSOAR simulator, the real pipeline and policy.</summary>
public sealed partial class XsoarDemoCommandTests
{
    [Fact]
    public async Task DemoXsoar_Assisted_WrongRoleRefusedThenIrLeadApprovesOnceInTheWarRoom()
    {
        var output = await RunAsync("assisted");

        Assert.Matches(@"incident 1001 investigated: inv-\S+, stage awaiting_approval", output);
        Assert.Matches(@"incident 1002 investigated: inv-\S+, stage awaiting_approval, severity high, actions: A1 block_ip \(pending\)", output);
        Assert.Contains("reply: AgenticIR: approval of A1 from intern1 refused. intern1 is not an approver: no tier in the policy lists this user name or role.", output, StringComparison.Ordinal);
        Assert.Matches(@"reply: AgenticIR: approval of A1 from irlead1 accepted\. A1 block_url .* approved by irlead1 as ir_lead\.", output);
        Assert.Contains("A1 block_url is now approved by irlead1 (ir_lead, xsoar)", output, StringComparison.Ordinal);
        Assert.Matches(@"A1 block_url on https://secure-login-micros0ft\.com/owa/auth/logon\.aspx: succeeded in XSOAR \d+@1001", output);
        Assert.Contains(
            "commands run in the war room of incident 1001: !pan-os-edit-custom-url-category action=\"add\" name=\"AgenticIR-Blocked-URLs\" sites=\"https://secure-login-micros0ft.com/owa/auth/logon.aspx\" on Panorama_instance_1 (succeeded)",
            output, StringComparison.Ordinal);
        Assert.Contains("second pass: 0 new answers (each entry is answered once), 0 new commands (an action runs once)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoXsoar_Autonomous_AutoApprovedActionRunOnceInTheWarRoom()
    {
        var output = await RunAsync("autonomous");

        Assert.Matches(@"A11 add_watchlist on it-servicedesk@m365-mailbox-notice\.com: succeeded in XSOAR \d+@1001", output);
        Assert.Matches(@"commands run in the war room of incident 1001: !cs-falcon-upload-custom-ioc [^;]*value=""it-servicedesk@m365-mailbox-notice\.com"" on CrowdstrikeFalcon_instance_1 \(succeeded\) incident 1002", output);
        Assert.Contains("commands run in the war room of incident 1002: none", output, StringComparison.Ordinal);
        Assert.Contains("second pass: 0 new commands", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoXsoar_Shadow_NothingDispatched()
    {
        var output = await RunAsync("shadow");

        Assert.Matches(@"incident 1001: [1-9]\d* actions planned, 0 dispatched", output);
        Assert.Matches(@"incident 1002: [1-9]\d* actions planned, 0 dispatched", output);
        Assert.Contains("commands run in the war room of incident 1001: none", output, StringComparison.Ordinal);
        Assert.Contains("commands run in the war room of incident 1002: none", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shadow")]
    [InlineData("autonomous")]
    public async Task DemoXsoar_ShadowOrAutonomous_ClosedIncidentsComparedWithThePlaybook(string mode)
    {
        var output = await RunAsync(mode);

        Assert.Matches(@"shadow comparison, incident 1001 \(closed by lead1\): severity agents medium / XSOAR medium; disposition agents true_positive / analyst true_positive", output);
        Assert.Matches(@"shadow comparison, incident 1002 \(closed by lead1\): .*actions agents \(block_ip, isolate_endpoint\) / playbook \(disable_\w+_account\)", output);
        Assert.Contains("shadow report xsoar_demo: 2 compared, 2 closed", output, StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(string mode)
    {
        var (exit, output) = await CliProcess.RunAsync(RepoPaths.Root, TestContext.Current.CancellationToken, CliProcess.WithHome("demo", "xsoar", "--mode", mode));
        Assert.True(exit == 0, output);
        // The console wraps long lines when its output is redirected: read it as one line of words.
        return Whitespace().Replace(output, " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
