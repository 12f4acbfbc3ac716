using AgenticIR.Core.Bus;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Governance.Demotion;
using AgenticIR.Storage;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing.Fakes;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Metrics;

public sealed class MetricsWiringTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-metrics-wiring-");

    [Fact]
    public async Task AddMetrics_AfterBusAndCatalog_DecoratesBoth()
    {
        var bus = new RecordingMessageBus();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IMessageBus>(bus);
        services.AddSingleton<IPlaybookCatalog>(new EmptyCatalog());
        services.Configure<SqliteStoreOptions>(o => o.Path = Path.Combine(_work.FullName, "state.db"));
        services.AddStorage();

        services.AddMetrics(MetricsTestSupport.Paths(_work), MetricsSettings.From(Path.Combine(_work.FullName, "m.jsonl"), false, _ => null));
        await using var provider = services.BuildServiceProvider();

        Assert.Same(bus, provider.GetRequiredService<IMessageBus>());
        Assert.Equal([MessageType.DocumentationReady, MessageType.ApprovalRequired, MessageType.ActionExecuted, MessageType.OutcomeRecorded, MessageType.StageFailed],
            bus.Subscribed);
        Assert.IsType<CappedPlaybookCatalog>(provider.GetRequiredService<IPlaybookCatalog>());
        Assert.NotNull(provider.GetService<IMetricsSink>());
        // Metrics read what the outbox delivers; the store itself is left as registered.
        Assert.IsType<SqliteStateStore>(provider.GetRequiredService<IStateStore>());
    }

    [Fact]
    public void AddMetrics_Off_NoSinkAndNoSubscriberButCapsStillApply()
    {
        var bus = new RecordingMessageBus();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IMessageBus>(bus);
        services.AddSingleton<IPlaybookCatalog>(new EmptyCatalog());

        services.AddMetrics(MetricsTestSupport.Paths(_work), MetricsSettings.Off);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IMessageBus>();
        Assert.Empty(bus.Subscribed);
        Assert.Null(provider.GetService<IMetricsSink>());
        Assert.IsType<CappedPlaybookCatalog>(provider.GetRequiredService<IPlaybookCatalog>());
    }

    [Fact]
    public void From_OptionEnvironmentAndHec_ResolvedInOrder()
    {
        var env = new Dictionary<string, string?>
        {
            [MetricsSettings.JsonLinesVariable] = "env.jsonl",
            [MetricsSettings.HecUrlVariable] = "https://splunk.example.com:8088",
            [MetricsSettings.HecTokenVariable] = "00000000-0000-0000-0000-000000000001",
        };

        var settings = MetricsSettings.From("option.jsonl", longRunning: true, k => env.GetValueOrDefault(k));
        var fromEnv = MetricsSettings.From(null, longRunning: false, k => env.GetValueOrDefault(k));
        var none = MetricsSettings.From(null, longRunning: false, _ => null);

        Assert.Equal(Path.GetFullPath("option.jsonl"), settings.JsonLinesPath);
        Assert.Equal(("https://splunk.example.com:8088", "agentic_ir"), (settings.Hec!.Url, settings.Hec.Index));
        Assert.Equal(Path.GetFullPath("env.jsonl"), fromEnv.JsonLinesPath);
        Assert.False(none.Enabled);
    }

    [Fact]
    public void From_HecUrlWithoutToken_Refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            MetricsSettings.From(null, false, k => k == MetricsSettings.HecUrlVariable ? "https://splunk.example.com:8088" : null));

        Assert.Contains(MetricsSettings.HecTokenVariable, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    private sealed class EmptyCatalog : IPlaybookCatalog
    {
        public IReadOnlyList<PlaybookEntry> Entries => [];

        public PlaybookEntry? Match(string instance, string? label, IReadOnlyList<string> playbookNames) => null;

        public IReadOnlyList<string> EnabledLabels(string instance) => [];

        public bool RequiresPlaybookNames(string instance, string? label) => false;
    }
}
