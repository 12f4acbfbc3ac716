using System.Net;
using AgenticIR.SoarSimulator.Http;
using AgenticIR.SoarSimulator.Xsoar.Http;
using AgenticIR.SoarSimulator.Xsoar.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenticIR.SoarSimulator.Xsoar;

/// <summary>A stateful Cortex XSOAR REST API on 127.0.0.1 over plain HTTP, for tests and the demo: incidents with labels,
/// custom fields and indicators, war-room entries, commands run against fake integration instances, playbook tasks,
/// users and roles, fault injection and a request log. As XSOAR 6 or, with an auth id, XSOAR 8 / XSIAM (paths under
/// <c>/xsoar</c>, key id and optionally advanced-key signatures checked). Point a client at <see cref="BaseUrl"/>.</summary>
public sealed partial class XsoarSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly XsoarStore _store;
    private readonly RuntimeControls _controls;

    private XsoarSimulator(WebApplication app, XsoarStore store, RuntimeControls controls, Uri baseUrl, XsoarSimulatorOptions options)
    {
        _app = app;
        _store = store;
        _controls = controls;
        BaseUrl = baseUrl;
        ApiKey = options.ApiKey;
        AuthId = options.AuthId;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:50123/</c>: the <c>base_url</c> of an instance in
    /// config/soar.yaml (an XSOAR 8 client adds <c>/xsoar</c> itself).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The accepted API key.</summary>
    public string ApiKey { get; }

    /// <summary>The expected key id, null when simulating XSOAR 6.</summary>
    public string? AuthId { get; }

    public static async Task<XsoarSimulator> StartAsync(XsoarSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        if (options.AdvancedKey && options.AuthId is null) throw new ArgumentException("an advanced key needs an auth id (XSOAR 8 / XSIAM)", nameof(options));

        var store = new XsoarStore(options.TimeProvider);
        var controls = new RuntimeControls(options.ApiKey, options.Latency);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(XsoarSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting(WebHostDefaults.PreventHostingStartupKey, "true");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        try
        {
            app.Use(new XsoarPipeline(store, controls, new XsoarAuthCheck(options)).InvokeAsync);
            IEndpointRouteBuilder routes = options.AuthId is null ? app : app.MapGroup("/xsoar");
            XsoarEndpoints.Map(routes, store);
            await app.StartAsync(cancellationToken);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new XsoarSimulator(app, store, controls, new Uri(address.TrimEnd('/') + "/"), options);
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
