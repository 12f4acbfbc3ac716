using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgenticIR.Core.Metrics;

namespace AgenticIR.Splunk.Events;

/// <summary>Turns typed records into transport-neutral <see cref="MetricsEvent"/>s.</summary>
public static class MetricsRecords
{
    /// <summary>The deterministic event id: the first 128 bits of SHA-256 over sourcetype and source id, in hex.</summary>
    public static string EventId(string sourcetype, string sourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourcetype);
        ArgumentNullException.ThrowIfNull(sourceId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sourcetype + "\n" + sourceId), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The event for one record; its fields are the record's non-null properties in declaration order.</summary>
    public static MetricsEvent ToEvent<TRecord>(TRecord record) where TRecord : IMetricsRecord
    {
        ArgumentNullException.ThrowIfNull(record);
        var element = JsonSerializer.SerializeToElement(record, MetricsJson.Options);
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject()) fields[property.Name] = property.Value;
        return new MetricsEvent(EventId(record.Sourcetype, record.SourceId), record.Sourcetype, record.Time, fields);
    }
}
