using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Shadow;
using AgenticIR.Testing;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Metrics;

/// <summary>Builds pipelines with metrics wired the way the host wires them, and reads what the sinks wrote.</summary>
internal static class MetricsTestSupport
{
    public static ResolvedPaths Paths(DirectoryInfo work, string? policyPath = null) => ResolvedPaths.From(new WorkerOptions
    {
        Home = RepoPaths.Root,
        PolicyPath = policyPath,
        DatabasePath = Path.Combine(work.FullName, "state.db"),
        ReportsPath = Path.Combine(work.FullName, "reports"),
    });

    /// <summary>A replay harness on <paramref name="work"/> whose pipeline has <c>AddMetrics</c> with these settings.</summary>
    public static Task<ReplayHarness> HarnessAsync(DirectoryInfo work, MetricsSettings settings, CancellationToken cancellationToken,
        string? policyPath = null, Action<IServiceCollection>? more = null)
    {
        var paths = Paths(work, policyPath);
        return ReplayHarness.CreateAsync(policyPath, services =>
        {
            more?.Invoke(services);
            services.AddMetrics(paths, settings);
        }, work, cancellationToken);
    }

    /// <summary>Every line of a JSON-lines metrics file: (sourcetype, event body).</summary>
    public static IReadOnlyList<(string Sourcetype, JsonElement Event)> ReadEvents(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return (root.GetProperty("sourcetype").GetString()!, root.GetProperty("event").Clone());
        })];

    /// <summary>A final comparison of one container.</summary>
    public static ShadowComparison Comparison(string playbook, Severity severity, bool agrees, DateTimeOffset observedAt, int container,
        IReadOnlyList<string>? agentActions = null, string analystDisposition = "true_positive") => new()
    {
        Instance = "prod",
        ContainerId = container.ToString(System.Globalization.CultureInfo.InvariantCulture),
        InvestigationId = $"inv-test-{container}",
        Playbook = playbook,
        AgentSeverity = severity.ToWire(),
        ContainerSeverity = agrees ? severity.ToWire() : (severity == Severity.Low ? "high" : "low"),
        SeverityAgreement = agrees,
        AgentDisposition = "true_positive",
        AnalystDisposition = agrees ? "true_positive" : analystDisposition,
        DispositionAgreement = agrees || analystDisposition == "true_positive",
        AgentActions = agentActions ?? ["block_ip"],
        PlaybookActions = ["block_ip"],
        ActionOverlap = 1,
        ExtraFindings = [],
        AgentDecisionSeconds = 3.5,
        PlaybookDecisionSeconds = 240,
        ContainerStatus = "closed",
        ClosedAt = observedAt,
        Final = true,
        ObservedAt = observedAt,
    };
}
