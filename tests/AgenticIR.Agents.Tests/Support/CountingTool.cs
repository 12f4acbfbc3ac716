using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Agents.Tests.Support;

/// <summary>Wraps a tool and records every query it runs, optionally advancing a clock per run.</summary>
public sealed class CountingTool(IInvestigationTool inner, FakeTimeProvider? clock = null, TimeSpan? perRun = null) : IInvestigationTool
{
    private readonly List<string> _queries = [];

    public IReadOnlyList<string> Queries => _queries;
    public string Name => inner.Name;
    public string Description => inner.Description;
    public IReadOnlySet<ObservableType> Accepts => inner.Accepts;
    public int Cost => inner.Cost;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        _queries.Add($"{ObservableTypeNames.ToWire(subject.Type)}:{subject.Value}");
        if (clock is not null && perRun is { } by) clock.Advance(by);
        return inner.RunAsync(subject, context, cancellationToken);
    }
}
