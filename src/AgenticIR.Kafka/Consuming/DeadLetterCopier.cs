using System.Globalization;
using System.Text;
using AgenticIR.Kafka.Status;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Kafka.Consuming;

/// <summary>Copies dead-lettered messages to the dead-letter topic: key, value and headers as received, plus headers
/// naming the origin (topic, partition, offset), the intake key and the reason. The topic is created by producing to it
/// (no admin API). A copy is made whenever intake reports the message dead-lettered, also when the ledger already held it
/// (a crash may have come between the dead letter and its copy), so the topic may hold a message twice: the origin
/// headers identify it.</summary>
internal sealed class DeadLetterCopier(KafkaSourceOptions options, KafkaSourceStatus status, ILogger logger) : IDisposable
{
    /// <summary>Prefix of the headers this worker adds; headers of the original with this prefix are not copied.</summary>
    public const string HeaderPrefix = "agentic-ir.";

    private readonly Lazy<IProducer<byte[]?, byte[]?>> _producer = new(() => new ProducerBuilder<byte[]?, byte[]?>(KafkaClientConfig.DeadLetterProducer(options))
        .SetLogHandler((_, message) => Log.Client(logger, message))
        .Build());

    private string Topic => options.DeadLetterTopic.Trim();

    /// <summary>Produces the copy and waits for the brokers' acknowledgement; false (logged) when it could not be made.</summary>
    public async Task<bool> CopyAsync(KafkaInput input, string reason, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        foreach (var header in input.Message.Headers ?? [])
        {
            if (!header.Key.StartsWith(HeaderPrefix, StringComparison.Ordinal)) headers.Add(header.Key, header.GetValueBytes());
        }
        headers.Add(HeaderPrefix + "origin.topic", Encoding.UTF8.GetBytes(input.Origin.Topic));
        headers.Add(HeaderPrefix + "origin.partition", Encoding.UTF8.GetBytes(input.Origin.Partition.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(HeaderPrefix + "origin.offset", Encoding.UTF8.GetBytes(input.Origin.Offset.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(HeaderPrefix + "input-key", Encoding.UTF8.GetBytes(input.Key));
        headers.Add(HeaderPrefix + "reason", Encoding.UTF8.GetBytes(reason));
        try
        {
            await _producer.Value.ProduceAsync(Topic, new Message<byte[]?, byte[]?> { Key = input.Message.Key, Value = input.Message.Value, Headers = headers }, cancellationToken);
            status.DeadLetterCopied();
            Log.DeadLetterCopied(logger, input.Origin.Topic, input.Origin.Partition.Value, input.Origin.Offset.Value, Topic);
            return true;
        }
        catch (ProduceException<byte[]?, byte[]?> ex)
        {
            Log.DeadLetterCopyFailed(logger, input.Origin.Topic, input.Origin.Partition.Value, input.Origin.Offset.Value, Topic, ex.Error.Code);
            return false;
        }
    }

    public void Dispose()
    {
        if (!_producer.IsValueCreated) return;
        // Every copy was awaited before its offset was committed: nothing needed is left in the queue.
        _producer.Value.Flush(TimeSpan.FromSeconds(1));
        _producer.Value.Dispose();
    }
}
