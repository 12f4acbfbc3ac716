using AgenticIR.Core.State;
using AgenticIR.Worker.Replay;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Hostile;

/// <summary>Replays the hostile corpus once, in file order on one lane, through the whole pipeline (temp SQLite database,
/// config/governance.yaml, samples/data context), and keeps every line and investigation for the property tests.</summary>
public sealed class HostileCorpusFixture : IAsyncLifetime
{
    private ReplayHarness? _harness;

    public ReplayRun Result { get; private set; } = null!;

    /// <summary>Investigations by id, as stored after the replay.</summary>
    public IReadOnlyDictionary<string, InvestigationRecord> Investigations { get; private set; } = new Dictionary<string, InvestigationRecord>();

    /// <summary>The protected targets of the policy the pipeline ran with.</summary>
    public AgenticIR.Core.Policy.ProtectedTargets ProtectedTargets { get; private set; } = AgenticIR.Core.Policy.ProtectedTargets.None;

    public async ValueTask InitializeAsync()
    {
        _harness = await ReplayHarness.CreateAsync();
        ProtectedTargets = _harness.Pipeline.Policy.ProtectedTargets;
        Result = await _harness.ReplayAsync(HostileCase.All.Select(c => c.FullPath), CancellationToken.None, lanes: 1);
        var investigations = new Dictionary<string, InvestigationRecord>(StringComparer.Ordinal);
        foreach (var id in Result.Lines.Select(l => l.InvestigationId).OfType<string>().Distinct(StringComparer.Ordinal))
            investigations[id] = await _harness.InvestigationAsync(id, CancellationToken.None);
        Investigations = investigations;
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }

    /// <summary>The line of one corpus file, or null when the replay produced none.</summary>
    public ReplayLine? LineFor(HostileCase hostile) => Result.Lines.SingleOrDefault(l => l.Input == hostile.File);

    /// <summary>The investigation a corpus file landed in, or null.</summary>
    public InvestigationRecord? InvestigationOf(HostileCase hostile) =>
        LineFor(hostile)?.InvestigationId is { } id ? Investigations.GetValueOrDefault(id) : null;

    /// <summary>Each investigation with the corpus files that landed in it, in file order.</summary>
    public IEnumerable<(InvestigationRecord Investigation, IReadOnlyList<HostileCase> Cases)> ByInvestigation() =>
        HostileCase.All.Select(c => (Case: c, Investigation: InvestigationOf(c)))
            .Where(x => x.Investigation is not null)
            .GroupBy(x => x.Investigation!.Id, StringComparer.Ordinal)
            .Select(g => (g.First().Investigation!, (IReadOnlyList<HostileCase>)[.. g.Select(x => x.Case)]));
}
