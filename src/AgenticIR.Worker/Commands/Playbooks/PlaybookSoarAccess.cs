using AgenticIR.Core.Catalog;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions;
using AgenticIR.Definitions.Soar;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.SplunkSoar.LiveValidation;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary>What the <c>playbooks</c> commands read before they ask a SOAR: the policy, the connectors' bindings and a
/// read client per configured Splunk SOAR instance (all of them, or the one <c>--instance</c> names). Every problem is
/// printed and the commands exit 2.</summary>
internal sealed class PlaybookSoarAccess : IDisposable
{
    private readonly List<SplunkSoarClient> _clients;

    private PlaybookSoarAccess(GovernancePolicy policy, IActionCatalog catalog, List<SplunkSoarClient> clients, ResolvedPaths paths)
    {
        Policy = policy;
        Catalog = catalog;
        _clients = clients;
        Paths = paths;
    }

    public GovernancePolicy Policy { get; }
    public IActionCatalog Catalog { get; }
    public ResolvedPaths Paths { get; }
    public IReadOnlyList<ISplunkSoarHistoryClient> Clients => _clients;

    public static PlaybookSoarAccess? Open(CommandSettings settings, string? instanceName, IAnsiConsole console)
    {
        var paths = settings.Paths;
        var (definitions, errors) = File.Exists(paths.Policy) && Directory.Exists(paths.Connectors)
            ? DefinitionSetLoader.TryLoad(paths.Policy, paths.Connectors)
            : (null, [new DefinitionError(paths.Policy, 0, 0, "(file)", "the policy file or the connectors folder is missing")]);
        var (instances, soarErrors) = SoarConfigLoader.Read(paths.Soar);
        if (definitions is null || soarErrors.Count > 0)
        {
            ValidateCommand.WriteErrors(console, [.. errors, .. soarErrors]);
            return null;
        }
        var chosen = instanceName is null ? instances : [.. instances.Where(i => i.Name == instanceName)];
        if (chosen.Count == 0)
        {
            console.MarkupLine(instanceName is null
                ? $"[red]No Splunk SOAR instance in {Markup.Escape(paths.Soar)}[/]: the audit reads the SOAR's own records (add one under splunk_soar:)"
                : $"[red]No Splunk SOAR instance '{Markup.Escape(instanceName)}' in {Markup.Escape(paths.Soar)}[/] (it has: {Markup.Escape(string.Join(", ", instances.Select(i => i.Name)))})");
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
        return new PlaybookSoarAccess(definitions.Policy, definitions.Catalog, clients, paths);
    }

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
    }
}
