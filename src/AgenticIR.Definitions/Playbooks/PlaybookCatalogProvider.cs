using System.Security.Cryptography;
using AgenticIR.Core.Playbooks;

namespace AgenticIR.Definitions.Playbooks;

/// <summary>The playbook entries in force, re-read when config/playbooks.yaml changes. The file's hash is polled on a
/// <see cref="TimeProvider"/> timer (cheaper and more dependable than file-system events on container mounts and
/// network shares); a valid change is swapped in atomically, an invalid one is reported once and the last good
/// version stays in force.</summary>
public sealed class PlaybookCatalogProvider : IPlaybookCatalog, IDisposable
{
    /// <summary>How often the file is checked unless told otherwise.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    private readonly string _path;
    private readonly Action<PlaybookReloadResult>? _onChange;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private volatile PlaybookCatalog _current;
    private string _lastSeenHash;

    /// <summary>Loads the file (an invalid file fails start-up) and starts watching it.</summary>
    /// <param name="path">Path of config/playbooks.yaml.</param>
    /// <param name="time">Clock driving the checks.</param>
    /// <param name="pollInterval">Time between checks; <see cref="DefaultPollInterval"/> when null.</param>
    /// <param name="onChange">Called after each applied or rejected change (e.g. to log it); never for unchanged checks.</param>
    /// <exception cref="DefinitionValidationException">The file is invalid at start-up.</exception>
    public PlaybookCatalogProvider(string path, TimeProvider time, TimeSpan? pollInterval = null, Action<PlaybookReloadResult>? onChange = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        _path = path;
        _onChange = onChange;
        _current = PlaybookCatalogLoader.Load(path);
        _lastSeenHash = _current.Hash;
        var interval = pollInterval ?? DefaultPollInterval;
        _timer = time.CreateTimer(_ => CheckForChanges(), null, interval, interval);
    }

    /// <summary>The version in force.</summary>
    public PlaybookCatalog Current => _current;

    /// <inheritdoc />
    public IReadOnlyList<PlaybookEntry> Entries => _current.Entries;

    /// <inheritdoc />
    public PlaybookEntry? Match(string instance, string? label, IReadOnlyList<string> playbookNames) => _current.Match(instance, label, playbookNames);

    /// <inheritdoc />
    public IReadOnlyList<string> EnabledLabels(string instance) => _current.EnabledLabels(instance);

    /// <inheritdoc />
    public bool RequiresPlaybookNames(string instance, string? label) => _current.RequiresPlaybookNames(instance, label);

    /// <summary>Checks the file now (the timer calls this); applies a valid change, rejects an invalid one.</summary>
    public PlaybookReloadResult CheckForChanges()
    {
        lock (_gate)
        {
            var seen = HashOf(_path);
            if (seen == _lastSeenHash) return new PlaybookReloadResult(PlaybookReloadStatus.Unchanged, _current.Hash, []);
            var (catalog, errors) = PlaybookCatalogLoader.TryLoad(_path);
            // Remember what was seen, good or bad, so a bad edit is reported once rather than on every check.
            _lastSeenHash = catalog?.Hash ?? seen;
            PlaybookReloadResult result;
            if (catalog is null)
            {
                result = new PlaybookReloadResult(PlaybookReloadStatus.Rejected, _current.Hash, errors);
            }
            else
            {
                _current = catalog;
                result = new PlaybookReloadResult(PlaybookReloadStatus.Applied, catalog.Hash, []);
            }
            _onChange?.Invoke(result);
            return result;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private static string HashOf(string path)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable (e.g. mid-replace): treated as a change, which the loader then reports and rejects.
            return "unreadable:" + ex.GetType().Name;
        }
    }
}
