using AgenticIR.Soar.Resilience;
using RestSharp;

namespace AgenticIR.Soar.Xsoar.Api;

internal sealed partial class XsoarClient
{
    private const string AlreadyCompleted = "completed already";

    public Task<XsoarPlaybookState?> GetPlaybookStateAsync(string incidentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        return SendAsync(XsoarCall.Get("inv-playbook/" + Uri.EscapeDataString(incidentId)) with { NotFoundIsAnswer = true },
            r => r.Status == 404 || string.IsNullOrWhiteSpace(r.Content) ? null : XsoarParsers.PlaybookState(XsoarJson.ParseObject(r.Content)),
            cancellationToken);
    }

    public Task<XsoarPlaybookPage> SearchPlaybooksAsync(int page, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        var body = new System.Text.Json.Nodes.JsonObject { ["query"] = "", ["page"] = page, ["size"] = pageSize };
        return SendAsync(XsoarCall.Post("playbook/search", SoarCallKind.Read, body.ToJsonString(Json)),
            r => XsoarParsers.PlaybookPage(XsoarJson.ParseObject(r.Content)), cancellationToken);
    }

    public Task<XsoarTaskCompletion> CompleteTaskAsync(string incidentId, string taskId, string input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        ArgumentNullException.ThrowIfNull(input);
        var call = new XsoarCall(Method.Post, "inv-playbook/task/complete", SoarCallKind.IdempotentWrite)
        {
            Form = [new("investigationId", incidentId), new("taskId", taskId), new("taskInput", input)],
            // demisto-sdk: the server answers 400 "Task is completed already" to a repeat.
            Accept = r => r.Status == 400 && r.Content?.Contains(AlreadyCompleted, StringComparison.OrdinalIgnoreCase) == true,
        };
        return SendAsync(call, r => r.IsSuccess ? XsoarTaskCompletion.Completed : XsoarTaskCompletion.AlreadyCompleted, cancellationToken);
    }
}
