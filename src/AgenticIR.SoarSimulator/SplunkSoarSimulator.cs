using System.Net;
using AgenticIR.SoarSimulator.Http;
using AgenticIR.SoarSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenticIR.SoarSimulator;

/// <summary>A stateful Splunk SOAR REST API on 127.0.0.1 over plain HTTP, for tests, benchmarks and the demo.
/// Seed it with the test API (<c>Add*</c>, <see cref="SeedFromFolder"/>), point a client at <see cref="BaseUrl"/> with
/// the <c>ph-auth-token</c> from <see cref="SimulatorOptions.Token"/>, then inspect what it received.</summary>
public sealed partial class SplunkSoarSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SoarStore _store;
    private readonly RuntimeControls _controls;

    private SplunkSoarSimulator(WebApplication app, SoarStore store, RuntimeControls controls, Uri baseUrl)
    {
        _app = app;
        _store = store;
        _controls = controls;
        BaseUrl = baseUrl;
    }

    /// <summary>Root of the simulator, e.g. <c>http://127.0.0.1:50123/</c>; REST paths are <c>rest/...</c> below it.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The accepted <c>ph-auth-token</c> value.</summary>
    public string Token => _controls.Token;

    public static async Task<SplunkSoarSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Token);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);

        var store = new SoarStore(options.TimeProvider)
        {
            UserRolesAsIds = options.UserRolesAsIds,
            OmitContainerUpdateTimes = options.OmitContainerUpdateTimes,
        };
        store.SeedBuiltInUsers();
        var controls = new RuntimeControls(options.Token, options.Latency);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SplunkSoarSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting(WebHostDefaults.PreventHostingStartupKey, "true");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        try
        {
            var pipeline = new SimulatorPipeline(store, controls);
            app.Use(pipeline.InvokeAsync);
            SystemEndpoints.Map(app);
            ContainerEndpoints.Map(app, store);
            NoteEndpoints.Map(app, store);
            CatalogEndpoints.Map(app, store);
            RunEndpoints.Map(app, store);
            await app.StartAsync(cancellationToken);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var simulator = new SplunkSoarSimulator(app, store, controls, new Uri(address.TrimEnd('/') + "/"));
            if (options.IncludeDefaultCatalog) SimulatorCatalog.AddDefaultApps(simulator);
            return simulator;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
