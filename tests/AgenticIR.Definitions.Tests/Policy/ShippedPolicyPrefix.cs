using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Policy;
using AgenticIR.Definitions.Tests.Yaml;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Policy;

/// <summary>The shipped governance policy cut just before one of its sections, so a test appends exactly the YAML it is
/// about and finds each error at the line of the appended text it names.</summary>
/// <param name="sectionMarker">The comment line the section starts with in config/governance.yaml.</param>
internal sealed class ShippedPolicyPrefix(string sectionMarker)
{
    public static readonly string ShippedPath = Path.Combine(RepoPaths.Config, "governance.yaml");

    private readonly Lazy<string> _text = new(() =>
    {
        var text = File.ReadAllText(ShippedPath);
        var cut = text.IndexOf(sectionMarker, StringComparison.Ordinal);
        Assert.True(cut > 0, $"the shipped policy no longer has the line '{sectionMarker}'; update the marker");
        return text[..cut];
    });

    /// <summary>Loads the prefix with <paramref name="appended"/> after it, from a scratch file.</summary>
    public (GovernancePolicy? Policy, string[] Errors) Load(string appended)
    {
        using var scratch = new ScratchFolder();
        var (policy, errors) = GovernancePolicyLoader.TryLoad(scratch.Write("governance.yaml", _text.Value + appended));
        return (policy, ErrorLines.Of(errors));
    }

    /// <summary>The 1-based line, in the loaded file, of the first <paramref name="needle"/> in <paramref name="appended"/>.</summary>
    public int LineOf(string appended, string needle) =>
        _text.Value.Split('\n').Length - 1 + appended[..appended.IndexOf(needle, StringComparison.Ordinal)].Split('\n').Length;
}
