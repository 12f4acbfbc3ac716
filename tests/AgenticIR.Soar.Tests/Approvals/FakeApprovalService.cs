using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;

namespace AgenticIR.Soar.Tests.Approvals;

internal sealed class FakeApprovalService : IApprovalService
{
    public List<ApprovalCommand> Commands { get; } = [];

    public Func<ApprovalCommand, ApprovalOutcome> Answer { get; set; } = c => new ApprovalOutcome(true, $"{c.ActionId} {(c.Approve ? "approved" : "denied")}.");

    public Action? AfterAnswer { get; set; }

    public Task<ApprovalOutcome> AnswerAsync(ApprovalCommand command, CancellationToken cancellationToken)
    {
        Commands.Add(command);
        var outcome = Answer(command);
        AfterAnswer?.Invoke();
        return Task.FromResult(outcome);
    }
}
