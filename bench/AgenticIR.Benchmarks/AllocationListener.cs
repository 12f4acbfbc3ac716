using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace AgenticIR.Benchmarks;

/// <summary>Allocation by type, sampled by the runtime (one <c>GCAllocationTick</c> event per ~100 KB allocated, naming
/// the type of the object that crossed the threshold): over a run of thousands of alerts the sampled bytes per type are
/// a fair share of what each type costs the GC. Types only; the runtime's events carry no stacks to an in-process
/// listener.</summary>
internal sealed class AllocationListener : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Record() => _recording = true;

    public void Stop() => _recording = false;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null) return;
        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload![t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload![a], CultureInfo.InvariantCulture) : 0;
        _bytes.AddOrUpdate(type, amount, (_, seen) => seen + amount);
    }

    public void Print(int count, int top = 25)
    {
        var total = _bytes.Values.Sum();
        Console.WriteLine($"allocation by type (sampled, {top} largest of {_bytes.Count} types):");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine($"  {(100.0 * bytes / Math.Max(1, total)).ToString("0.0", CultureInfo.InvariantCulture),5} %  {(bytes / 1024.0 / count).ToString("0.0", CultureInfo.InvariantCulture),7} KB per alert  {type}");
    }
}
