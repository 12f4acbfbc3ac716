using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Query;

namespace AgenticIR.SoarSimulator.State;

/// <summary>Asset approvers, as Splunk SOAR documents them: an action that changes something (not read-only) on an asset
/// with approvers waits in an approval record until the required number of primary approvers approve it; a denial ends
/// it failed without running, and an approval past its due time expires. Answering happens in the SOAR's UI, which the
/// test API stands in for.</summary>
internal sealed partial class SoarStore
{
    private readonly SortedDictionary<long, JsonObject> _approvals = [];
    private readonly Dictionary<long, List<long>> _assetApprovers = [];

    /// <summary>Gives an asset its primary approvers and the number of votes an action needs.</summary>
    public void SetAssetApprovers(string assetName, IReadOnlyList<string> usernames, int votes)
    {
        lock (_gate)
        {
            var asset = FindAssetLocked(assetName) ?? throw new InvalidOperationException($"Asset '{assetName}' does not exist.");
            var ids = usernames.Select(u => FindUserIdLocked(u) ?? throw new InvalidOperationException($"User '{u}' does not exist.")).ToList();
            var id = Json.Long(asset, "id")!.Value;
            _assetApprovers[id] = ids;
            asset["primary_voting"] = ids.Count == 0 ? 0 : Math.Clamp(votes, 1, ids.Count);
        }
    }

    /// <summary>An approver's answer to the approval of an action run; false when the user may not answer it or it is closed.</summary>
    public bool AnswerApproval(long actionRunId, string username, bool approve)
    {
        lock (_gate)
        {
            if (_approvals.Values.FirstOrDefault(a => Json.Long(a, "action_run") == actionRunId) is not { } approval) return false;
            if (Json.Str(approval, "status") != "pending" || FindUserIdLocked(username) is not { } userId) return false;
            if (!_assetApprovers.Where(p => ApprovalAssetsLocked(actionRunId).Contains(p.Key)).Any(p => p.Value.Contains(userId))) return false;
            var responses = (JsonArray)approval["responses"]!;
            responses.Add(new JsonObject { ["user"] = userId, ["response"] = approve ? "approve" : "deny", ["time"] = Now() });
            if (!approve)
            {
                CloseApprovalLocked(approval, "denied");
                FinishUnrunLocked(actionRunId, "Action was denied by an approver");
            }
            else if (responses.OfType<JsonObject>().Count(r => Json.Str(r, "response") == "approve") >= Json.Long(approval, "votes_required"))
            {
                CloseApprovalLocked(approval, "approved");
                if (_progress.TryGetValue(actionRunId, out var progress)) progress.AwaitingApproval = false;
            }
            return true;
        }
    }

    /// <summary>Lets the approval of an action run pass its due time: it expires and the run fails without running.</summary>
    public bool ExpireApproval(long actionRunId)
    {
        lock (_gate)
        {
            if (_approvals.Values.FirstOrDefault(a => Json.Long(a, "action_run") == actionRunId) is not { } approval
                || Json.Str(approval, "status") != "pending") return false;
            CloseApprovalLocked(approval, "expired");
            FinishUnrunLocked(actionRunId, "Approval expired");
            return true;
        }
    }

    public IReadOnlyList<JsonObject> Approvals => SnapshotOf(_approvals);

    public SimReply ListApprovals(ListQuery query) => ListOf(_approvals, query);
    public SimReply GetApproval(long id) => OneOf(_approvals, id);

    /// <summary>Opens an approval for a new action run when it changes something on an asset with approvers.</summary>
    private bool OpenApprovalIfNeededLocked(long actionRunId, JsonObject appAction, IEnumerable<JsonObject> assets)
    {
        if (Json.Bool(appAction, "read_only") == true || Json.Str(appAction, "type") == "investigate") return false;
        var gated = assets.Where(a => Json.Long(a, "primary_voting") is > 0).ToList();
        if (gated.Count == 0) return false;
        var id = NextId("approval");
        var now = Time.GetUtcNow();
        _approvals[id] = new JsonObject
        {
            ["id"] = id,
            ["status"] = "pending",
            ["type"] = "action",
            ["message"] = "pending-approval",
            ["name"] = Json.Str(appAction, "action"),
            ["action_run"] = actionRunId,
            ["playbook_run"] = null,
            ["owner"] = _assetApprovers.GetValueOrDefault(Json.Long(gated[0], "id")!.Value)?.FirstOrDefault(),
            ["owner_type"] = "User",
            ["asset"] = Json.Long(gated[0], "id"),
            ["start_time"] = SoarTime.Format(now),
            ["due_time"] = SoarTime.Format(now.AddHours(1)),
            ["close_time"] = null,
            ["escalated_approval"] = null,
            ["votes_required"] = gated.Max(a => Json.Long(a, "primary_voting")),
            ["responses"] = new JsonArray(),
        };
        return true;
    }

    private HashSet<long> ApprovalAssetsLocked(long actionRunId) =>
        [.. _appRuns.Values.Where(a => Json.Long(a, "action_run") == actionRunId).Select(a => Json.Long(a, "asset") ?? 0)];

    private void CloseApprovalLocked(JsonObject approval, string status)
    {
        approval["status"] = status;
        approval["close_time"] = Now();
    }

    // A run whose approval was denied or expired never reaches its app: it ends failed with no result.
    private void FinishUnrunLocked(long actionRunId, string message)
    {
        _progress.Remove(actionRunId);
        var now = Now();
        if (_actionRuns.TryGetValue(actionRunId, out var run))
        {
            run["status"] = "failed";
            run["message"] = message;
            run["update_time"] = now;
            run["close_time"] = now;
        }
        foreach (var appRun in _appRuns.Values.Where(a => Json.Long(a, "action_run") == actionRunId))
        {
            appRun["status"] = "failed";
            appRun["message"] = message;
            appRun["update_time"] = now;
            appRun["end_time"] = now;
            _appRunFinal.Remove(Json.Long(appRun, "id")!.Value);
        }
    }
}
