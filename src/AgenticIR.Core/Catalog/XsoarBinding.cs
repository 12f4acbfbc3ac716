namespace AgenticIR.Core.Catalog;

/// <summary>How a logical action runs on Cortex XSOAR: one integration command executed in the incident's war room,
/// taken from the integration's own YAML definition (see <see cref="Provenance"/>). Which configured instance runs it
/// (<c>using=</c>) is a deployment choice and lives in configuration, not here.</summary>
public sealed record XsoarBinding
{
    /// <summary>The integration's id as its YAML declares it (<c>commonfields.id</c>, the brand), e.g. <c>CrowdstrikeFalcon</c>.</summary>
    public required string Integration { get; init; }

    /// <summary>The command name exactly as <c>script.commands[].name</c> declares it, without <c>!</c>, e.g. <c>cs-falcon-contain-host</c>.</summary>
    public required string Command { get; init; }

    /// <summary>Command arguments by their declared names: literals, <c>${target}</c> (the target observable's value) or
    /// <c>${target_type}</c> (the target observable's type name, e.g. <c>sha256</c>), and nothing else.</summary>
    public required IReadOnlyDictionary<string, string> Arguments { get; init; }

    /// <summary>Where the command definition was read: <c>repository:path@commit (command "name")</c>.</summary>
    public required string Provenance { get; init; }

    /// <summary>For enrichment actions, how findings are read from the command's context output (paths are context
    /// paths the command declares under <c>outputs</c>); null when the war-room entry is reported as information.</summary>
    public ResultParsing? Results { get; init; }
}
