using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Approvals;
using AgenticIR.Soar.Tests.Intake;
using AgenticIR.Soar.Tests.WriteBack;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Tests.Approvals;

public sealed class ApprovalCommentPollerTests
{
    private const long Alice = 5;
    private readonly FakeApprovalService _approvals = new();

    private static async Task<BridgeHarness> StartAsync(InvestigationRecord? record = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var h = await BridgeHarness.StartAsync();
        h.BridgeOptions = h.BridgeOptions with { AutomationUser = "automation" };
        h.Client.Users[Alice] = new SoarUser(Alice, "alice", ["analyst"], true);
        h.Client.Users[6] = new SoarUser(6, "mallory", ["analyst"], false);
        await h.State.CreateAsync(record ?? SampleInvestigation.Build(), null, ct);
        await h.Store.SaveLinkAsync(new SoarContainerLink("prod", 7, "inv-7", 0, null), ct);
        return h;
    }

    private readonly SoarRoleDirectory _roles = new();

    private ApprovalCommentPoller Poller(BridgeHarness h) =>
        new(h.Clients, new Storage.Sqlite.SoarBridge.SqliteSoarBridgeStore(h.Options, h.Time), h.State, _approvals, _roles, h.BridgeOptions, NullLogger<ApprovalCommentPoller>.Instance);

    private static IEnumerable<string> Replies(BridgeHarness h) =>
        h.Client.Comments.Where(c => c.UserId == FakeSoarClient.AutomationUserId).Select(c => c.Comment);

    [Fact]
    public async Task PollOnce_ApproveFromVerifiedUser_AnswersAsThatUserAndRepliesAccepted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        h.Client.AddComment(7, 100, "/approve a1", Alice);

        var result = await Poller(h).PollOnceAsync("prod", ct);

        var command = Assert.Single(_approvals.Commands);
        Assert.Equal(("inv-7", "A1", true, "alice", "splunk_soar"), (command.InvestigationId, command.ActionId, command.Approve, command.Approver.Name, command.Approver.Channel));
        Assert.Equal(["analyst"], command.Approver.Roles);
        Assert.Equal(["inv-7"], result.Investigations);
        var reply = Assert.Single(Replies(h));
        Assert.StartsWith("AgenticIR: approval of A1 from alice accepted. A1 approved.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_ServiceRefuses_RepliesRefusedWithReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        _approvals.Answer = _ => new ApprovalOutcome(false, "block_ip needs a senior approver; alice is analyst.");
        h.Client.AddComment(7, 100, "/deny A1 false positive, it is our scanner", Alice);

        var result = await Poller(h).PollOnceAsync("prod", ct);

        Assert.Equal("false positive, it is our scanner", Assert.Single(_approvals.Commands).Reason);
        Assert.Empty(result.Investigations);
        Assert.Contains("refused. block_ip needs a senior approver; alice is analyst.", Assert.Single(Replies(h)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_RepeatedAndAfterRestart_EachCommentProcessedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        h.Client.AddComment(7, 100, "/approve A1", Alice);
        h.Client.AddComment(7, 101, "thanks, looking", Alice);

        await Poller(h).PollOnceAsync("prod", ct);
        await Poller(h).PollOnceAsync("prod", ct);
        await Poller(h).PollOnceAsync("prod", ct);

        Assert.Single(_approvals.Commands);
        Assert.Single(Replies(h));
        Assert.True((await h.Store.GetLinkAsync("prod", 7, ct))!.CommentCursor >= 101);
    }

    [Fact]
    public async Task PollOnce_ReplyLostAfterAnswer_RerunRepliesWithoutAnsweringAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        h.Client.AddComment(7, 100, "/approve A1", Alice);
        _approvals.AfterAnswer = () => h.Client.Down = true;

        await Assert.ThrowsAsync<SoarUnavailableException>(() => Poller(h).PollOnceAsync("prod", ct));
        _approvals.AfterAnswer = null;
        h.Client.Down = false;
        await Poller(h).PollOnceAsync("prod", ct);

        Assert.Single(_approvals.Commands);
        Assert.Single(Replies(h));
        Assert.Equal(SoarCommentState.Replied, (await h.Store.GetCommentAsync("prod", 7, 100, ct))!.State);
    }

    [Fact]
    public async Task PollOnce_OwnAutomationUserAndOrdinaryComments_Ignored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        h.Client.AddComment(7, 100, "/approve A1", FakeSoarClient.AutomationUserId);
        h.Client.AddComment(7, 101, "I think we should /approve A1", Alice);

        var result = await Poller(h).PollOnceAsync("prod", ct);

        Assert.Empty(_approvals.Commands);
        Assert.Equal(0, result.CommandsProcessed);
        Assert.Equal(2, h.Client.Comments.Count); // no reply posted
    }

