using WireMock.Server;

namespace AgenticIR.Soar.Tests.Api;

/// <summary>One WireMock server per test class (random port), so classes run in parallel without sharing stubs.</summary>
public sealed class WireMockFixture : IAsyncLifetime
{
    public WireMockServer Server { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Server = WireMockServer.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Server.Stop();
        Server.Dispose();
        return ValueTask.CompletedTask;
    }
}
