using System.Globalization;
using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.SoarSimulator.Xsoar.State;

/// <summary>The simulator's state: incidents, war-room entries, playbook tasks, integrations, users and the request
/// log. One lock guards everything; answers are deep copies, so a caller never sees a later change.</summary>
internal sealed partial class XsoarStore(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public TimeProvider Time => time;

    public void Record(RecordedRequest request)
    {
        lock (_gate) _requests.Add(request);
    }

    public IReadOnlyList<RecordedRequest> Requests()
    {
        lock (_gate) return [.. _requests];
    }

    /// <summary>RFC 3339 with nanoseconds, as the Go server writes it.</summary>
    public string Now() => Stamp(time.GetUtcNow());

    public static string Stamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);

    private static JsonNode Copy(JsonNode node) => node.DeepClone();
}
