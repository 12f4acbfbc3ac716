using AgenticIR.Core.Governance;
using AgenticIR.Core.Soar;
using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.Soar.Tests.Xsoar.Approvals;

/// <summary>Answers given in the XSOAR war room, against the simulator: who may answer is decided on XSOAR's own user
/// and role records; everything else is refused, audited and told, and nothing is answered twice.</summary>
public sealed class XsoarApprovalPollerTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task PollOnce_ApproveFromKnownAnalyst_AnsweredOnceAsThatUserWithXsoarRoles()
    {
        await using var bed = await XsoarApprovalBed.StartAsync();
        bed.Write("analyst1", "looking at it");
        bed.Write("lead1", "/approve a1\nthe IP is in our C2 feed");

        var first = await bed.PollAsync();
        var again = await bed.PollAsync();

        var command = Assert.Single(bed.Approvals.Commands);
        Assert.Equal(("inv-7", "A1", true, "lead1", "xsoar"), (command.InvestigationId, command.ActionId, command.Approve, command.Approver.Name, command.Approver.Channel));
        Assert.Equal(["IR Lead"], command.Approver.Roles);
        Assert.Equal(["inv-7"], first.Investigations);
        Assert.Equal((0, 0), (again.CommandsProcessed, again.Investigations.Count));
        var reply = Assert.Single(bed.Replies());
        Assert.StartsWith("AgenticIR: approval of A1 from lead1 accepted. A1 approved.", reply, StringComparison.Ordinal);
        Assert.Empty(bed.Refusals());
    }

    [Fact]
    public async Task PollOnce_DenyWithReason_PassesTheReasonToTheService()
    {
        await using var bed = await XsoarApprovalBed.StartAsync();
        bed.Write("analyst1", "/deny A1 it is our own pentest box");

        await bed.PollAsync();

        var command = Assert.Single(bed.Approvals.Commands);
        Assert.Equal((false, "it is our own pentest box", "analyst1"), (command.Approve, command.Reason, command.Approver.Name));
    }

    [Fact]
    public async Task PollOnce_ServiceRefusesTheRole_RepliesRefusedWithTheServiceReason()
    {
        await using var bed = await XsoarApprovalBed.StartAsync();
        bed.Approvals.Answer = c => new ApprovalOutcome(false, $"{c.Approver.Name} (soc_analyst) may not answer A1: it needs ir_lead or above.");
        bed.Write("analyst1", "/approve A1");

        var result = await bed.PollAsync();

        Assert.Equal(["Analyst"], Assert.Single(bed.Approvals.Commands).Approver.Roles);
        Assert.Empty(result.Investigations);
        Assert.Contains("refused. analyst1 (soc_analyst) may not answer A1: it needs ir_lead or above.", Assert.Single(bed.Replies()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_AuthorUnknownToXsoar_RefusedAuditedAndNeverReachesTheService()
    {
        await using var bed = await XsoarApprovalBed.StartAsync();
        bed.Write("mallory", "/approve A1");

        var result = await bed.PollAsync();

        Assert.Empty(bed.Approvals.Commands);
        Assert.Equal(1, result.CommandsProcessed);
        var audit = Assert.Single(bed.Refusals());
        Assert.Equal(("inv-7", "mallory", "xsoar"), (audit.InvestigationId, audit.ApproverIdentity, audit.Details["channel"]));
        Assert.Contains("could not be verified as an XSOAR user", audit.Justification, StringComparison.Ordinal);
        Assert.Contains("refused", Assert.Single(bed.Replies()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_EntryWrittenByOurOwnApiUser_RefusedAndAudited()
    {
        await using var bed = await XsoarApprovalBed.StartAsync();
        bed.Write(XsoarApprovalBed.ApiUser, "/approve A1");

        await bed.PollAsync();

        Assert.Empty(bed.Approvals.Commands);
        Assert.Contains("the API user of this bridge", Assert.Single(bed.Refusals()).Justification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_EntryEditedIntoACommand_RefusedAndAudited()
    {
        await using var bed = await XsoarApprovalBed.StartAsync();
        var entry = bed.Write("lead1", "checking the feed");
        bed.SimulatorTime.Advance(TimeSpan.FromMinutes(3));
        bed.Simulator.EditEntry(bed.IncidentId, entry, "/approve A1");

        await bed.PollAsync();

        Assert.Empty(bed.Approvals.Commands);
        Assert.Contains("was edited after it was written", Assert.Single(bed.Refusals()).Justification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_EntryOlderThanTheRequest_RefusedAsAReplay()
    {
        await using var bed = await XsoarApprovalBed.StartAsync(requestedAfterT0: TimeSpan.FromHours(1));
        bed.Write("lead1", "/approve A1");

        await bed.PollAsync();

        Assert.Empty(bed.Approvals.Commands);
        Assert.Contains("before A1 was put to approvers", Assert.Single(bed.Refusals()).Justification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_RefusedEntryReadAgainAfterRestart_AuditedAndRepliedOnce()
    {
        await using var bed = await XsoarApprovalBed.StartAsync();
        bed.Write("mallory", "/approve A1");

        await bed.PollAsync();
        await bed.PollAsync();
        await bed.PollAsync();

        Assert.Single(bed.Refusals());
        Assert.Single(bed.Replies());
    }

    [Fact]
    public async Task PollOnce_ChatAndCommandsLaterInText_NotAnswers()
    {
        await using var bed = await XsoarApprovalBed.StartAsync();
        bed.Write("lead1", "I think we should /approve A1 once the owner confirms");

        var result = await bed.PollAsync();

        Assert.Equal(0, result.CommandsProcessed);
        Assert.Empty(bed.Approvals.Commands);
        Assert.Empty(bed.Replies());
    }

    [Fact]
    public async Task PollOnce_ApprovalTaskCompletedByAnalyst_DecidesOnceFromTheCompletionInput()
    {
        await using var bed = await XsoarApprovalBed.StartAsync([new XsoarSeedTask("Extract indicators", "Completed", "Builtin|||extractIndicators"), new XsoarSeedTask("Approve containment", "Waiting")]);
        bed.SimulatorTime.Advance(TimeSpan.FromMinutes(2));
        Assert.True(bed.Simulator.CompleteTask(bed.IncidentId, "2", "approve A1", "lead1"));

        var first = await bed.PollAsync(XsoarApprovalChannel.Tasks);
        await bed.PollAsync(XsoarApprovalChannel.Tasks);

        var command = Assert.Single(bed.Approvals.Commands);
        Assert.Equal(("A1", true, "lead1", "xsoar"), (command.ActionId, command.Approve, command.Approver.Name, command.Approver.Channel));
        Assert.Equal(["inv-7"], first.Investigations);
        Assert.StartsWith("AgenticIR: approval of A1 from lead1 accepted.", Assert.Single(bed.Replies()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_TasksChannel_WarRoomCommandsAreNotAnswers()
    {
        await using var bed = await XsoarApprovalBed.StartAsync([new XsoarSeedTask("Approve containment", "Waiting")]);
        bed.Write("lead1", "/approve A1");

        var result = await bed.PollAsync(XsoarApprovalChannel.Tasks);

        Assert.Equal(0, result.CommandsProcessed);
        Assert.Empty(bed.Approvals.Commands);
    }

    [Fact]
    public async Task PollOnce_ApprovalTaskCompletedByUnknownUser_RefusedAndAudited()
    {
        await using var bed = await XsoarApprovalBed.StartAsync([new XsoarSeedTask("Approve containment", "Waiting")]);
        bed.SimulatorTime.Advance(TimeSpan.FromMinutes(2));
        bed.Simulator.CompleteTask(bed.IncidentId, "1", "/approve A1", "mallory");

        await bed.PollAsync(XsoarApprovalChannel.Tasks);

        Assert.Empty(bed.Approvals.Commands);
        var audit = Assert.Single(bed.Refusals());
        Assert.Equal("task 1 (Approve containment)", audit.Details["source"]);
    }
}
