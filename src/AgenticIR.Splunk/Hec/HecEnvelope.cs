using System.Buffers;
using System.Text.Json;
using AgenticIR.Splunk.Events;

namespace AgenticIR.Splunk.Hec;

/// <summary>Writes the HEC <c>/event</c> envelope around a serialized body; the JSON-lines sink writes the same lines.</summary>
internal static class HecEnvelope
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = false };

    /// <summary>Appends one envelope object (no trailing newline).</summary>
    public static void Write(IBufferWriter<byte> output, HecEnvelopeSettings settings, string sourcetype, DateTimeOffset time, string body)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WritePropertyName("time");
        writer.WriteRawValue(MetricsJson.EpochText(time), skipInputValidation: true);
        writer.WriteString("host", settings.Host);
        writer.WriteString("source", settings.Source);
        writer.WriteString("sourcetype", sourcetype);
        writer.WriteString("index", settings.Index);
        writer.WritePropertyName("event");
        writer.WriteRawValue(body);
        writer.WriteEndObject();
    }
}
