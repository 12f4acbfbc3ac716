using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Reasoning;
using AgenticIR.Llm;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Tests.Llm;

public sealed class ModelSecretTests
{
    private const string Key = "sk-test-9f8e7d6c5b4a39281706";

    [Fact]
    public async Task Replay_ApiKeySetAndModelFailing_KeySentAsBearerButInNoLogReportOrDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = ModelServer.Status(500);
        var logs = new CapturingLoggerFactory();
        var work = Directory.CreateTempSubdirectory("agentic-ir-llm-key-");
        try
        {
            await using (var harness = await ReplayHarness.CreateAsync(work: work, cancellationToken: ct, overrides: s =>
            {
                s.AddSingleton<ILoggerFactory>(logs);
                s.AddLlmReasoner(server.Settings(Key), new DeterministicReasoner());
            }))
            {
                var run = await harness.ReplayAsync([Path.Combine(RepoPaths.Samples, "alerts", "01-phish-url-credential-harvest.json")], ct);
                Assert.Equal("processed", Assert.Single(run.Lines).Status);
                Assert.DoesNotContain(Key, System.Text.Json.JsonSerializer.Serialize(run.Lines), StringComparison.Ordinal);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            Assert.All(server.Server.LogEntries, e => Assert.Equal($"Bearer {Key}", e.RequestMessage!.Headers!["Authorization"].Single()));
            Assert.Contains(logs.Entries, e => e.Contains("fell back", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Entries, e => e.Contains(Key, StringComparison.Ordinal));
            foreach (var file in work.EnumerateFiles("*", SearchOption.AllDirectories))
                Assert.DoesNotContain(Key, await File.ReadAllTextAsync(file.FullName, ct), StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void ToString_EndpointWithKey_ShowsNeitherKeyNorValue()
    {
        var settings = new ModelEndpointSettings { BaseUrl = new Uri("http://127.0.0.1:11434/v1"), Model = "m", ApiKey = new ModelApiKey(Key) };

        Assert.DoesNotContain(Key, settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, $"{settings.ApiKey}", StringComparison.Ordinal);
        Assert.Equal(Key, settings.ApiKey!.Reveal());
    }
}
