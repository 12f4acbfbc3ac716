using AgenticIR.Core.Catalog;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Soar;
using AgenticIR.Definitions;
using AgenticIR.Definitions.Soar;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.SplunkSoar.LiveValidation;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Xsoar.LiveValidation;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary>What the <c>playbooks</c> commands read before they ask a SOAR: the policy, the connectors' bindings and a
/// read client per configured Splunk SOAR instance (all of them, or the one <c>--instance</c> names) and, for the audit,
/// per configured Cortex XSOAR instance. Every problem with the configuration is printed and the commands exit 2; an
/// XSOAR instance whose key cannot be read is left out with the reason in <see cref="XsoarProblems"/>, so the others are
/// still read.</summary>
internal sealed class PlaybookSoarAccess : IDisposable
{
    private readonly List<SplunkSoarClient> _clients;
    private readonly List<XsoarClient> _xsoarClients;

    private PlaybookSoarAccess(GovernancePolicy policy, IActionCatalog catalog, List<SplunkSoarClient> clients, List<XsoarClient> xsoarClients,
        IReadOnlyList<string> xsoarProblems, ResolvedPaths paths)
    {
        Policy = policy;
        Catalog = catalog;
        _clients = clients;
        _xsoarClients = xsoarClients;
        XsoarProblems = xsoarProblems;
        Paths = paths;
    }

    public GovernancePolicy Policy { get; }
    public IActionCatalog Catalog { get; }
    public ResolvedPaths Paths { get; }
    public IReadOnlyList<ISplunkSoarHistoryClient> Clients => _clients;

    /// <summary>Read clients of the chosen XSOAR instances (empty unless opened with XSOAR).</summary>
    public IReadOnlyList<IXsoarClient> XsoarClients => _xsoarClients;

    /// <summary>Chosen XSOAR instances that could not be opened, with the reason.</summary>
    public IReadOnlyList<string> XsoarProblems { get; }

    /// <param name="settings">Paths.</param>
    /// <param name="instanceName">The one instance to read (Splunk SOAR or, with <paramref name="withXsoar"/>, XSOAR), or null for every one.</param>
    /// <param name="console">Where problems are printed.</param>
    /// <param name="withXsoar">Also open the configured XSOAR instances (the audit reads both platforms).</param>
    public static PlaybookSoarAccess? Open(CommandSettings settings, string? instanceName, IAnsiConsole console, bool withXsoar = false)
    {
        var paths = settings.Paths;
        var (definitions, errors) = File.Exists(paths.Policy) && Directory.Exists(paths.Connectors)
            ? DefinitionSetLoader.TryLoad(paths.Policy, paths.Connectors)
            : (null, [new DefinitionError(paths.Policy, 0, 0, "(file)", "the policy file or the connectors folder is missing")]);
        var (set, soarErrors) = SoarConfigLoader.ReadSet(paths.Soar);
        if (definitions is null || soarErrors.Count > 0)
        {
            ValidateCommand.WriteErrors(console, [.. errors, .. soarErrors]);
            return null;
        }
        var instances = set.All;
        IReadOnlyList<XsoarInstanceDefinition> xsoarInstances = withXsoar ? set.Xsoar : [];
        var chosen = instanceName is null ? instances : [.. instances.Where(i => i.Name == instanceName)];
        var chosenXsoar = instanceName is null ? xsoarInstances : [.. xsoarInstances.Where(i => i.Name == instanceName)];
        if (chosen.Count + chosenXsoar.Count == 0)
        {
            var kinds = withXsoar ? "Splunk SOAR or XSOAR" : "Splunk SOAR";
            var names = instances.Select(i => i.Name).Concat(xsoarInstances.Select(i => i.Name));
            console.MarkupLine(instanceName is null
                ? $"[red]No {kinds} instance in {Markup.Escape(paths.Soar)}[/]: the audit reads the SOAR's own records (add one under {(withXsoar ? "splunk_soar: or xsoar:" : "splunk_soar:")})"
                : $"[red]No {kinds} instance '{Markup.Escape(instanceName)}' in {Markup.Escape(paths.Soar)}[/] (it has: {Markup.Escape(string.Join(", ", names))})");
            return null;
        }

        var secrets = new SoarSecretResolver();
        var factory = new SoarClientFactory(NullLoggerFactory.Instance, TimeProvider.System, SplunkSoarLiveValidation.Settings);
        var clients = new List<SplunkSoarClient>();
        foreach (var instance in chosen)
        {
            if (!secrets.TryResolve(instance, out var token, out var problem))
            {
                foreach (var client in clients) client.Dispose();
                console.MarkupLine($"[red]{Markup.Escape(problem!)}[/]");
                return null;
            }
            clients.Add(factory.Create(instance, token!));
        }

        var keys = new XsoarKeyResolver();
        var xsoarFactory = new XsoarClientFactory(NullLoggerFactory.Instance, TimeProvider.System, XsoarLiveValidation.Settings);
        var xsoarClients = new List<XsoarClient>();
        var xsoarProblems = new List<string>();
        foreach (var instance in chosenXsoar)
        {
            if (keys.TryResolve(instance, out var key, out var problem)) xsoarClients.Add(xsoarFactory.Create(instance, key!));
            else xsoarProblems.Add(problem!);
        }
        return new PlaybookSoarAccess(definitions.Policy, definitions.Catalog, clients, xsoarClients, xsoarProblems, paths);
    }

    /// <summary>Why an XSOAR instance could not be read, in the words of the check an operator makes next.</summary>
    public static string DescribeXsoar(string instance, Exception error) => error switch
    {
        XsoarUnauthorizedException e => $"XSOAR instance '{instance}': HTTP {e.Status}: the API key was refused or may not read playbooks and incidents",
        XsoarUnavailableException e => $"XSOAR instance '{instance}': unavailable: {e.Reason}",
        XsoarRequestException e => $"XSOAR instance '{instance}': HTTP {e.Status}: {e.XsoarMessage}",
        _ => $"XSOAR instance '{instance}': {error.GetType().Name}",
    };

    public static bool IsXsoarError(Exception error) => error is XsoarUnauthorizedException or XsoarUnavailableException or XsoarRequestException;

    /// <summary>Why a SOAR could not be read, in the words of the check an operator makes next.</summary>
    public static string Describe(string instance, Exception error) => error switch
    {
        SoarUnauthorizedException e => $"Splunk SOAR instance '{instance}': HTTP {e.Status}: the token was refused or may not read playbooks and runs ({e.SoarMessage})",
        SoarUnavailableException e => $"Splunk SOAR instance '{instance}': unavailable: {e.Reason}",
        SoarRequestException e => $"Splunk SOAR instance '{instance}': HTTP {e.Status}: {e.SoarMessage}",
        _ => $"Splunk SOAR instance '{instance}': {error.GetType().Name}",
    };

    public static bool IsSoarError(Exception error) => error is SoarUnauthorizedException or SoarUnavailableException or SoarRequestException;

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
        foreach (var client in _xsoarClients) client.Dispose();
    }
}
