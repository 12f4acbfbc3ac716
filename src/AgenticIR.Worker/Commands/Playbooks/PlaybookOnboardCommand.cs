using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Definitions.Soar;
using AgenticIR.Soar.PlaybookAudit;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.PlaybookAudit;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary><c>agentic-ir playbooks onboard &lt;playbook&gt; [--mode shadow] [--instance NAME] [--by NAME]</c>: adds an entry
/// for a SOAR playbook to config/playbooks.yaml, with the labels of the containers its runs worked on, validated before
/// the file is replaced (the worker then reloads it), recorded as a policy version of kind <c>playbook_onboarding</c> and
/// audited. A playbook already onboarded is left as it is.</summary>
internal static partial class PlaybookOnboardCommand
{
    /// <summary>Audit action type of an onboarding.</summary>
    public const string OnboardedActionType = "playbook_onboarded";

    // Containers read for labels: the most recent runs say what the playbook works on now.
    private const int MaxContainers = 200;

    public static Command Create(IAnsiConsole? console)
    {
        var playbook = new Argument<string>("playbook") { Description = "SOAR playbook, repo/name (e.g. local/phishing_investigate) or name" };
        var mode = new Option<string>("--mode") { Description = "off, shadow or assisted (autonomy comes only through graduation promote)", DefaultValueFactory = _ => "shadow" };
        mode.AcceptOnlyFromAmong("off", "shadow", "assisted");
        var by = new Option<string>("--by") { Description = "Who onboards it (for the audit trail)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("onboard", "Add a SOAR playbook to config/playbooks.yaml (labels from its runs), validated and audited")
        {
            playbook, mode, PlaybookAuditCommand.InstanceOption, by,
        };
        command.SetAction((parse, ct) => RunAsync(parse, console ?? AnsiConsole.Console, parse.GetRequiredValue(playbook), parse.GetRequiredValue(mode),
            parse.GetValue(PlaybookAuditCommand.InstanceOption), parse.GetRequiredValue(by), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IAnsiConsole console, string reference, string modeText, string? instance, string by,
        CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        using var access = PlaybookSoarAccess.Open(settings, instance, console);
        if (access is null) return 2;
        var path = access.Paths.Playbooks;
        var (current, errors) = File.Exists(path) ? PlaybookCatalogLoader.TryLoad(path) : (PlaybookCatalog.Empty, []);
        if (current is null)
        {
            console.MarkupLine($"[red]{Markup.Escape(path)} is invalid; fix it before onboarding:[/]");
            ValidateCommand.WriteErrors(console, errors);
            return 1;
        }

        var now = TimeProvider.System.GetUtcNow();
        var windowDays = access.Policy.Migration.PlaybookAudit.WindowDays;
        var found = new List<(ISplunkSoarHistoryClient Client, AuditedPlaybook Playbook)>();
        foreach (var client in access.Clients)
        {
            try
            {
                var inventory = await SplunkSoarPlaybookInventory.ReadAsync(client, access.Catalog, now.AddDays(-windowDays), cancellationToken);
                if (BreakGlassChecker.Find(inventory.Where(p => p.InInventory), reference) is { } match) found.Add((client, match));
            }
            catch (Exception ex) when (PlaybookSoarAccess.IsSoarError(ex))
            {
                console.MarkupLine($"[red]{Markup.Escape(PlaybookSoarAccess.Describe(client.InstanceName, ex))}[/]");
                return 1;
            }
        }
        if (found.Count == 0)
        {
            console.MarkupLine($"[red]No playbook '{Markup.Escape(reference)}'[/] on {Markup.Escape(string.Join(", ", access.Clients.Select(c => c.InstanceName)))}");
            return 1;
        }
        var name = found[0].Playbook.Name;
        if (current.Entries.FirstOrDefault(e => e.Match.Playbooks.Any(p => p == name || name.EndsWith("/" + p, StringComparison.Ordinal))) is { } existing)
        {
            console.MarkupLine($"[bold]{Markup.Escape(name)}[/] is already onboarded as entry [bold]{Markup.Escape(existing.Name)}[/] (mode {existing.Mode.ToWire()}); nothing changed.");
            return 0;
        }

        var runs = found.SelectMany(f => f.Playbook.Runs.Select(r => (f.Client, Run: r))).OrderByDescending(x => x.Run.Start).ToList();
        if (runs.Count == 0)
        {
            console.MarkupLine($"[red]{Markup.Escape(name)} has no run in the last {windowDays} days[/]: the labels it works on cannot be read from its containers (the audit would retire it).");
            return 1;
        }
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (client, run) in runs.DistinctBy(x => (x.Client.InstanceName, x.Run.ContainerId)).Take(MaxContainers))
        {
            if (await client.GetContainerAsync(run.ContainerId, cancellationToken) is { Label.Length: > 0 } container) labels.Add(container.Label);
        }
        if (labels.Count == 0)
        {
            console.MarkupLine($"[red]The containers {Markup.Escape(name)} ran on carry no label[/]; add an entry by hand.");
            return 1;
        }

        var entryName = EntryName(name, current);
        var soarInstance = found.Count == 1 ? found[0].Client.InstanceName : null;
        string[] entry =
        [
            string.Create(CultureInfo.InvariantCulture, $"# {name}: onboarded by {Comment(by)} on {now:yyyy-MM-dd} from {runs.Count} run(s) in the last {windowDays} days."),
            $"- name: {entryName}",
            $"  match: {{ {(soarInstance is null ? "" : $"soar_instance: {soarInstance}, ")}labels: [{string.Join(", ", labels.Select(Scalar))}], playbook: {Scalar(name)} }}",
            $"  mode: {modeText}",
        ];

        var instances = SoarConfigLoader.ReadSet(access.Paths.Soar).Set;
        var original = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "playbooks:\n";
        // The first matching entry decides: the new, narrower entry goes before one that would take its containers.
        var shadow = Shadowing(current, soarInstance ?? found[0].Client.InstanceName, labels, name);
        var text = shadow is null
            ? PlaybooksFileEditor.TryAppendEntry(original, entry, out var editError)
            : PlaybooksFileEditor.TryInsertEntryBefore(original, entry, shadow, out editError);
        var edit = await PlaybooksFileWriter.TryPrepareAsync(path, text, editError, instances, cancellationToken);
        if (edit.Catalog is null)
        {
            console.MarkupLine($"[red]The new entry would not validate; {Markup.Escape(path)} is unchanged:[/]");
            foreach (var error in edit.Errors) console.MarkupLine($"  {Markup.Escape(error)}");
            return 1;
        }

        await using var host = await CommandHost.OpenStoreAsync(settings, cancellationToken);
        var newHash = await edit.CommitAsync(cancellationToken);
        var recorded = await host.Resolve<IPolicyVersionStore>().RecordAsync(
            new PolicyVersionCandidate(newHash, path, by, PolicyVersion.PlaybookOnboardingKind, now), cancellationToken);
        await host.Resolve<IAuditLog>().AppendAsync(new AuditEntry
        {
            AgentName = "operator",
            ActionType = OnboardedActionType,
            Target = entryName,
            Justification = $"onboard {name} in {modeText} mode",
            ApprovalStatus = "approved",
            ApproverIdentity = by,
            Outcome = "applied",
            EvidenceHash = newHash,
            Details = new Dictionary<string, string>
            {
                ["playbook"] = name,
                ["entry"] = entryName,
                ["mode"] = modeText,
                ["labels"] = string.Join(",", labels),
                ["soar_instance"] = soarInstance ?? "",
                ["file"] = path,
                ["old_hash"] = edit.OldHash,
                ["new_hash"] = newHash,
                ["version"] = recorded.Version.Version.ToString(CultureInfo.InvariantCulture),
                ["kind"] = PolicyVersion.PlaybookOnboardingKind,
            },
        }, cancellationToken);
        console.MarkupLine($"Onboarded [bold]{Markup.Escape(name)}[/] as entry [bold]{Markup.Escape(entryName)}[/] ({modeText}, labels {Markup.Escape(string.Join(", ", labels))}) in {Markup.Escape(path)}; running workers reload it.");
        console.MarkupLine($"Next: let it run in shadow, then [bold]agentic-ir graduation report[/] and [bold]agentic-ir graduation promote {Markup.Escape(entryName)} --by <name>[/].");
        return 0;
    }

    /// <summary>The first existing entry that would take containers of the playbook (it would shadow the new entry).</summary>
    private static string? Shadowing(PlaybookCatalog catalog, string instance, IEnumerable<string> labels, string playbook)
    {
        var taken = labels.Select(l => catalog.Match(instance, l, [playbook])).Where(e => e is not null).Select(e => e!.Name).ToHashSet(StringComparer.Ordinal);
        return catalog.Entries.FirstOrDefault(e => taken.Contains(e.Name))?.Name;
    }

    /// <summary>snake_case from the playbook's name without its repository; numbered when the name is taken.</summary>
    private static string EntryName(string playbook, PlaybookCatalog catalog)
    {
        var bare = playbook[(playbook.LastIndexOf('/') + 1)..].ToLowerInvariant();
        var name = NonIdentifier().Replace(bare, "_").Trim('_');
        if (name.Length == 0 || !char.IsAsciiLetterLower(name[0])) name = "playbook_" + name;
        var candidate = name;
        for (var n = 2; catalog.Entries.Any(e => e.Name == candidate); n++) candidate = string.Create(CultureInfo.InvariantCulture, $"{name}_{n}");
        return candidate;
    }

    // Values come from the SOAR: anything but a plain word is written as a JSON (and so YAML) double-quoted string.
    private static string Scalar(string value) =>
        PlainScalar().IsMatch(value) && !YamlWords.Contains(value) ? value : JsonSerializer.Serialize(value);

    // Plain words YAML would read as something other than a string.
    private static readonly HashSet<string> YamlWords = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "yes", "no", "on", "off", "y", "n" };

    private static string Comment(string text) => string.Concat(text.Where(c => !char.IsControl(c)));

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonIdentifier();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainScalar();
}
