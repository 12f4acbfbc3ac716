using System.Collections.Concurrent;
using System.Threading.Channels;
using AgenticIR.Core.Ports;
using AgenticIR.Kafka.Status;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Kafka.Consuming;

/// <summary>The Kafka source: joins the consumer group, reads one alert per message, hands each to intake on parallel
/// lanes and commits a partition's offset only past messages whose intake is saved. One thread runs the consumer (reads,
/// rebalance callbacks, commits, pausing when the lanes are full, lag reports); the lanes run the pipeline. Delivery is
/// at least once from Kafka and exactly once into the store: the intake ledger keys each input by topic, partition and
/// offset, so whatever is read again (after a crash, a refused commit or a rebalance) is recognised and not taken twice.</summary>
internal sealed partial class KafkaConsumerWorker : BackgroundService
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);

    private readonly KafkaSourceOptions _options;
    private readonly KafkaIntakeSettings _settings;
    private readonly IAlertIntake _intake;
    private readonly KafkaMessageReader _reader;
    private readonly KafkaSourceStatus _status;
    private readonly AlertLaneKey? _laneKey;
    private readonly TimeProvider _time;
    private readonly ILogger<KafkaConsumerWorker> _logger;
    private readonly DeadLetterCopier? _deadLetters;
    private readonly ConcurrentDictionary<TopicPartition, PartitionProgress> _partitions = new();
    private readonly Channel<KafkaWork>[] _lanes;
    private readonly CancellationTokenSource _processing = new();
    private int _inFlight;
    private Error? _fatal;

    public KafkaConsumerWorker(KafkaSourceOptions options, KafkaIntakeSettings settings, IAlertIntake intake, IPayloadDecoder decoder, IAlertNormalizer normalizer,
        KafkaSourceStatus status, AlertLaneKey? laneKey, TimeProvider time, ILogger<KafkaConsumerWorker> logger)
    {
        _options = options;
        _settings = settings;
        _intake = intake;
        _reader = new KafkaMessageReader(decoder, normalizer, settings.MaxInputBytes);
        _status = status;
        _laneKey = laneKey;
        _time = time;
        _logger = logger;
        _deadLetters = options.DeadLetterTopic.Trim().Length > 0 ? new DeadLetterCopier(options, status, logger) : null;
        _lanes = [.. Enumerable.Range(0, options.Lanes).Select(_ => Channel.CreateUnbounded<KafkaWork>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true }))];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var protocol = _options.SecurityProtocol.Trim().ToUpperInvariant();
        var topics = string.Join(",", _options.TopicList);
        Log.ConsumerStarting(_logger, _options.Group, _options.Bootstrap, topics, protocol);
        if (protocol == "SASL_PLAINTEXT") Log.CleartextCredentials(_logger, protocol);
        using var consumer = Build();
        var lanes = _lanes.Select(lane => Task.Run(() => RunLaneAsync(lane), CancellationToken.None)).ToArray();
        try
        {
            consumer.Subscribe(_options.TopicList);
            // The consumer's calls block: it gets a thread of its own rather than one of the pool's.
            await Task.Factory.StartNew(() => Consume(consumer, stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            await StopAsync(consumer, lanes);
        }
    }

    public override void Dispose()
    {
        _processing.Dispose();
        _deadLetters?.Dispose();
        base.Dispose();
    }

    private IConsumer<byte[]?, byte[]?> Build() =>
        new ConsumerBuilder<byte[]?, byte[]?>(KafkaClientConfig.Consumer(_options))
            .SetErrorHandler((_, error) => OnError(error))
            .SetLogHandler((_, message) => Log.Client(_logger, message))
            .SetPartitionsAssignedHandler((_, assigned) => OnAssigned(assigned))
            .SetPartitionsRevokedHandler((consumer, revoked) => OnRevoked(consumer, revoked))
            .SetPartitionsLostHandler((_, lost) => OnLost(lost))
            .Build();

    private void Consume(IConsumer<byte[]?, byte[]?> consumer, CancellationToken stoppingToken)
    {
        var nextCommit = _time.GetTimestamp();
        var nextReport = _time.GetTimestamp();
        var paused = false;
        var pausedCount = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_fatal is { } fatal) throw new KafkaException(fatal);
            ConsumeResult<byte[]?, byte[]?>? result;
            try
            {
                result = consumer.Consume(PollTimeout);
            }
            catch (ConsumeException ex) when (!ex.Error.IsFatal)
            {
                Log.ConsumeError(_logger, ex.Error.Code, ex.Error.Reason);
                continue;
            }
            if (result is { IsPartitionEOF: false, Message: not null }) Dispatch(result);

            // Back-pressure without leaving the group: pause fetching while the lanes are full, keep polling for callbacks.
            var inFlight = Volatile.Read(ref _inFlight);
            if (inFlight >= _options.MaxInFlight && (!paused || consumer.Assignment.Count != pausedCount))
            {
                consumer.Pause(consumer.Assignment);
                (paused, pausedCount) = (true, consumer.Assignment.Count);
                Log.Paused(_logger, inFlight);
            }
            else if (paused && inFlight <= _options.MaxInFlight / 2)
            {
                consumer.Resume(consumer.Assignment);
                paused = false;
                Log.Resumed(_logger, inFlight);
            }

            if (_time.GetElapsedTime(nextCommit) >= _options.CommitInterval)
            {
                Commit(consumer, [.. _partitions.Values]);
                var report = _time.GetElapsedTime(nextReport) >= _options.LagReportInterval;
                ReportLag(consumer, log: report);
                nextCommit = _time.GetTimestamp();
                if (report) nextReport = nextCommit;
            }
        }
    }

    private void Dispatch(ConsumeResult<byte[]?, byte[]?> result)
    {
        _status.MessageRead();
        var progress = _partitions.GetOrAdd(result.TopicPartition, tp => new PartitionProgress(tp));
        var input = _reader.Read(result);
        progress.Read(result.Offset.Value);
        Interlocked.Increment(ref _inFlight);
        var laneKey = input.Normalized.Alert is { } alert && _laneKey is not null ? _laneKey(alert) : input.Key;
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(laneKey) % (uint)_lanes.Length);
        _lanes[lane].Writer.TryWrite(new KafkaWork(input, progress));
    }

    private void OnError(Error error)
    {
        if (error.IsFatal)
        {
            Log.Fatal(_logger, error.Code, error.Reason);
            _fatal = error;
            return;
        }
        Log.ClientError(_logger, error.Code, error.Reason);
    }

    private async Task StopAsync(IConsumer<byte[]?, byte[]?> consumer, Task[] lanes)
    {
        var started = _time.GetTimestamp();
        foreach (var lane in _lanes) lane.Writer.TryComplete();
        try
        {
            await Task.WhenAll(lanes).WaitAsync(_options.DrainTimeout, _time);
        }
        catch (TimeoutException)
        {
            // Bounded shutdown: what has not started stays unread for the next owner, what is running is cancelled (its
            // investigation, if saved, is resumed by whichever worker starts next).
            foreach (var progress in _partitions.Values) progress.Revoke();
            await _processing.CancelAsync();
            try
            {
                await Task.WhenAll(lanes).WaitAsync(TimeSpan.FromSeconds(1), _time);
            }
            catch (TimeoutException)
            {
                // An intake that ignores cancellation is left behind; its offset is not committed.
            }
        }
        var partitions = _partitions.Values.ToList();
        Commit(consumer, partitions);
        var unfinished = partitions.Sum(p => p.Unfinished);
        _partitions.Clear();
        try
        {
            consumer.Close();
        }
        catch (KafkaException ex)
        {
            Log.ConsumeError(_logger, ex.Error.Code, ex.Error.Reason);
        }
        var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        Log.ConsumerStopped(_logger, elapsed, unfinished);
    }
}
