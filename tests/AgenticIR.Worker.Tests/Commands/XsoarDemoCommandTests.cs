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
        Assert.Contains("second pass: 0 new answers", output, StringComparison.Ordinal);
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
