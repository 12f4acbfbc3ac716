using System.CommandLine;
using AgenticIR.Agents.Context;
using AgenticIR.Definitions;
using AgenticIR.Definitions.Mapping;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Definitions.Soar;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary><c>agentic-ir validate</c>: checks the policy, connectors, mappings and context files and lists every error.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var live = new Option<bool>("--live") { Description = "Also check every Splunk SOAR binding against each configured instance's /rest/app_action and /rest/asset" };
        var command = new Command("validate", "Validate config/governance.yaml, soar.yaml, playbooks.yaml, connectors/, mappings/ and the context files; exit 1 listing every error") { live };
        command.SetAction(async (parse, ct) =>
        {
            var result = Run(parse);
            if (result != 0 || !parse.GetValue(live)) return result;
            return await RunLiveAsync(parse, ct);
        });
        return command;
    }

    // Builds the pipeline (clients and catalog) and asks each instance whether every binding can run there.
    private static async Task<int> RunLiveAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var paths = ResolvedPaths.From(WorkerOptionsBinder.Bind(parse));
        using var loggerFactory = LoggingSetup.Create(paths, console: false);
        var pipeline = await CommandPipeline.TryBuildAsync(paths, loggerFactory, AnsiConsole.Console, cancellationToken);
        if (pipeline is null) return 1;
        await using (pipeline)
        {
            var problems = await pipeline.ValidateLiveAsync(cancellationToken);
            foreach (var problem in problems) AnsiConsole.Console.WriteLine("  " + problem);
            var notices = await pipeline.AssetApproverNoticesAsync(cancellationToken);
            foreach (var notice in notices) AnsiConsole.Console.WriteLine("  note: " + notice);
            AnsiConsole.Console.MarkupLine(problems.Count == 0 ? "[green]OK[/] every binding checked against the configured instances" : $"[red]{problems.Count} live binding problem(s)[/]");
            return problems.Count == 0 ? 0 : 1;
        }
    }

    private static int Run(ParseResult parse)
    {
        var paths = ResolvedPaths.From(WorkerOptionsBinder.Bind(parse));
        var console = AnsiConsole.Console;
        var (definitions, errors) = DefinitionSetLoader.TryLoad(paths.Policy, paths.Connectors);
        MappingNormalizer.TryLoad(paths.Mappings, out var normalizer, out var mappingErrors, null);
        var (instances, soarErrors) = SoarConfigLoader.Read(paths.Soar);
        var (playbooks, playbookErrors) = File.Exists(paths.Playbooks) ? PlaybookCatalogLoader.TryLoad(paths.Playbooks) : (null, []);
        var all = errors.Concat(mappingErrors).Concat(soarErrors).Concat(playbookErrors).ToList();
        string? contextError = null;
        try
        {
            LocalContextStore.Load(paths.Context);
        }
        catch (ContextDataException ex)
        {
            contextError = ex.Message;
        }

        if (all.Count > 0 || contextError is not null || definitions is null || normalizer is null)
        {
            WriteErrors(console, all);
            if (contextError is not null) console.MarkupLine($"[red]{Markup.Escape(contextError)}[/]");
            return 1;
        }
        console.MarkupLine($"[green]OK[/] policy {Markup.Escape(paths.Policy)} (sha256 {definitions.Policy.Hash[..12]}…)");
        console.MarkupLine($"[green]OK[/] {definitions.Catalog.All.Count} connectors in {Markup.Escape(paths.Connectors)}");
        console.MarkupLine($"[green]OK[/] {normalizer.Formats.Count} mappings in {Markup.Escape(paths.Mappings)}: {Markup.Escape(string.Join(", ", normalizer.Formats))}");
        console.MarkupLine($"[green]OK[/] context files in {Markup.Escape(paths.Context)}");
        console.MarkupLine($"[green]OK[/] {instances.Count} Splunk SOAR instance(s) in {Markup.Escape(paths.Soar)}");
        console.MarkupLine($"[green]OK[/] {playbooks?.Entries.Count ?? 0} playbook entries in {Markup.Escape(paths.Playbooks)}");
        foreach (var warning in playbooks?.Warnings ?? []) console.WriteLine("  warning: " + warning);
        return 0;
    }

    /// <summary>Prints definition errors, one per line, in <c>file:line:column: field: message</c> form.</summary>
    public static void WriteErrors(IAnsiConsole console, IReadOnlyList<DefinitionError> errors)
    {
        console.MarkupLine($"[red]{errors.Count} definition error(s):[/]");
        foreach (var error in errors) console.WriteLine("  " + error);
    }
}
