using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AgenticIR.Core.Metrics;

namespace AgenticIR.Splunk.Events;

/// <summary>The one JSON shape of event bodies: snake_case, nulls left out, <c>event_id</c> first.</summary>
public static class MetricsJson
{
    internal static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The event body as a JSON object: <c>event_id</c>, then every non-null field.</summary>
    public static string SerializeBody(MetricsEvent metricsEvent)
    {
        ArgumentNullException.ThrowIfNull(metricsEvent);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event_id", metricsEvent.EventId);
            foreach (var (name, value) in metricsEvent.Fields)
            {
                if (value is null || name == "event_id") continue;
                writer.WritePropertyName(name);
                // Typed records arrive as JsonElements already; writing them directly avoids a serializer round per field.
                if (value is JsonElement element) element.WriteTo(writer);
                else JsonSerializer.Serialize(writer, value, value.GetType(), Options);
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Epoch seconds with a millisecond fraction, the form HEC's <c>time</c> and our time fields use.</summary>
    public static double EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000d;

    /// <summary>Epoch seconds as invariant text with exactly three decimals (never a decimal comma: splunk.md §1.3).</summary>
    public static string EpochText(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000m).ToString("0.000", CultureInfo.InvariantCulture);

    private static void NotRequired(JsonTypeInfo info)
    {
        foreach (var property in info.Properties) property.IsRequired = false;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Records mark Time/SourceId `required` for construction but [JsonIgnore] them; bodies are only written, never
            // read, so required-ness means nothing to the serializer.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NotRequired } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
