using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Query;

namespace AgenticIR.SoarSimulator.State;

internal sealed partial class SoarStore
{
    public SimReply ListNotes(ListQuery query) => ListOf(_notes, query);

    public SimReply GetNote(long id) => OneOf(_notes, id);

    /// <summary><c>POST /rest/note</c>. No dedupe: the same note twice makes two notes, as on SOAR.</summary>
    public SimReply CreateNote(JsonObject body)
    {
        var containerId = Json.Long(body, "container_id");
        var title = Json.Str(body, "title");
        var content = Json.Str(body, "content");
        if (containerId is null) return SimReply.BadRequest("Note 'container_id' is required");
        if (title is null) return SimReply.BadRequest("Note 'title' is required");
        if (content is null) return SimReply.BadRequest("Note 'content' is required");
        lock (_gate)
        {
            if (!_containers.ContainsKey(containerId.Value)) return SimReply.BadRequest($"Invalid container_id {containerId}: container not found");
            var id = NextId("note");
            var now = Now();
            _notes[id] = new JsonObject
            {
                ["id"] = id,
                ["container"] = containerId,
                ["title"] = title,
                ["content"] = content,
                ["note_type"] = Json.Str(body, "note_type") ?? "general",
                ["note_format"] = Json.Str(body, "note_format") ?? "markdown",
                ["author"] = AutomationUserId,
                ["phase"] = Json.Clone(body, "phase"),
                ["artifact"] = Json.Clone(body, "artifact"),
                ["task"] = Json.Clone(body, "task_id"),
                ["create_time"] = now,
                ["modified_time"] = now,
            };
            return SimReply.Success(id);
        }
    }

    public SimReply UpdateNote(long id, JsonObject body)
    {
        lock (_gate)
        {
            if (!_notes.TryGetValue(id, out var note)) return SimReply.NotFound();
            foreach (var key in new[] { "title", "content", "note_format", "note_type" })
            {
                if (Json.Str(body, key) is { } value) note[key] = value;
            }
            note["modified_time"] = Now();
            return SimReply.Success(id);
        }
    }

    public SimReply ListComments(ListQuery query) => ListOf(_comments, query);

    public SimReply GetComment(long id) => OneOf(_comments, id);

    /// <summary><c>POST /rest/container_comment</c> as <paramref name="userId"/> (the token's automation user over HTTP).</summary>
    public SimReply CreateComment(JsonObject body, long userId)
    {
        var containerId = Json.Long(body, "container_id");
        var comment = Json.Str(body, "comment");
        if (containerId is null) return SimReply.BadRequest("Comment 'container_id' is required");
        if (string.IsNullOrEmpty(comment)) return SimReply.BadRequest("Comment 'comment' is required");
        lock (_gate)
        {
            if (!_containers.ContainsKey(containerId.Value)) return SimReply.BadRequest($"Invalid container_id {containerId}: container not found");
            var id = NextId("container_comment");
            _comments[id] = new JsonObject
            {
                ["id"] = id,
                ["container"] = containerId,
                ["comment"] = comment,
                ["user"] = userId,
                ["time"] = Now(),
            };
            TouchContainerLocked(containerId.Value, artifacts: false);
            return SimReply.Success(id);
        }
    }
}
