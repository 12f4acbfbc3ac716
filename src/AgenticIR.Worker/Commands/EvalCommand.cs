using System.CommandLine;
using System.Text.Json;
using AgenticIR.Agents.Reasoning;
using AgenticIR.Core;
using AgenticIR.Core.Ports;
using AgenticIR.Definitions;
using AgenticIR.Worker.Evaluation;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary><c>agentic-ir eval &lt;labelled.jsonl&gt; [--json]</c>: the product's own measurement of its judgement on a
/// labelled corpus (processed share, observable recall, ATT&amp;CK recall, severity within one step; docs/evaluation.md).
/// Exit 0 when it ran (the figures are measurements, not a verdict), 1 on bad definitions, 2 on a bad path.</summary>
internal static class EvalCommand
{
    public static Command Create() => Create(null);

    /// <summary>The command writing to <paramref name="console"/> (tests), or to the terminal when null.</summary>
    internal static Command Create(IAnsiConsole? console)
    {
        var file = new Argument<string>("labelled") { Description = "Labelled JSON-lines corpus: one {id, format, payload, labels, source_labels} per line" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (overall, by_format, records with their misses) instead of tables" };
        var command = new Command("eval", "Measure the product's judgement on a labelled alert corpus, each alert judged on its own, on a temporary database") { file, json, AgenticIrCommandLine.ReasonerOption };
        command.SetAction((parse, ct) => RunAsync(parse, console, parse.GetRequiredValue(file), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IAnsiConsole? console, string file, bool json, CancellationToken cancellationToken)
    {
        var output = console ?? AnsiConsole.Console;
        if (console is null && Console.IsOutputRedirected) output.Profile.Width = 240;
        if (!File.Exists(file))
        {
            output.MarkupLine($"[red]No such file: {Markup.Escape(file)}[/]");
            return 2;
        }
        // --db is ignored on purpose: the evaluation never touches the operator's database.
        var settings = CommandSettings.From(parse, (nameof(WorkerOptions.Reasoner), parse.GetValue(AgenticIrCommandLine.ReasonerOption)));
        var home = settings.Paths;
        Core.Reasoning.ModelEndpointSettings? model;
        try
        {
            model = ModelWiring.Resolve(settings.Configuration, home);
        }
        catch (DefinitionValidationException ex)
        {
            ValidateCommand.WriteErrors(output, ex.Errors);
            return 1;
        }
        var corpus = Path.GetFullPath(file);
        // The deterministic run always; with a model configured, the model's run of the same corpus beside it.
        var rules = await RunAsync(home, s => s.AddSingleton<IReasoner>(new DeterministicReasoner()), corpus, output, cancellationToken);
        if (rules is null) return 1;
        if (model is null)
        {
            Write(output, json, rules);
            return 0;
        }
        var withModel = await RunAsync(home, s => ModelWiring.Register(s, model), corpus, output, cancellationToken);
        if (withModel is null) return 1;
        if (json)
        {
            output.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new { deterministic = rules, model = withModel }, CoreJson.Indented));
            return 0;
        }
        EvaluationTables.Write(output, withModel);
        ModelComparisonTables.Write(output, rules, withModel);
        return 0;
    }

    private static void Write(IAnsiConsole output, bool json, EvaluationReport report)
    {
        if (json)
            // Written raw: markup parsing would eat JSON's square brackets.
            output.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(report, CoreJson.Indented));
        else
            EvaluationTables.Write(output, report);
    }

    private static async Task<EvaluationReport?> RunAsync(ResolvedPaths home, Action<IServiceCollection> reasoner, string corpus, IAnsiConsole output, CancellationToken cancellationToken)
    {
        var workspace = await TryCreateWorkspaceAsync(home, reasoner, output, cancellationToken);
        if (workspace is null) return null;
        await using (workspace)
        {
            return await new EvaluationRunner(workspace.Pipeline).RunAsync(corpus, cancellationToken);
        }
    }

    private static async Task<EvaluationWorkspace?> TryCreateWorkspaceAsync(ResolvedPaths home, Action<IServiceCollection> reasoner, IAnsiConsole output, CancellationToken cancellationToken)
    {
        try
        {
            return await EvaluationWorkspace.CreateAsync(home, reasoner, cancellationToken);
        }
        catch (DefinitionValidationException ex)
        {
            ValidateCommand.WriteErrors(output, ex.Errors);
            return null;
        }
    }
}
