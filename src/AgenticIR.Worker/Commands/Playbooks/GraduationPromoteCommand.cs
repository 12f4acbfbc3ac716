using System.CommandLine;
using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Shadow;
using AgenticIR.Definitions;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Definitions.Soar;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Splunk.Graduation;
using AgenticIR.Worker.Commands.Splunk;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary><c>agentic-ir graduation promote &lt;playbook&gt; --by &lt;name&gt; [--window 30d] [--comparisons file]</c>: applies
/// what the graduation report supports for one playbook entry: each severity it recommends promoting becomes
/// <c>autonomous</c> in the entry's <c>by_severity</c>. Refused, with the report's reasons, when the evidence supports
/// no severity or a demotion cap is in force. The file is validated before it is replaced, the change is recorded as a
/// policy version of kind <c>playbook_promotion</c> (source file config/playbooks.yaml) and audited as
/// <c>policy_change</c>.</summary>
internal static class GraduationPromoteCommand
{
    public static Command Create(IAnsiConsole? console)
    {
        var playbook = new Argument<string>("playbook") { Description = "Playbook entry name (config/playbooks.yaml)" };
        var by = new Option<string>("--by") { Description = "Your name: who accepts the promotion", Required = true };
        var window = new Option<string?>("--window") { Description = "Evidence window in whole days or weeks, e.g. 30d (default: the policy's window_days)" };
        var file = new Option<string?>("--comparisons") { Description = "Read comparisons from a JSON-lines file instead of the state store" };
        var command = new Command("promote", "Apply the graduation report's recommendation for a playbook: promote the supported severities to autonomous (audited policy version)")
        {
            playbook, by, window, file,
        };
        command.SetAction((parse, ct) => RunAsync(parse, console ?? AnsiConsole.Console, parse.GetRequiredValue(playbook), parse.GetRequiredValue(by),
            parse.GetValue(window), parse.GetValue(file), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IAnsiConsole console, string name, string by, string? windowText, string? file,
        CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        var paths = settings.Paths;
        var criteria = SplunkCommandPolicy.Criteria(paths, console);
        if (windowText is not null)
        {
            if (!GraduationWindow.TryParse(windowText, out var days))
            {
                console.MarkupLine($"[red]--window {Markup.Escape(windowText)}[/]: expected whole days or weeks, e.g. 30d or 4w");
                return 2;
            }
            criteria = criteria with { WindowDays = days };
        }
        if (file is not null && !File.Exists(file))
        {
            console.MarkupLine($"[red]No file {Markup.Escape(file)}[/]");
            return 2;
        }
        if (settings.EmbeddedStoreMissing)
        {
            console.MarkupLine($"[red]No database at {Markup.Escape(paths.Database)}[/] (pass the worker's database with --db: the promotion is audited there)");
            return 2;
        }
        var (catalog, errors) = File.Exists(paths.Playbooks) ? PlaybookCatalogLoader.TryLoad(paths.Playbooks) : (null, []);
        if (catalog is null)
        {
            console.MarkupLine($"[red]{Markup.Escape(paths.Playbooks)} is missing or invalid[/]; fix it before promoting:");
            ValidateCommand.WriteErrors(console, errors);
            return 1;
        }
        if (catalog.Entries.FirstOrDefault(e => e.Name == name) is not { } entry)
        {
            console.MarkupLine($"[red]Refused[/]: no entry '{Markup.Escape(name)}' in {Markup.Escape(paths.Playbooks)} (onboard it first: agentic-ir playbooks onboard).");
            return 1;
        }

        await using var host = await CommandHost.OpenStoreAsync(settings, cancellationToken);
        var now = TimeProvider.System.GetUtcNow();
        IShadowComparisonSource source = file is not null ? new JsonLinesShadowComparisonSource(file) : StoreSource(paths, host.Resolve<IShadowComparisonStore>());
        var comparisons = await source.ListAsync(now.AddDays(-criteria.WindowDays), now, cancellationToken);
        var rows = GraduationEvaluator.Evaluate(comparisons, criteria, now).Rows.Where(r => r.Playbook == name).ToList();
        var caps = (await host.Resolve<IPlaybookModeOverrides>().ListActiveAsync(cancellationToken)).Where(c => c.Playbook == name).ToList();

        var decision = PromotionDecision.Decide(entry, rows, caps, criteria);
        foreach (var line in decision.Notes) console.MarkupLine(Markup.Escape(line));
        if (decision.Promote.Count == 0)
        {
            if (decision.AlreadyAutonomous)
            {
                console.MarkupLine($"Every severity the evidence supports already runs autonomous on [bold]{Markup.Escape(name)}[/]; nothing changed.");
                return 0;
            }
            console.MarkupLine($"[red]Refused[/]: the graduation report supports no promotion of [bold]{Markup.Escape(name)}[/] (window {criteria.WindowDays} days).");
            return 1;
        }

        var modes = Enum.GetValues<Severity>()
            .Select(s => (Severity: s, Mode: decision.Promote.Contains(s) ? PlaybookMode.Autonomous : entry.BySeverity.TryGetValue(s, out var m) ? m : (PlaybookMode?)null))
            .Where(p => p.Mode is not null)
            .Select(p => (p.Severity.ToWire(), p.Mode!.Value.ToWire()))
            .ToList();
        var original = await File.ReadAllTextAsync(paths.Playbooks, cancellationToken);
        var text = PlaybooksFileEditor.TrySetBySeverity(original, name, modes, out var editError);
        var edit = await PlaybooksFileWriter.TryPrepareAsync(paths.Playbooks, text, editError, SoarConfigLoader.ReadSet(paths.Soar).Set, cancellationToken);
        if (edit.Catalog is null)
        {
            console.MarkupLine($"[red]The promotion would not validate; {Markup.Escape(paths.Playbooks)} is unchanged:[/]");
            foreach (var error in edit.Errors) console.MarkupLine($"  {Markup.Escape(error)}");
            return 1;
        }
        var newHash = await edit.CommitAsync(cancellationToken);
        var severities = string.Join(",", decision.Promote.Select(s => s.ToWire()));
        var recorded = await host.Resolve<IPolicyVersionStore>().RecordAsync(
            new PolicyVersionCandidate(newHash, paths.Playbooks, by, PolicyVersion.PlaybookPromotionKind, now), cancellationToken);
        await host.Resolve<IAuditLog>().AppendAsync(new AuditEntry
        {
            AgentName = "operator",
            ActionType = "policy_change",
            Target = paths.Playbooks,
            Justification = $"promote {name} to autonomous at {severities}: graduation evidence over {criteria.WindowDays} days",
            ApprovalStatus = "approved",
            ApproverIdentity = by,
            Outcome = "applied",
            EvidenceHash = newHash,
            Details = new Dictionary<string, string>
            {
                ["version"] = recorded.Version.Version.ToString(CultureInfo.InvariantCulture),
                ["kind"] = PolicyVersion.PlaybookPromotionKind,
                ["file"] = paths.Playbooks,
                ["playbook"] = name,
                ["severities"] = severities,
                ["old_hash"] = edit.OldHash,
                ["new_hash"] = newHash,
                ["accepted_by"] = by,
                ["evidence"] = string.Join("; ", rows.Where(r => decision.Promote.Contains(r.Severity)).Select(r => $"{r.Severity.ToWire()}: {r.Reason}")),
            },
        }, cancellationToken);
        console.MarkupLine($"Promoted [bold]{Markup.Escape(name)}[/] to autonomous at {Markup.Escape(severities)} (policy version {recorded.Version.Version}, {PolicyVersion.PlaybookPromotionKind}); running workers reload config/playbooks.yaml. Live agreement below the demotion floor demotes it again.");
        return 0;
    }

    private static ShadowFactsSource StoreSource(ResolvedPaths paths, IShadowComparisonStore store)
    {
        var (definitions, _) = Directory.Exists(paths.Connectors) && File.Exists(paths.Policy)
            ? DefinitionSetLoader.TryLoad(paths.Policy, paths.Connectors)
            : (null, []);
        return new ShadowFactsSource(store, definitions?.Catalog);
    }
}
