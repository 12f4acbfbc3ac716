using System.Diagnostics;
using System.Globalization;

namespace AgenticIR.Worker.Hosting;

/// <summary>Fault injection for crash tests: with <c>AGENTICIR_TEST_KILL_AFTER_COMMITS=N</c> the process sends itself
/// SIGKILL right after the state store's Nth committed transaction, so a test can stop a real run at an exact point
/// without guessing at timing. Unset (the default), nothing is wired.</summary>
internal static class CrashInjection
{
    public const string Variable = "AGENTICIR_TEST_KILL_AFTER_COMMITS";

    public static Action? AfterCommitFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1) return null;
        var commits = 0;
        return () =>
        {
            if (Interlocked.Increment(ref commits) < limit) return;
            using var self = Process.GetCurrentProcess();
            self.Kill();
        };
    }
}
