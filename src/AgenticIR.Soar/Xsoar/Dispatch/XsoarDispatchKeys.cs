using System.Text;
using System.Text.Json;
using AgenticIR.Core.Security;

namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>The dispatch ledger key of an XSOAR command: SHA-256 over canonical JSON of (platform, instance, incident,
/// logical action, arguments), keys sorted, so the same command with the same arguments in the same war room always maps
/// to one row, and never to a Splunk SOAR row (whose JSON has no platform).</summary>
internal static class XsoarDispatchKeys
{
    public static string Compute(string instance, string incidentId, string logicalAction, IReadOnlyList<KeyValuePair<string, string>> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("action", logicalAction);
            writer.WritePropertyName("arguments");
            WriteArguments(writer, arguments);
            writer.WriteString("incident", incidentId);
            writer.WriteString("instance", instance);
            writer.WriteString("platform", XsoarDispatchNames.Platform);
            writer.WriteEndObject();
        }
        return TextHash.Sha256Hex(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The arguments alone as canonical JSON (stored in the ledger for people reading it).</summary>
    public static string ArgumentsJson(IReadOnlyList<KeyValuePair<string, string>> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) WriteArguments(writer, arguments);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteArguments(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, string>> arguments)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal)) writer.WriteString(name, value);
        writer.WriteEndObject();
    }
}
