using System.Collections.Frozen;
using AgenticIR.Core.Catalog;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Catalog;

/// <summary>The logical actions defined by the files in <c>connectors/</c>, validated and immutable.</summary>
public sealed class ActionCatalog : IActionCatalog
{
    private readonly FrozenDictionary<string, ActionDefinition> _actions;
    private readonly FrozenDictionary<string, YamlLocation> _kindLocations;

    private ActionCatalog(IEnumerable<ActionDefinition> actions, IReadOnlyDictionary<string, YamlLocation> kindLocations)
    {
        _actions = actions.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        _kindLocations = kindLocations.ToFrozenDictionary(StringComparer.Ordinal);
        All = [.. _actions.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public IReadOnlyCollection<ActionDefinition> All { get; }

    /// <inheritdoc />
    public ActionDefinition? Find(string name) => _actions.GetValueOrDefault(name);

    /// <summary>Builds a catalog from definitions already in memory (tests, tools); names must be unique.</summary>
    /// <exception cref="ArgumentException">Two definitions share a name.</exception>
    public static ActionCatalog From(IEnumerable<ActionDefinition> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        if (list.GroupBy(a => a.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            throw new ArgumentException($"action '{dup.Key}' is defined more than once", nameof(actions));
        }
        return new ActionCatalog(list, new Dictionary<string, YamlLocation>());
    }

    /// <summary>Prefix of the error for an action the policy gates that has no Splunk SOAR binding.</summary>
    public const string MissingBindingPrefix = "missing binding:";

    /// <summary>Loads every <c>*.yaml</c> file in <paramref name="folder"/>.</summary>
    /// <exception cref="DefinitionValidationException">Any file is invalid; lists every error in every file.</exception>
    public static ActionCatalog Load(string folder) => Load(folder, null);

    /// <summary>Loads every <c>*.yaml</c> file in <paramref name="folder"/>; every action in <paramref name="gatedActions"/> must have a Splunk SOAR binding.</summary>
    /// <exception cref="DefinitionValidationException">Any file is invalid; lists every error in every file.</exception>
    public static ActionCatalog Load(string folder, IEnumerable<string>? gatedActions)
    {
        var (catalog, errors) = TryLoad(folder, gatedActions);
        return catalog ?? throw new DefinitionValidationException(errors);
    }

    /// <summary>Loads every <c>*.yaml</c> file in <paramref name="folder"/>; on failure the catalog is null and <c>Errors</c> lists every problem.</summary>
    public static (ActionCatalog? Catalog, IReadOnlyList<DefinitionError> Errors) TryLoad(string folder) => TryLoad(folder, null);

    /// <summary>
    /// Loads every <c>*.yaml</c> file in <paramref name="folder"/>. Every action named in <paramref name="gatedActions"/>
    /// (the actions the policy's approval gates list) must have a Splunk SOAR binding: an approved action that cannot be
    /// dispatched would leave the analyst's approval without effect. On failure the catalog is null and <c>Errors</c> lists every problem.
    /// </summary>
    public static (ActionCatalog? Catalog, IReadOnlyList<DefinitionError> Errors) TryLoad(string folder, IEnumerable<string>? gatedActions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var errors = new List<DefinitionError>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new DefinitionError(folder, 0, 0, YamlDocumentReader.DocumentField, "connectors folder not found"));
            return (null, errors);
        }

        foreach (var stray in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            errors.Add(new DefinitionError(stray, 0, 0, YamlDocumentReader.DocumentField, "connector files use the .yaml extension; this file would be ignored"));
        }

        var entries = new List<ConnectorEntry>();
        var files = Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList();
        foreach (var path in files)
        {
            var reader = new NodeReader(path);
            if (ConnectorFileReader.Read(path, reader) is { } entry) entries.Add(entry);
            errors.AddRange(reader.Errors);
        }
        if (files.Count == 0)
        {
            errors.Add(new DefinitionError(folder, 0, 0, YamlDocumentReader.DocumentField, "no connector files (*.yaml) found"));
        }

        // Check against file names, not loaded entries, so a broken target file is not also reported as missing.
        var names = files.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Action.RollbackAction is { } rollback && !names.Contains(rollback) && entry.Rollback is { } at)
            {
                errors.Add(at.Error($"rollback action '{rollback}' is not defined in the catalog (expected {rollback}.yaml beside this file)"));
            }
        }

        CheckXsoarRollbacks(entries, errors);

        var gated = gatedActions?.ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var entry in entries.Where(e => e.Action.SplunkSoar is null && gated.Contains(e.Action.Name)))
        {
            var at = entry.Platforms;
            errors.Add(new DefinitionError(at.File, at.Line, at.Column, "platforms.splunk_soar",
                $"{MissingBindingPrefix} '{entry.Action.Name}' is listed in an approval gate of the policy, so it needs a Splunk SOAR binding"));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ActionCatalog(entries.Select(e => e.Action), entries.ToDictionary(e => e.Action.Name, e => e.Kind)), errors);
    }

    // A reversible action bound on XSOAR must be undoable there too: the bridge rolls executed actions back when a
    // plan fails, so the rollback action needs an XSOAR command as well (unsupported or absent is an error).
    private static void CheckXsoarRollbacks(List<ConnectorEntry> entries, List<DefinitionError> errors)
    {
        var byName = entries.ToDictionary(e => e.Action.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Action.Xsoar is null || entry.Xsoar is not { } at || entry.Action.RollbackAction is not { } rollback) continue;
            if (!byName.TryGetValue(rollback, out var target) || target.Action.Xsoar is not null) continue;
            var why = target.Action.XsoarUnsupported is not null ? "is marked unsupported on XSOAR" : "has no XSOAR binding";
            errors.Add(at.Error($"rollback action '{rollback}' {why}, so this action could not be undone on XSOAR; bind both or neither"));
        }
    }

    /// <summary>Where an action's <c>kind</c> is written, for cross-checks against the policy.</summary>
    internal YamlLocation? KindLocationOf(string name) => _kindLocations.GetValueOrDefault(name);
}
