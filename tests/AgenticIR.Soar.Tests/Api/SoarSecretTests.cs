using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.Resilience;
using AgenticIR.Testing.Fakes;
using WireMock.Server;

namespace AgenticIR.Soar.Tests.Api;

/// <summary>Where tokens come from, and that they never reach a log line, an exception or a printed object.</summary>
public sealed class SoarSecretTests : IClassFixture<WireMockFixture>
{
    private const string Token = SoarTestClients.Token;
    private readonly WireMockServer _server;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public SoarSecretTests(WireMockFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public void Resolve_EnvironmentVariable_Trimmed()
    {
        var resolver = new SoarSecretResolver(name => name == "SOAR_TOKEN" ? $"  {Token}\n" : null, _ => throw new IOException());

        var secret = resolver.Resolve(Instance(env: "SOAR_TOKEN"));

        Assert.Equal(Token, secret.Reveal());
        Assert.Equal("***", secret.ToString());
    }

    [Fact]
    public void Resolve_File_Trimmed()
    {
        var path = Path.Combine(Path.GetTempPath(), "agenticir-token-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, Token + "\n");
        try
        {
            Assert.Equal(Token, new SoarSecretResolver().Resolve(Instance(file: path)).Reveal());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ResolveAll_MissingAndEmpty_OneErrorNamingEveryInstanceAndSource()
    {
        var resolver = new SoarSecretResolver(name => name == "EMPTY" ? "   " : null, path => path == "/empty" ? "\n" : throw new FileNotFoundException(Token));
        SoarInstanceDefinition[] instances =
        [
            Instance("a", env: "UNSET"), Instance("b", env: "EMPTY"), Instance("c", file: "/missing"), Instance("d", file: "/empty"),
        ];

        var ex = Assert.Throws<SoarConfigurationException>(() => resolver.ResolveAll(instances));

        Assert.Equal(4, ex.Problems.Count);
        Assert.Contains("'a': environment variable UNSET is not set or empty", ex.Problems[0], StringComparison.Ordinal);
        Assert.Contains("'b': environment variable EMPTY is not set or empty", ex.Problems[1], StringComparison.Ordinal);
        Assert.Contains("'c': token file /missing cannot be read (FileNotFoundException)", ex.Problems[2], StringComparison.Ordinal);
        Assert.Contains("'d': token file /empty is empty", ex.Problems[3], StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_TokenNeverInExceptionsLogsOrPrintedObjects()
    {
        var logs = new CapturingLoggerProvider();
        var time = new DrivenTimeProvider();
        // A server that echoes the token back in its error messages is the worst case.
        _server.Stub("GET", "/rest/version", 500, $$"""{"failed": true, "message": "bad header ph-auth-token: {{Token}}"}""");
        _server.Stub("POST", "/rest/note", 400, $$"""{"failed": true, "message": "token {{Token}} lacks note rights"}""");
        _server.Stub("GET", "/rest/container/1", 401, $$"""{"failed": true, "message": "Invalid token {{Token}}"}""");
        var definition = SoarTestClients.Instance(_server.Url!);
        var messages = new List<string>();

        using (var client = SoarTestClients.Create(_server.Url!, time, logs, new SoarResilienceSettings { MinimumThroughput = 100, MaxDelay = TimeSpan.FromSeconds(2) }))
        {
            messages.Add((await Assert.ThrowsAsync<SoarUnavailableException>(() => time.DriveAsync(client.GetVersionAsync(_ct), TimeSpan.FromSeconds(10)))).ToString());
            messages.Add((await Assert.ThrowsAsync<SoarRequestException>(() => client.CreateNoteAsync(new NewNote(1, "t", "c"), _ct))).ToString());
            messages.Add((await Assert.ThrowsAsync<SoarUnauthorizedException>(() => client.GetContainerAsync(1, _ct))).ToString());
            messages.Add((await Assert.ThrowsAsync<SoarUnauthorizedException>(() => client.GetVersionAsync(_ct))).ToString());
        }
        using (var refused = SoarTestClients.Create("http://localhost:1", time, logs, new SoarResilienceSettings { MaxRetries = 1, MaxDelay = TimeSpan.FromSeconds(2) }))
        {
            messages.Add((await Assert.ThrowsAsync<SoarUnavailableException>(() => time.DriveAsync(refused.GetVersionAsync(_ct), TimeSpan.FromSeconds(10)))).ToString());
        }

        Assert.Contains(messages, m => m.Contains("Invalid token ***", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, e => e.EventId == 4100);
        Assert.NotEmpty(logs.Lines);
        Assert.All(messages, m => Assert.DoesNotContain(Token, m, StringComparison.Ordinal));
        Assert.DoesNotContain(Token, logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, definition.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, new SoarSecret(Token).ToString(), StringComparison.Ordinal);
        // The token did go on the wire, in the header only.
        Assert.All(_server.LogEntries, e => Assert.Equal(Token, Assert.Single(e.RequestMessage!.Headers!["ph-auth-token"])));
    }

    private static SoarInstanceDefinition Instance(string name = "lab", string? env = null, string? file = null) =>
        new() { Name = name, BaseUrl = new Uri("https://soar.example.com"), TokenEnv = env, TokenFile = file };
}
