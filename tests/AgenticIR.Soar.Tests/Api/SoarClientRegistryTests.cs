using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Soar.Tests.Api;

public sealed class SoarClientRegistryTests
{
    private static readonly SoarInstanceDefinition Prod = new() { Name = "prod", BaseUrl = new Uri("https://soar.example.com"), TokenEnv = "PROD_TOKEN" };
    private static readonly SoarInstanceDefinition Lab = new() { Name = "lab", BaseUrl = new Uri("http://localhost:8081"), AllowHttp = true, TokenFile = "/run/secrets/lab", PageSize = 25 };

    [Fact]
    public void AddSoar_TwoInstances_OneClientEachByName()
    {
        using var provider = Services(env => env == "PROD_TOKEN" ? "p" : null, _ => "l").BuildServiceProvider();

        var registry = provider.GetRequiredService<SoarClientRegistry>();

        Assert.Equal(["prod", "lab"], registry.All.Select(c => c.InstanceName));
        Assert.Equal("lab", registry.Get("lab").InstanceName);
        Assert.Equal(25, registry.DefinitionOf("lab").PageSize);
        Assert.False(registry.IsStopped("prod"));
        Assert.Same(registry, provider.GetRequiredService<SoarClientRegistry>());
        var unknown = Assert.Throws<KeyNotFoundException>(() => registry.Get("staging"));
        Assert.Contains("configured: prod, lab", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSoar_MissingToken_ResolvingTheRegistryFailsNamingTheInstance()
    {
        using var provider = Services(_ => null, _ => "l").BuildServiceProvider();

        var ex = Assert.Throws<SoarConfigurationException>(() => provider.GetRequiredService<SoarClientRegistry>());

        Assert.Contains("'prod': environment variable PROD_TOKEN is not set or empty", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void AddSoar_NoInstances_EmptyRegistry()
    {
        var services = new ServiceCollection();
        services.AddSoar();
        using var provider = services.BuildServiceProvider();

        Assert.Empty(provider.GetRequiredService<SoarClientRegistry>().All);
    }

    private static ServiceCollection Services(Func<string, string?> env, Func<string, string> file)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new SoarSecretResolver(env, file));
        services.AddSingleton(new SoarInstanceSet([Prod, Lab]));
        services.AddSoar();
        return services;
    }
}
