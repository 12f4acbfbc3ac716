using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Ports;
using Confluent.Kafka;

namespace AgenticIR.Kafka.Consuming;

/// <summary>Turns one Kafka message into one input: the value is the alert (a JSON object, or a raw RFC 822 mail), an
/// optional <c>format</c> header forces one of the mappings by name, and nothing else in the message (its key, other
/// headers, fields of the value) chooses anything: the input key is the message's coordinates, the mode and playbook are
/// the worker's. A message that cannot become an alert carries its reason and is dead-lettered by intake.</summary>
internal sealed partial class KafkaMessageReader(IPayloadDecoder decoder, IAlertNormalizer normalizer, long maxInputBytes)
{
    /// <summary>The one header read: the name of the mapping to apply.</summary>
    public const string FormatHeader = "format";

    private const int PrefixBytes = 64 * 1024;

    /// <summary>The ledger key of a message: one input per (topic, partition, offset), so a redelivered offset is the
    /// same input and byte-identical values at two offsets are two inputs.</summary>
    public static string InputKey(TopicPartitionOffset origin) =>
        string.Create(CultureInfo.InvariantCulture, $"kafka:{origin.Topic}:{origin.Partition.Value}:{origin.Offset.Value}");

    public KafkaInput Read(ConsumeResult<byte[]?, byte[]?> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var key = InputKey(result.TopicPartitionOffset);
        var value = result.Message.Value;
        if (value is null) return Rejected(result, key, "", "the message has no value (a tombstone): no alert to take");
        if (value.Length == 0) return Rejected(result, key, "", "the message value is empty: no alert to take");
        if (value.Length > maxInputBytes)
        {
            var kept = (int)Math.Min(PrefixBytes, maxInputBytes);
            return Rejected(result, key, Encoding.UTF8.GetString(value, 0, kept), string.Create(CultureInfo.InvariantCulture,
                $"message value is {value.Length} bytes, above the maximum of {maxInputBytes} bytes (--max-input-bytes / AGENTICIR_MAX_INPUT_BYTES): not processed; its first {kept} bytes are kept"));
        }
        var decoded = decoder.Decode(value);
        if (!TryFormat(result.Message.Headers, out var format, out var formatError))
            return Rejected(result, key, decoded.Content, formatError);
        if (decoded.Error is { } error) return Rejected(result, key, decoded.Content, error, format);
        var raw = new RawAlert(key, decoded.Content, format);
        return new KafkaInput(key, result.TopicPartitionOffset, result.Message, raw, normalizer.Normalize(raw));
    }

    private bool TryFormat(Headers? headers, out string? format, out string error)
    {
        format = null;
        error = "";
        var values = headers?.Where(h => h.Key == FormatHeader).Select(h => h.GetValueBytes() ?? []).ToList() ?? [];
        if (values.Count == 0) return true;
        if (values.Count > 1)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the message carries {values.Count} '{FormatHeader}' headers; at most one may name the mapping");
            return false;
        }
        var text = System.Text.Unicode.Utf8.IsValid(values[0]) ? Encoding.UTF8.GetString(values[0]).Trim() : null;
        format = text is null ? null : normalizer.Formats.FirstOrDefault(f => string.Equals(f, text, StringComparison.OrdinalIgnoreCase));
        if (format is not null) return true;
        // The header is the sender's text: it is named back only when it looks like a mapping name.
        var named = text is not null && MappingName().IsMatch(text) ? $"'{text}'" : string.Create(CultureInfo.InvariantCulture, $"({values[0].Length} bytes that are not a mapping name)");
        error = $"the message's '{FormatHeader}' header {named} names no mapping; known: {string.Join(", ", normalizer.Formats)}";
        return false;
    }

    private static KafkaInput Rejected(ConsumeResult<byte[]?, byte[]?> result, string key, string content, string reason, string? format = null)
    {
        var raw = new RawAlert(key, content, format);
        return new KafkaInput(key, result.TopicPartitionOffset, result.Message, raw, NormalizationResult.Fail(reason, format));
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex MappingName();
}
