using System.Text.Json;
using AgenticIR.Core.Metrics;
using AgenticIR.Splunk.Events;

namespace AgenticIR.Splunk.Tests.Support;

/// <summary>Reads an event as Splunk will: the serialized body, parsed.</summary>
internal static class EventJson
{
    public static JsonElement Body(MetricsEvent e) => JsonDocument.Parse(MetricsJson.SerializeBody(e)).RootElement.Clone();

    public static MetricsEvent Single(IEnumerable<MetricsEvent> events, string sourcetype) => events.Single(e => e.Sourcetype == sourcetype);
}
