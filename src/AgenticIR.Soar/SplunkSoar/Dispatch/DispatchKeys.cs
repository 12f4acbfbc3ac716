using System.Text;
using System.Text.Json;
using AgenticIR.Core.Security;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>The dispatch ledger key: SHA-256 over canonical JSON of (instance, container, logical action, parameters),
/// keys sorted, so the same action with the same parameters on the same container always maps to one row.</summary>
internal static class DispatchKeys
{
    public static string Compute(string instance, long containerId, string logicalAction, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TextHash.Sha256Hex(Canonical(instance, containerId, logicalAction, parameters));
    }

    /// <summary>The parameters alone as canonical JSON (stored in the ledger for people reading it).</summary>
    public static string ParametersJson(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) WriteParameters(writer, parameters);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Canonical(string instance, long containerId, string logicalAction, IReadOnlyDictionary<string, string> parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("action", logicalAction);
            writer.WriteNumber("container", containerId);
            writer.WriteString("instance", instance);
            writer.WritePropertyName("parameters");
            WriteParameters(writer, parameters);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteParameters(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> parameters)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal)) writer.WriteString(name, value);
        writer.WriteEndObject();
    }
}
