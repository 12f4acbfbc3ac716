using System.Text;
using Confluent.Kafka;

namespace AgenticIR.Worker.Commands.Simulator;

/// <summary>Produces alert files as a sender would put them on a topic, one message each: a <c>.json</c> or <c>.eml</c>
/// file whole (a mail stays RFC 822 bytes), a <c>.jsonl</c> file one message per non-blank line.</summary>
internal static class AlertFileProducer
{
    /// <summary>Produces every alert file under <paramref name="paths"/> to <paramref name="topic"/>; returns how many.</summary>
    public static Task<int> ProduceAsync(string bootstrap, string topic, IEnumerable<string> paths, CancellationToken cancellationToken) =>
        ProduceFilesAsync(bootstrap, topic, Inputs.InputReader.ListFiles(paths), cancellationToken);

    /// <summary>Produces the given alert files to <paramref name="topic"/>; returns how many messages.</summary>
    public static async Task<int> ProduceFilesAsync(string bootstrap, string topic, IReadOnlyCollection<string> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0) return 0;
        using var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, EnableIdempotence = true, Acks = Acks.All }).Build();
        var count = 0;
        foreach (var value in Messages(files))
        {
            await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = value }, cancellationToken);
            count++;
        }
        return count;
    }

    private static IEnumerable<byte[]> Messages(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            if (!Path.GetExtension(file).Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                yield return File.ReadAllBytes(file);
                continue;
            }
            foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l))) yield return Encoding.UTF8.GetBytes(line);
        }
    }
}
