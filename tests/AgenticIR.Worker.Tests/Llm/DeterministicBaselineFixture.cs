using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Ports;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Llm;

/// <summary>The deterministic run of the sample alerts and the hostile corpus, once for every model test to compare with.</summary>
public sealed class DeterministicBaselineFixture : IAsyncLifetime
{
    public static IReadOnlyList<string> Inputs { get; } = [Path.Combine(RepoPaths.Samples, "alerts"), RepoPaths.HostileCorpus];

    internal ReplayRun Run { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await using var harness = await ReplayHarness.CreateAsync(overrides: s => s.AddSingleton<IReasoner>(new DeterministicReasoner()));
        Run = await harness.ReplayAsync(Inputs, CancellationToken.None, lanes: 1);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
