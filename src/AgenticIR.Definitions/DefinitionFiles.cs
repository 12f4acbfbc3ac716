using AgenticIR.Definitions.Mapping;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Definitions.Soar;

namespace AgenticIR.Definitions;

/// <summary>Reads every definition file at <see cref="Paths"/>. Nothing is read until a service that needs the
/// definitions is resolved, so commands that only open the store (audit, kill switches) work while a definition is
/// broken.</summary>
/// <param name="paths">Where the files are.</param>
public sealed class DefinitionFiles(DefinitionPaths paths)
{
    private readonly Lazy<(LoadedDefinitions? Definitions, IReadOnlyList<DefinitionError> Errors)> _loaded = new(() => Read(paths));

    /// <summary>Where the files are.</summary>
    public DefinitionPaths Paths { get; } = paths;

    /// <summary>Every file, read once; on failure the definitions are null and the errors list every problem in every file.</summary>
    public (LoadedDefinitions? Definitions, IReadOnlyList<DefinitionError> Errors) TryLoad() => _loaded.Value;

    /// <summary>Every file, read once.</summary>
    /// <exception cref="DefinitionValidationException">Any file is invalid; lists every error.</exception>
    public LoadedDefinitions Load()
    {
        var (definitions, errors) = TryLoad();
        return definitions ?? throw new DefinitionValidationException(errors);
    }

    private static (LoadedDefinitions?, IReadOnlyList<DefinitionError>) Read(DefinitionPaths paths)
    {
        var (set, errors) = DefinitionSetLoader.TryLoad(paths.Policy, paths.Connectors);
        MappingNormalizer.TryLoad(paths.Mappings, out var normalizer, out var mappingErrors, null);
        var (instances, soarErrors) = SoarConfigLoader.ReadSet(paths.Soar);
        var (playbooks, playbookErrors) = File.Exists(paths.Playbooks) ? PlaybookCatalogLoader.TryLoad(paths.Playbooks) : (null, []);
        List<DefinitionError> all = [.. errors, .. mappingErrors, .. soarErrors, .. playbookErrors];
        if (set is null || normalizer is null || all.Count > 0) return (null, all);
        return (new LoadedDefinitions(set, normalizer, instances, playbooks), all);
    }
}
