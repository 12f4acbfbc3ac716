using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator;

/// <summary>An HTTP answer of the simulator: status, JSON body and extra headers.</summary>
internal sealed record SimReply(int Status, JsonNode Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static SimReply Ok(JsonNode body) => new(200, body);

    public static SimReply Failed(int status, string message) =>
        new(status, new JsonObject { ["failed"] = true, ["message"] = message });

    public static SimReply BadRequest(string message) => Failed(400, message);

    public static SimReply NotFound() => Failed(404, "Requested item not found");

    public static SimReply Success(long id) => Ok(new JsonObject { ["success"] = true, ["id"] = id });
}
