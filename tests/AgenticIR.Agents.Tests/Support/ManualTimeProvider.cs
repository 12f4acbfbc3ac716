namespace AgenticIR.Agents.Tests.Support;

/// <summary>A clock that moves only when a test (or a fake tool) advances it; timestamps follow the same clock.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualTimeProvider() : this(new DateTimeOffset(2026, 11, 19, 16, 0, 0, TimeSpan.Zero))
    {
    }

    public void Advance(TimeSpan by) => _now += by;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _now.UtcTicks;
}
