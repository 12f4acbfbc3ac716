using System.CommandLine;
using AgenticIR.Agents.Context;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Definitions;
using AgenticIR.Definitions.Llm;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Definitions.Soar;
using AgenticIR.Soar.SplunkSoar.LiveValidation;
using AgenticIR.Soar.Xsoar.LiveValidation;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary><c>agentic-ir validate</c>: checks the policy, connectors, mappings and context files and lists every error.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var live = new Option<bool>("--live") { Description = "Also check every Splunk SOAR binding against each configured instance's /rest/app_action and /rest/asset, and every xsoar binding against each XSOAR instance's integrations" };
        var command = new Command("validate", "Validate config/governance.yaml, soar.yaml, playbooks.yaml, connectors/, mappings/ and the context files; exit 1 listing every error") { live };
        command.SetAction(async (parse, ct) =>
        {
            var settings = CommandSettings.From(parse);
            // The host checks the configuration; the definitions are read here, whole, so every error is listed.
            await using var host = await CommandHost.OpenAsync(settings, null, ct);
            var (result, catalog, instances, xsoar) = Run(settings.Paths, host.Resolve<DefinitionFiles>());
            if (result != 0 || !parse.GetValue(live)) return result;
            using var loggerFactory = LoggingSetup.Create(settings.Paths, console: false);
            var splunk = await RunLiveAsync(catalog!, instances, loggerFactory, host.Resolve<TimeProvider>(), AnsiConsole.Console, ct);
            var xsoarResult = await RunXsoarLiveAsync(catalog!, xsoar, loggerFactory, host.Resolve<TimeProvider>(), AnsiConsole.Console, ct);
            return splunk != 0 ? splunk : xsoarResult;
        });
        return command;
    }

    // Asks each instance on its own whether every binding can run there. An instance that cannot be asked (no token,
    // unreachable, TLS refused, 401/403, another status) gets one line saying why, and the others are still checked.
    private static async Task<int> RunLiveAsync(IActionCatalog catalog, IReadOnlyList<SoarInstanceDefinition> instances, ILoggerFactory loggerFactory,
        TimeProvider time, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var checks = await SplunkSoarLiveValidation.CheckInstancesAsync(instances, catalog, loggerFactory, time, cancellationToken);
        foreach (var check in checks)
        {
            var name = $"Splunk SOAR instance '{Text(check.Instance)}' ({Text(check.BaseUrl.ToString())})";
            if (check.Failure is { } failure) console.MarkupLine($"[red]FAILED[/] {name}: {Text(failure)}");
            else if (check.Problems.Count == 0) console.MarkupLine($"[green]OK[/] {name}: every binding matches");
            else console.MarkupLine($"[red]{check.Problems.Count} problem(s)[/] {name}:");
            foreach (var problem in check.Problems) console.MarkupLine($"  {Text(check.Instance)}: {Text(problem.ToString())}");
            foreach (var notice in check.Notices) console.MarkupLine($"  note: {Text(check.Instance)}: {Text(notice)}");
        }
        var failed = checks.Count(c => !c.Checked);
        var problems = checks.Sum(c => c.Problems.Count);
        if (failed == 0 && problems == 0)
        {
            console.MarkupLine(checks.Count == 0 ? "[green]OK[/] no Splunk SOAR instance configured: nothing to check live" : "[green]OK[/] every binding checked against the configured instances");
            return 0;
        }
        console.MarkupLine($"[red]{failed} of {checks.Count} instance(s) could not be checked; {problems} live binding problem(s)[/]");
        return 1;
    }

    // The same for every XSOAR instance: each xsoar binding against the instance's integrations and enabled instances.
    internal static async Task<int> RunXsoarLiveAsync(IActionCatalog catalog, IReadOnlyList<XsoarInstanceDefinition> instances, ILoggerFactory loggerFactory,
        TimeProvider time, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (instances.Count == 0) return 0;
        var checks = await XsoarLiveValidation.CheckInstancesAsync(instances, catalog, loggerFactory, time, cancellationToken);
        foreach (var check in checks)
        {
            var name = $"Cortex XSOAR instance '{Text(check.Instance)}' ({Text(check.BaseUrl.ToString())})";
            if (check.Failure is { } failure) console.MarkupLine($"[red]FAILED[/] {name}: {Text(failure)}");
            else if (check.Problems.Count == 0) console.MarkupLine($"[green]OK[/] {name}: every xsoar binding matches");
            else console.MarkupLine($"[red]{check.Problems.Count} problem(s)[/] {name}:");
            foreach (var problem in check.Problems) console.MarkupLine($"  {Text(check.Instance)}: {Text(problem.ToString())}");
        }
        var failed = checks.Count(c => !c.Checked);
        var problems = checks.Sum(c => c.Problems.Count);
        if (failed == 0 && problems == 0)
        {
            console.MarkupLine("[green]OK[/] every xsoar binding checked against the configured XSOAR instances");
            return 0;
        }
        console.MarkupLine($"[red]{failed} of {checks.Count} XSOAR instance(s) could not be checked; {problems} live xsoar binding problem(s)[/]");
        return 1;
    }

    // Values from the SOAR and from configuration are printed as text: no markup, no control characters.
    private static string Text(string text) => Markup.Escape(ControlCharacters.Escape(text));

    private static (int Result, IActionCatalog? Catalog, IReadOnlyList<SoarInstanceDefinition> Instances, IReadOnlyList<XsoarInstanceDefinition> Xsoar) Run(
        ResolvedPaths paths, DefinitionFiles files)
    {
        var console = AnsiConsole.Console;
        var (loaded, all) = files.TryLoad();
        var instances = loaded?.Soar.All ?? SoarConfigLoader.Read(paths.Soar).Instances;
        string? contextError = null;
        try
        {
            LocalContextStore.Load(paths.Context);
        }
        catch (ContextDataException ex)
        {
            contextError = ex.Message;
        }

        IReadOnlyList<DefinitionError> modelErrors = [];
        try
        {
            ModelEndpointLoader.Load(paths.Llm);
        }
        catch (DefinitionValidationException ex)
        {
            modelErrors = ex.Errors;
        }
        all = [.. all, .. modelErrors];

        if (all.Count > 0 || contextError is not null || loaded is null)
        {
            WriteErrors(console, all);
            if (contextError is not null) console.MarkupLine($"[red]{Markup.Escape(contextError)}[/]");
            return (1, null, instances, []);
        }
        var (definitions, normalizer, playbooks) = (loaded.Set, loaded.Normalizer, loaded.Playbooks);
        // An entry naming an instance that soar.yaml does not configure (for its platform) would never match anything.
        if (playbooks is not null && PlaybookInstanceCheck.Check(paths.Playbooks, loaded.Soar) is { Count: > 0 } unknownInstances)
        {
            WriteErrors(console, unknownInstances);
            return (1, null, instances, []);
        }
        console.MarkupLine($"[green]OK[/] policy {Markup.Escape(paths.Policy)} (sha256 {definitions.Policy.Hash[..12]}…)");
        console.MarkupLine($"[green]OK[/] {definitions.Catalog.All.Count} connectors in {Markup.Escape(paths.Connectors)}");
        WriteXsoarCoverage(console, definitions.Catalog.All);
        console.MarkupLine($"[green]OK[/] {normalizer.Formats.Count} mappings in {Markup.Escape(paths.Mappings)}: {Markup.Escape(string.Join(", ", normalizer.Formats))}");
        console.MarkupLine($"[green]OK[/] context files in {Markup.Escape(paths.Context)}");
        console.MarkupLine($"[green]OK[/] {instances.Count} Splunk SOAR and {loaded.Soar.Xsoar.Count} Cortex XSOAR instance(s) in {Markup.Escape(paths.Soar)}");
        if (File.Exists(paths.Llm)) console.MarkupLine($"[green]OK[/] language-model settings in {Markup.Escape(paths.Llm)}");
        console.MarkupLine($"[green]OK[/] {playbooks?.Entries.Count ?? 0} playbook entries in {Markup.Escape(paths.Playbooks)}");
        foreach (var warning in playbooks?.Warnings ?? []) console.WriteLine("  warning: " + warning);
        return (0, definitions.Catalog, instances, loaded.Soar.Xsoar);
    }

    // What an XSOAR deployment can dispatch: bound actions, actions the files mark unsupported, and files silent on XSOAR.
    private static void WriteXsoarCoverage(IAnsiConsole console, IReadOnlyCollection<ActionDefinition> actions)
    {
        var bound = actions.Count(a => a.Xsoar is not null);
        var unsupported = actions.Where(a => a.XsoarUnsupported is not null).Select(a => a.Name).ToList();
        var silent = actions.Where(a => a.Xsoar is null && a.XsoarUnsupported is null).Select(a => a.Name).ToList();
        var line = $"{bound} of {actions.Count} connectors bound on Cortex XSOAR";
        if (unsupported.Count > 0) line += $"; unsupported there: {string.Join(", ", unsupported)}";
        if (silent.Count > 0) line += $"; no xsoar entry: {string.Join(", ", silent)}";
        console.MarkupLine($"[green]OK[/] {Markup.Escape(line)}");
    }

    /// <summary>Prints definition errors, one per line, in <c>file:line:column: field: message</c> form.</summary>
    public static void WriteErrors(IAnsiConsole console, IReadOnlyList<DefinitionError> errors)
    {
        console.MarkupLine($"[red]{errors.Count} definition error(s):[/]");
        foreach (var error in errors) console.WriteLine("  " + error);
    }
}
