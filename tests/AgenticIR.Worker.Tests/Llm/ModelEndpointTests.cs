using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Reasoning;
using AgenticIR.Llm;
using AgenticIR.Testing;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Llm;

/// <summary>The request shapes the model reasoner sends: Azure OpenAI's deployment API, and what becomes of a tool call to
/// a function it never offered.</summary>
public sealed class ModelEndpointTests(DeterministicBaselineFixture baseline) : IClassFixture<DeterministicBaselineFixture>
{
    private const string Deployment = "gpt-4o-mini-soc";
    private const string ApiVersion = "2024-10-21";
    private const string Key = "azure-key-7f3a";

    [Fact]
    public async Task Replay_AzureDeployment_DeploymentPathApiVersionAndApiKeyHeader()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = ModelServer.Azure(Deployment, ApiVersion, Key);
        await using var harness = await ReplayHarness.CreateAsync(
            overrides: s => s.AddLlmReasoner(server.AzureSettings(Deployment, ApiVersion, Key), new DeterministicReasoner()), cancellationToken: ct);

        var run = await harness.ReplayAsync([Path.Combine(RepoPaths.Samples, "alerts")], ct, lanes: 1);

        var processed = run.Lines.Where(l => l.Status == "processed").ToList();
        Assert.NotEmpty(processed);
        // The server answers only the Azure shape, so a used reply proves the request had it.
        Assert.All(processed, l => Assert.Equal(0, l.Llm!.Fallbacks));
        Assert.NotEmpty(server.Server.LogEntries);
        Assert.All(server.Server.LogEntries, e =>
        {
            var request = e.RequestMessage!;
            Assert.Equal($"/openai/deployments/{Deployment}/chat/completions", request.Path);
            Assert.Equal(ApiVersion, request.Query!["api-version"].Single());
            Assert.Equal(Key, request.Headers!["api-key"].Single());
            Assert.False(request.Headers.ContainsKey("Authorization"), "the key goes in api-key only");
            Assert.NotNull(e.ResponseMessage);
            Assert.Equal(200, e.ResponseMessage!.StatusCode);
        });
    }

    [Fact]
    public async Task Replay_ModelCallsFunctionsNeverOffered_CallsDiscardedAndDecisionsEqualTheRules()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = ModelServer.ToolCaller();
        await using var harness = await ReplayHarness.CreateAsync(overrides: s => s.AddLlmReasoner(server.Settings(), new DeterministicReasoner()), cancellationToken: ct);

        var run = await harness.ReplayAsync(DeterministicBaselineFixture.Inputs, ct, lanes: 1);

        var rules = Decisions.Of(baseline.Run);
        Assert.All(Decisions.Of(run), pair => Assert.Equal(rules[pair.Key].ToString(), pair.Value.ToString()));
        // Nothing was invoked: every request offered no tool, and every reply made of tool calls became a visible fallback.
        Assert.All(server.RequestBodies(), body => Assert.Null(body["tools"]));
        foreach (var line in run.Lines.Where(l => l.Status == "processed"))
        {
            var record = await harness.InvestigationAsync(line.InvestigationId!, ct);
            var usage = record.Incident!.ModelUsage!;
            Assert.Equal(usage.Calls, usage.Fallbacks);
            Assert.All(usage.Notes, n => Assert.Contains("tool call, none offered", n, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Register_AzureApiVersionTheConnectorDoesNotKnow_ConfigurationErrorNamingIt()
    {
        var settings = new ModelEndpointSettings
        {
            BaseUrl = new Uri("https://soc.openai.azure.com"), Model = "m", AzureDeployment = "d", AzureApiVersion = "1999-01-01", ApiKey = new ModelApiKey(Key),
        };

        var ex = Assert.Throws<ConfigurationException>(() => ModelWiring.Register(new ServiceCollection(), settings));

        Assert.Contains("1999-01-01", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }
}
