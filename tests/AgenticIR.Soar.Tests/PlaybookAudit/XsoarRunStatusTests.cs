using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.PlaybookAudit;

namespace AgenticIR.Soar.Tests.PlaybookAudit;

/// <summary>How an XSOAR work plan's state and task states become the audit's run status.</summary>
public sealed class XsoarRunStatusTests
{
    [Theory]
    [InlineData("completed", null, "success")]
    [InlineData("completed", "Error", "success")] // a task that continues on error does not fail the run
    [InlineData("failed", null, "failed")]
    [InlineData("waiting", "Error", "failed")] // stopped at an error, not completed
    [InlineData("inprogress", "Completed", "inprogress")]
    [InlineData("waiting", "Waiting", "waiting")]
    [InlineData(null, null, "unknown")]
    public void Status_StateAndTasks_SuccessFailureOrNotFinished(string? state, string? taskState, string expected)
    {
        IReadOnlyList<XsoarPlaybookTask> tasks = taskState is null ? [] : [new XsoarPlaybookTask { Id = "1", State = taskState }];

        Assert.Equal(expected, XsoarPlaybookInventory.Status(new XsoarPlaybookState { State = state, Tasks = tasks }, tasks));
    }
}
