using AgenticIR.Definitions;
using AgenticIR.Definitions.Llm;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Configuration;

namespace AgenticIR.Worker.Tests.Llm;

public sealed class ModelSettingsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("agentic-ir-llm-settings-");

    private ResolvedPaths Paths => new(_folder.FullName, Path.Combine(_folder.FullName, "governance.yaml"), "", "", "", "", "");

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Resolve_NoBaseUrl_Deterministic()
    {
        Assert.Null(ModelWiring.Resolve(Configuration(), Paths));
    }

    [Fact]
    public void Resolve_BaseUrlAndModelFromEnvironment_ModelWithKey()
    {
        var settings = ModelWiring.Resolve(Configuration((ModelWiring.BaseUrlKey, "http://127.0.0.1:11434/v1"), (ModelWiring.ModelKey, "qwen2.5:7b"), (ModelWiring.ApiKeyKey, "k")), Paths);

        Assert.NotNull(settings);
        Assert.Equal("http://127.0.0.1:11434/v1", settings.BaseUrl.ToString().TrimEnd('/'));
        Assert.Equal("qwen2.5:7b", settings.Model);
        Assert.Equal("k", settings.ApiKey!.Reveal());
    }

    [Fact]
    public void Resolve_ReasonerDeterministic_ModelTurnedOff()
    {
        var configuration = Configuration((ModelWiring.BaseUrlKey, "http://127.0.0.1:11434/v1"), (ModelWiring.ModelKey, "m"), ("AgenticIR:Reasoner", "deterministic"));

        Assert.Null(ModelWiring.Resolve(configuration, Paths));
    }

    [Fact]
    public void Resolve_FileGivesBaseUrlEnvironmentGivesModel_FieldsMerged()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "llm.yaml"), "base_url: http://gpu-box:8000/v1\nmodel: from-file\nrequest_timeout_seconds: 12\n");

        var settings = ModelWiring.Resolve(Configuration((ModelWiring.ModelKey, "from-env")), Paths);

        Assert.NotNull(settings);
        Assert.Equal("gpu-box", settings.BaseUrl.Host);
        Assert.Equal("from-env", settings.Model);
        Assert.Equal(TimeSpan.FromSeconds(12), settings.RequestTimeout);
    }

    [Fact]
    public void Load_MisspeltKeyAndBadUrl_ErrorsNameFileLineAndField()
    {
        var path = Path.Combine(_folder.FullName, "llm.yaml");
        File.WriteAllText(path, "base_url: not a url\nmodel: m\napi_kye: x\n");

        var ex = Assert.Throws<DefinitionValidationException>(() => ModelEndpointLoader.Load(path));

        Assert.Contains(ex.Errors, e => e.Line == 1 && e.Field.Contains("base_url", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Line == 3 && e.ToString().Contains("api_kye", StringComparison.Ordinal));
        Assert.All(ex.Errors, e => Assert.Contains("llm.yaml", e.File, StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_ModelAskedWithoutBaseUrl_ConfigurationError()
    {
        Assert.Throws<ConfigurationException>(() => ModelWiring.Resolve(Configuration(("AgenticIR:Reasoner", "llm")), Paths));
    }

    [Fact]
    public void Resolve_AzureFromFileKeyFromEnvironment_AzureDeploymentWithDefaultApiVersion()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "llm.yaml"), "azure_endpoint: https://soc.openai.azure.com\nazure_deployment: gpt-4o-mini-soc\n");

        var settings = ModelWiring.Resolve(Configuration((ModelWiring.ApiKeyKey, "k")), Paths);

        Assert.NotNull(settings);
        Assert.True(settings.IsAzure);
        Assert.Equal("soc.openai.azure.com", settings.BaseUrl.Host);
        Assert.Equal("gpt-4o-mini-soc", settings.AzureDeployment);
        Assert.Equal("gpt-4o-mini-soc", settings.Model);
        Assert.Equal("2024-10-21", settings.AzureApiVersion);
        Assert.DoesNotContain("k)", settings.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no deployment", "")]
    [InlineData("no key", "azure_deployment: d\n")]
    [InlineData("both endpoints", "azure_deployment: d\nbase_url: http://127.0.0.1:11434/v1\n")]
    public void Resolve_AzureIncomplete_ConfigurationError(string why, string more)
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "llm.yaml"), "azure_endpoint: https://soc.openai.azure.com\n" + more);
        var configuration = why == "no key" ? Configuration() : Configuration((ModelWiring.ApiKeyKey, "k"));

        Assert.Throws<ConfigurationException>(() => ModelWiring.Resolve(configuration, Paths));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
