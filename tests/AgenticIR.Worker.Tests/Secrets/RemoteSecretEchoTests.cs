using System.Diagnostics;
using System.Text;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Metrics;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace AgenticIR.Worker.Tests.Secrets;

/// <summary>The built CLI against a HEC and a Splunk SOAR that echo our credentials back in their error bodies: the
/// token reaches the wire (in its header) and nothing else: not the console, not the log file, not a byte of the
/// database.</summary>
public sealed class RemoteSecretEchoTests : IDisposable
{
    private const string HecToken = "6b1f3d9e-2a4c-4e8b-9d7f-0c1e2a3b4c5d";
    private const string SoarToken = "c29hci1hdXRv/bWF0aW9u+dG9rZW4=42";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-echo-");
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose()
    {
        _server.Stop();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left-over temp files do not make a test wrong.
        }
    }

    private string DbFolder => Path.Combine(_work.FullName, "db");

    private string Db => Path.Combine(DbFolder, "state.db");

    [Fact]
    public async Task Hec_RefusalEchoesTheAuthorizationHeader_TokenInNoOutputLogOrStoredColumn()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.Given(Request.Create().WithPath("/services/collector/event").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401).WithBody((IRequestMessage request) =>
                $$"""{"text":"Invalid authorization header: {{request.Headers!["Authorization"].Single()}}","code":3}"""));
        var environment = new Dictionary<string, string> { ["AGENTICIR_HEC_URL"] = _server.Url!, ["AGENTICIR_HEC_TOKEN"] = HecToken };
        var sample = Path.Combine(RepoPaths.Samples, "alerts", "01-phish-url-credential-harvest.json");
        var output = new StringBuilder();

        var (code, replayed) = await CliProcess.RunAsync(_work.FullName, environment, ct, CliProcess.WithHome("replay", sample, "--db", Db));
        Assert.True(code == 0, replayed);
        output.Append(replayed);
        var outbox = new SqliteMetricsOutbox(new SqliteStoreOptions { Path = Db }, TimeProvider.System);
        output.Append(await RunUntilAsync(environment, async () => (await outbox.CountAsync(ct)).DeadLettered > 0, ct, "run", "--inbox", Inbox(), "--db", Db));
        var (_, status) = await CliProcess.RunAsync(_work.FullName, environment, ct, CliProcess.WithHome("metrics", "status", "--db", Db));
        output.Append(status);

        Assert.All(_server.LogEntries, e => Assert.Equal("Splunk " + HecToken, e.RequestMessage!.Headers!["Authorization"].Single()));
        var dead = await outbox.ListDeadLettersAsync(100, ct);
        Assert.NotEmpty(dead);
        Assert.All(dead, d => Assert.Equal("HTTP 401 code 3: Invalid authorization header: Splunk ***", d.LastError));
        Assert.Contains("Invalid authorization header: Splunk ***", output.ToString(), StringComparison.Ordinal);
        AssertNowhere(HecToken, output.ToString());
    }

    [Fact]
    public async Task Soar_ErrorsEchoTheToken_TokenInNoOutputLogOrDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json").WithBody((IRequestMessage request) =>
            {
                var token = request.Headers!["ph-auth-token"].Single();
                var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(token));
                return $$"""{"failed": true, "message": "request refused: ph-auth-token {{token}} (base64 {{base64}}) may not read {{request.Path}}"}""";
            }));
        var config = SoarConfigFolder.Create(_work.FullName, $"""
            splunk_soar:
              - name: echoing
                base_url: {_server.Url}
                allow_http: true
                token_env: AGENTICIR_TEST_SOAR_TOKEN
                timeout_seconds: 5
                poll_interval_seconds: 1
            """);
        var environment = new Dictionary<string, string> { ["AGENTICIR_TEST_SOAR_TOKEN"] = SoarToken };
        var output = new StringBuilder();

        var (code, validated) = await CliProcess.RunAsync(_work.FullName, environment, ct, CliProcess.WithHome("validate", "--live", "--policy", config.Policy, "--db", Db));
        output.Append(validated);
        output.Append(await RunUntilAsync(environment, () => Task.FromResult(LogText().Contains("bridge cycle failed", StringComparison.Ordinal)), ct,
            "run", "--inbox", Inbox(), "--policy", config.Policy, "--db", Db));

        Assert.Equal(1, code);
        // The console wraps long lines where it likes; the words are what matter.
        Assert.Contains("HTTP 400: request refused: ph-auth-token *** (base64 ***) may not read /rest/app", Words(validated), StringComparison.Ordinal);
        Assert.Contains("ph-auth-token *** (base64 ***)", LogText(), StringComparison.Ordinal);
        Assert.All(_server.LogEntries, e => Assert.Equal(SoarToken, e.RequestMessage!.Headers!["ph-auth-token"].Single()));
        AssertNowhere(SoarToken, output.ToString());
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private string Inbox() => Directory.CreateDirectory(Path.Combine(_work.FullName, "inbox")).FullName;

    private string LogText() => Directory.Exists(Path.Combine(DbFolder, "logs"))
        ? string.Concat(Directory.GetFiles(Path.Combine(DbFolder, "logs")).Select(f => ReadShared(f)))
        : "";

    /// <summary>Runs the worker until <paramref name="done"/> holds (or a minute passed), then stops it; returns what it printed.</summary>
    private async Task<string> RunUntilAsync(Dictionary<string, string> environment, Func<Task<bool>> done, CancellationToken ct, params string[] args)
    {
        using var worker = CliProcess.Start(_work.FullName, environment, CliProcess.WithHome(args));
        var stdout = worker.StandardOutput.ReadToEndAsync(ct);
        var stderr = worker.StandardError.ReadToEndAsync(ct);
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(1);
        var reached = false;
        try
        {
            while (!worker.HasExited && TimeProvider.System.GetUtcNow() < deadline && !(reached = await done()))
                await Task.Delay(100, ct);
        }
        finally
        {
            Stop(worker);
            await worker.WaitForExitAsync(ct);
        }
        var printed = await stdout + await stderr;
        Assert.True(reached, "the worker never reached the expected state:" + Environment.NewLine + printed);
        return printed;
    }

    private static void Stop(Process worker)
    {
        if (!worker.HasExited) worker.Kill(entireProcessTree: true);
    }

    /// <summary>The secret is absent from the printed output, every log file and every byte of the database files
    /// (SQLite main file, WAL and shared memory), in any of the forms a server may have echoed it in.</summary>
    private void AssertNowhere(string secret, string printed)
    {
        // The test's own pooled connections closed first: the last close checkpoints and removes the WAL, which must not
        // happen between listing the files and reading them.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string[] forms = [secret, secret[..10], Uri.EscapeDataString(secret), Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))[..12]];
        foreach (var form in forms)
        {
            Assert.DoesNotContain(form, printed, StringComparison.OrdinalIgnoreCase);
            foreach (var file in Directory.GetFiles(DbFolder, "*", SearchOption.AllDirectories))
                Assert.False(ReadShared(file).Contains(form, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} holds the secret");
        }
    }

    // Latin-1 maps every byte to one character, so ASCII secrets are found in binary database pages too.
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Encoding.Latin1.GetString(memory.ToArray());
    }
}
