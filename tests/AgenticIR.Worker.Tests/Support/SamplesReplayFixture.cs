using AgenticIR.Testing;
using AgenticIR.Worker.Replay;

namespace AgenticIR.Worker.Tests.Support;

/// <summary>Replays samples/alerts once for every scenario test of a class.</summary>
public sealed class SamplesReplayFixture : IAsyncLifetime
{
    private ReplayHarness? _harness;

    internal ReplayHarness Harness => _harness ?? throw new InvalidOperationException("not initialized");
    public ReplayRun Result { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await ReplayHarness.CreateAsync();
        Result = await _harness.ReplayAsync([Path.Combine(RepoPaths.Samples, "alerts")], CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }

    public ReplayLine LineFor(string file) => Result.Lines.Single(l => l.Input == file);
}
