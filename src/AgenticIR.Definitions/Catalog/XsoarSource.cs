using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Catalog;

/// <summary>
/// The provenance of an XSOAR binding: the integration YAML it was copied from, pinned to a commit, and the command,
/// written <c>owner/repo:path/to/Integration.yml@&lt;40-hex commit&gt; (command "name")</c>.
/// </summary>
/// <param name="Repository">GitHub repository, e.g. <c>demisto/content</c>.</param>
/// <param name="Path">The integration YAML inside it, e.g. <c>Packs/PAN-OS/Integrations/Panorama/Panorama.yml</c>.</param>
/// <param name="Commit">The full commit id the file was read at.</param>
/// <param name="Command">The command whose definition was copied.</param>
public sealed partial record XsoarSource(string Repository, string Path, string Commit, string Command)
{
    /// <summary>An example of the expected form, for error messages and documentation.</summary>
    public const string Form = "demisto/content:Packs/<Pack>/Integrations/<Name>/<Name>.yml@<40-hex commit> (command \"<name>\")";

    /// <summary>Parses <paramref name="text"/>; false when it is not in <see cref="Form"/>.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out XsoarSource? source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text.Trim());
        source = match.Success
            ? new XsoarSource(match.Groups["repo"].Value, match.Groups["path"].Value, match.Groups["commit"].Value, match.Groups["command"].Value)
            : null;
        return source is not null;
    }

    /// <summary>The provenance text for this source, in <see cref="Form"/>.</summary>
    public override string ToString() => $"{Repository}:{Path}@{Commit} (command \"{Command}\")";

    [GeneratedRegex("""^(?<repo>[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*):(?<path>[^@\s:]+\.ya?ml)@(?<commit>[0-9a-f]{40}) \(command "(?<command>[^"\s]+)"\)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
