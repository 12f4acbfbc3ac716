using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Xsoar.State;

internal sealed partial class XsoarStore
{
    private readonly Dictionary<string, List<JsonObject>> _entries = new(StringComparer.Ordinal);
    private long _nextEntry;

    /// <summary>Adds an entry to an incident's war room; null when the incident does not exist.</summary>
    public JsonObject? AddEntry(string incidentId, string contents, int type, string user, JsonObject? extra = null)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(incidentId, out var list)) return null;
            var entry = new JsonObject
            {
                ["id"] = $"{++_nextEntry}@{incidentId}",
                ["investigationId"] = incidentId,
                ["version"] = 1L,
                ["type"] = type,
                ["contents"] = contents,
                ["format"] = "markdown",
                ["user"] = user,
                ["created"] = Now(),
                ["modified"] = Now(),
                ["note"] = false,
                ["tags"] = new JsonArray(),
            };
            foreach (var (key, value) in extra ?? []) entry[key] = value?.DeepClone();
            list.Add(entry);
            TouchLocked(incidentId);
            return (JsonObject)Copy(entry);
        }
    }

    /// <summary>Replaces an entry's contents when <paramref name="version"/> is current (or -1); the answer says which.</summary>
    public (JsonObject? Entry, string? Error) EditEntry(string incidentId, string entryId, long version, string contents)
    {
        lock (_gate)
        {
            if (Find(incidentId, entryId) is not { } entry) return (null, "entry not found");
            var current = LongOf(entry["version"]);
            if (version != -1 && version != current) return (null, $"DB version conflict: entry {entryId} is at version {current}");
            entry["contents"] = contents;
            entry["version"] = current + 1;
            entry["modified"] = Now();
            TouchLocked(incidentId);
            return ((JsonObject)Copy(entry), null);
        }
    }

    public JsonObject? SetTags(string incidentId, string entryId, IReadOnlyList<string> tags)
    {
        lock (_gate)
        {
            if (Find(incidentId, entryId) is not { } entry) return null;
            entry["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]);
            entry["version"] = LongOf(entry["version"]) + 1;
            return (JsonObject)Copy(entry);
        }
    }

    public JsonArray? Entries(string incidentId)
    {
        lock (_gate) return _entries.TryGetValue(incidentId, out var list) ? new JsonArray([.. list.Select(Copy)]) : null;
    }

    private JsonObject? Find(string incidentId, string entryId) =>
        _entries.TryGetValue(incidentId, out var list) ? list.FirstOrDefault(e => e["id"]!.GetValue<string>() == entryId) : null;
}
