using System.Buffers;
using System.Text;
using System.Text.Json;
using AgenticIR.Core.Audit;

namespace AgenticIR.Governance.Audit;

/// <summary>Details as compact JSON text with keys in the canonical order, for formats that carry them in one field.</summary>
internal static class AuditDetailsText
{
    public static string Write(IReadOnlyDictionary<string, string> details)
    {
        if (details.Count == 0) return "{}";
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteObject(json, details);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteObject(Utf8JsonWriter json, IReadOnlyDictionary<string, string> details)
    {
        json.WriteStartObject();
        foreach (var key in details.Keys.Order(AuditCanonicalEncoding.DetailKeyOrder)) json.WriteString(key, details[key]);
        json.WriteEndObject();
    }
}
