using AgenticIR.Core.Playbooks;
using AgenticIR.Definitions.Playbooks;

namespace AgenticIR.Definitions.Tests.Playbooks;

public sealed class PlaybookCatalogProviderTests : IDisposable
{
    private const string Shadow = "playbooks:\n  - name: phishing\n    match: { labels: [phishing] }\n    mode: shadow\n";
    private const string Assisted = "playbooks:\n  - name: phishing\n    match: { labels: [phishing] }\n    mode: assisted\n";
    private const string Broken = "playbooks:\n  - name: phishing\n    match: { labels: [phishing] }\n    mode: sometimes\n";

    private readonly ScratchFolder _folder = new();
    private readonly ManualTimers _time = new();
    private readonly List<PlaybookReloadResult> _reported = [];

    public void Dispose() => _folder.Dispose();

    private PlaybookCatalogProvider Start(string yaml, out string path)
    {
        path = _folder.Write("playbooks.yaml", yaml);
        return new PlaybookCatalogProvider(path, _time, TimeSpan.FromSeconds(5), _reported.Add);
    }

    [Fact]
    public void TimerTick_GoodEdit_SwapsInTheNewVersion()
    {
        using var provider = Start(Shadow, out var path);
        Assert.Equal(PlaybookMode.Shadow, provider.Match("prod", "phishing", [])!.Mode);

        File.WriteAllText(path, Assisted);
        _time.Tick();

        Assert.Equal(PlaybookMode.Assisted, provider.Match("prod", "phishing", [])!.Mode);
        Assert.Equal(PlaybookReloadStatus.Applied, Assert.Single(_reported).Status);
    }

    [Fact]
    public void TimerTick_BadEdit_KeepsLastGoodAndReportsOnce()
    {
        using var provider = Start(Shadow, out var path);
        var good = provider.Current;

        File.WriteAllText(path, Broken);
        _time.Tick();
        _time.Tick();

        Assert.Same(good, provider.Current);
        Assert.Equal(PlaybookMode.Shadow, provider.Match("prod", "phishing", [])!.Mode);
        var rejected = Assert.Single(_reported);
        Assert.Equal(PlaybookReloadStatus.Rejected, rejected.Status);
        Assert.Contains(rejected.Errors, e => e.Field == "playbooks[0].mode" && e.Line == 4);

        File.WriteAllText(path, Assisted);
        Assert.Equal(PlaybookReloadStatus.Applied, provider.CheckForChanges().Status);
        Assert.Equal(PlaybookMode.Assisted, provider.Match("prod", "phishing", [])!.Mode);
    }

    [Fact]
    public void CheckForChanges_FileUntouched_Unchanged()
    {
        using var provider = Start(Shadow, out _);

        Assert.Equal(PlaybookReloadStatus.Unchanged, provider.CheckForChanges().Status);
        Assert.Empty(_reported);
    }

    [Fact]
    public void Constructor_InvalidFile_FailsStartUp()
    {
        var path = _folder.Write("playbooks.yaml", Broken);

        Assert.Throws<DefinitionValidationException>(() => new PlaybookCatalogProvider(path, _time));
    }

    /// <summary>A clock whose timers fire only when the test says so.</summary>
    private sealed class ManualTimers : TimeProvider
    {
        private readonly List<(TimerCallback Callback, object? State)> _timers = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _timers.Add((callback, state));
            return new NoTimer();
        }

        public void Tick()
        {
            foreach (var (callback, state) in _timers) callback(state);
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
