using System.Diagnostics;

namespace AgenticIR.Testing.Storage;

/// <summary>A PostgreSQL cluster of one test's own (<c>scripts/throwaway-postgres.sh</c>), for tests that stop and start
/// the server: the shared server other tests use (<see cref="PostgresTestServer"/>) is never touched. Removed on disposal.</summary>
public sealed class ThrowawayPostgresCluster : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agentic-ir-own-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private bool _started;

    /// <summary>Creates and starts the cluster; returns a keyword connection string for its superuser.</summary>
    public async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        var output = await ScriptAsync("start", cancellationToken);
        _started = true;
        return output.Trim();
    }

    /// <summary>Stops the server with a fast shutdown (<c>pg_ctl stop -m fast</c>: open sessions are ended, 57P01) and
    /// returns once it is down.</summary>
    public Task DownAsync(CancellationToken cancellationToken) => ScriptAsync("down", cancellationToken);

    /// <summary>Starts the stopped server again on its port and returns once it accepts connections.</summary>
    public Task UpAsync(CancellationToken cancellationToken) => ScriptAsync("up", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_started) await ScriptAsync("stop", CancellationToken.None);
    }

    private async Task<string> ScriptAsync(string verb, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "throwaway-postgres.sh"));
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(_folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash cannot be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"throwaway-postgres.sh {verb} failed (exit {process.ExitCode}): {(await error).Trim()}");
        return await output;
    }
}