    [Theory]
    [InlineData("/approve A9", Alice, "A9 is not an action of investigation inv-7.")]
    [InlineData("/approve A1", 6L, "could not be verified as an enabled Splunk SOAR user")]
    [InlineData("/approve A1", 77L, "could not be verified as an enabled Splunk SOAR user")]
    [InlineData("/deny A1", Alice, "a reason is required to deny")]
    public async Task PollOnce_UnknownActionOrUnverifiedUser_RefusedWithoutAsking(string text, long user, string why)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        h.Client.AddComment(7, 100, text, user);

        await Poller(h).PollOnceAsync("prod", ct);

        Assert.Empty(_approvals.Commands);
        var reply = Assert.Single(Replies(h));
        Assert.Contains("refused", reply, StringComparison.Ordinal);
        Assert.Contains(why, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_NothingPending_CommentsNotRead()
    {
        var ct = TestContext.Current.CancellationToken;
        var record = SampleInvestigation.Build();
        record = record with { Plan = record.Plan! with { Actions = [.. record.Plan.Actions.Select(a => a with { ApprovalStatus = ApprovalStatus.AutoApproved })] } };
        await using var h = await StartAsync(record);
        h.Client.AddComment(7, 100, "/approve A1", Alice);

        await Poller(h).PollOnceAsync("prod", ct);

        Assert.DoesNotContain(h.Client.Calls, c => c.StartsWith("ListComments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PollOnce_UserRecordListsRoleIds_ApproverCarriesTheRoleNamesReadOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        h.Client.Users[Alice] = new SoarUser(Alice, "alice", [], true, [3, 8]);
        h.Client.Roles.AddRange([new SoarRole(3, "analyst"), new SoarRole(8, "Observer"), new SoarRole(9, "senior")]);
        h.Client.AddComment(7, 100, "/approve A1", Alice);
        h.Client.AddComment(7, 101, "/deny A1 our scanner", Alice);

        await Poller(h).PollOnceAsync("prod", ct);

        Assert.All(_approvals.Commands, c => Assert.Equal(["analyst", "Observer"], c.Approver.Roles));
        Assert.Equal(2, _approvals.Commands.Count);
        Assert.Equal(1, h.Client.RoleListings);
    }

    [Fact]
    public async Task PollOnce_RoleIdUnknownEvenAfterARefresh_KeptAsTheNumberWhichNoTierNames()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        h.Client.Users[Alice] = new SoarUser(Alice, "alice", ["analyst"], true, [42]);
        h.Client.AddComment(7, 100, "/approve A1", Alice);

        await Poller(h).PollOnceAsync("prod", ct);

        Assert.Equal(["analyst", "42"], Assert.Single(_approvals.Commands).Approver.Roles);
    }

    [Fact]
    public async Task PollOnce_SameAnswerAlreadyAppliedBySameUser_AcknowledgedWithoutAskingAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var record = SampleInvestigation.Build();
        var answered = new ApprovalAnswer(ApprovalStatus.Approved, "alice", "analyst", "splunk_soar", SampleInvestigation.At);
        record = record with { Plan = record.Plan! with { Actions = [record.Plan.Actions[0], record.Plan.Actions[1] with { ApprovalStatus = ApprovalStatus.Approved, Answer = answered }] } };
        await using var h = await StartAsync(record);
        h.Client.AddComment(7, 100, "/approve A2", Alice);

        await Poller(h).PollOnceAsync("prod", ct);

        Assert.Empty(_approvals.Commands);
        var reply = Assert.Single(Replies(h));
        Assert.StartsWith("AgenticIR: approval of A2 from alice accepted. A2 is already approved by alice", reply, StringComparison.Ordinal);
    }
}
