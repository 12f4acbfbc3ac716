using System.CommandLine;
using AgenticIR.Agents.Context;
using AgenticIR.Definitions;
using AgenticIR.Definitions.Mapping;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary><c>agentic-ir validate</c>: checks the policy, connectors, mappings and context files and lists every error.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Validate config/governance.yaml, connectors/, mappings/ and the context files; exit 1 listing every error");
        command.SetAction(parse => Run(parse));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var paths = ResolvedPaths.From(WorkerOptionsBinder.Bind(parse));
        var console = AnsiConsole.Console;
        var (definitions, errors) = DefinitionSetLoader.TryLoad(paths.Policy, paths.Connectors);
        MappingNormalizer.TryLoad(paths.Mappings, out var normalizer, out var mappingErrors, null);
        var all = errors.Concat(mappingErrors).ToList();
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
        return 0;
    }

    /// <summary>Prints definition errors, one per line, in <c>file:line:column: field: message</c> form.</summary>
    public static void WriteErrors(IAnsiConsole console, IReadOnlyList<DefinitionError> errors)
    {
        console.MarkupLine($"[red]{errors.Count} definition error(s):[/]");
        foreach (var error in errors) console.WriteLine("  " + error);
    }
}
