using System.Buffers;
using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Hec;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Splunk.Sinks;

/// <summary>Appends each event as one line, in the HEC envelope, for a Universal Forwarder (its monitor input is in
/// docs/splunk.md). Lines are flushed one by one so the forwarder never reads half an event. Idempotent by
/// <see cref="MetricsEvent.EventId"/> like the HEC outbox: the ids of the file's last lines are read when it is first
/// opened, so a message the outbox delivers again after a crash does not write its events a second time.</summary>
public sealed class JsonLinesMetricsSink : IMetricsSink, IAsyncDisposable
{
    /// <summary>How much of an existing file's end is read for the ids already written.</summary>
    public const int TailBytesRead = 8 * 1024 * 1024;

    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private static readonly byte[] EventIdProperty = "\"event\":{\"event_id\":\""u8.ToArray();

    private readonly JsonLinesSinkOptions _options;
    private readonly ILogger _logger;
    private readonly HecEnvelopeSettings _envelope;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _path;
    private readonly Emission.RecentEventIds _written = new(capacity: 100_000);
    private FileStream? _stream;

    /// <summary>Creates the sink; the file and its folder are created on the first event.</summary>
    public JsonLinesMetricsSink(JsonLinesSinkOptions options, ILogger<JsonLinesMetricsSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        _path = System.IO.Path.GetFullPath(options.Path);
        _envelope = new HecEnvelopeSettings(options.Host, options.Index);
    }

    /// <inheritdoc />
    public Task EmitAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metricsEvent);
        return EmitAsync([metricsEvent], cancellationToken);
    }

    /// <summary>Writes all the events (e.g. one investigation's) with one write and one flush: whole lines only, so the
    /// forwarder still never reads half an event, at a fraction of the system calls.</summary>
    public async Task EmitAsync(IReadOnlyList<MetricsEvent> metricsEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metricsEvents);
        if (metricsEvents.Count == 0) return;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stream = Open();
            var lines = new ArrayBufferWriter<byte>(512 * metricsEvents.Count);
            foreach (var metricsEvent in metricsEvents)
            {
                if (!_written.TryAdd(metricsEvent.EventId)) continue;
                HecEnvelope.Write(lines, _envelope, metricsEvent.Sourcetype, metricsEvent.Time, MetricsJson.SerializeBody(metricsEvent));
                lines.Write(NewLine);
            }
            if (lines.WrittenCount == 0) return;
            if (_options.MaxFileBytes > 0 && stream.Length > 0 && stream.Length + lines.WrittenCount > _options.MaxFileBytes)
                stream = await RotateAsync();
            await stream.WriteAsync(lines.WrittenMemory, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stream is not null) await _stream.DisposeAsync();
        _gate.Dispose();
    }

    private FileStream Open()
    {
        if (_stream is not null) return _stream;
        var directory = System.IO.Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var endsMidLine = ReadWrittenIds();
        _stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
        // A process killed mid-write left half a line: end it, so the next event starts a line of its own.
        if (endsMidLine) _stream.Write(NewLine);
        return _stream;
    }

    // Remembers the event ids of the lines at the end of an existing file; true when it does not end with a line break.
    private bool ReadWrittenIds()
    {
        if (!File.Exists(_path)) return false;
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (file.Length == 0) return false;
        var start = Math.Max(0, file.Length - TailBytesRead);
        file.Seek(start, SeekOrigin.Begin);
        var tail = new byte[file.Length - start];
        file.ReadExactly(tail);
        var lines = tail.AsSpan();
        // Reading from the middle of the file starts mid-line: that first piece is skipped.
        if (start > 0) lines = lines[(lines.IndexOf((byte)'\n') + 1)..];
        // A line cut short by a kill is not a written event: it is written again.
        lines = lines[..(lines.LastIndexOf((byte)'\n') + 1)];
        foreach (var range in lines.Split((byte)'\n'))
        {
            var line = lines[range];
            var at = line.IndexOf(EventIdProperty);
            if (at < 0) continue;
            var id = line[(at + EventIdProperty.Length)..];
            var end = id.IndexOf((byte)'"');
            if (end > 0) _written.TryAdd(System.Text.Encoding.UTF8.GetString(id[..end]));
        }
        return tail[^1] != (byte)'\n';
    }

    private async Task<FileStream> RotateAsync()
    {
        await _stream!.DisposeAsync();
        _stream = null;
        var oldest = $"{_path}.{_options.MaxFiles}";
        if (File.Exists(oldest)) File.Delete(oldest);
        for (var n = _options.MaxFiles - 1; n >= 1; n--)
        {
            var from = $"{_path}.{n}";
            if (File.Exists(from)) File.Move(from, $"{_path}.{n + 1}");
        }
        File.Move(_path, $"{_path}.1");
        Log.MetricsFileRotated(_logger, _path);
        return Open();
    }
}
