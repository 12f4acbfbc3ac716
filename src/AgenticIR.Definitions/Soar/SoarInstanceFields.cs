using System.Text.RegularExpressions;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Soar;

/// <summary>Fields every SOAR instance entry has, whichever the platform, read and checked the same way.</summary>
internal static partial class SoarInstanceFields
{
    /// <summary>True for a lower-case instance name usable in lease and cursor keys.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>Where the instance's secret comes from: exactly one of an environment variable name or a file, never the
    /// secret itself (<paramref name="secret"/> names it in errors: "token", "key").</summary>
    public static (string? Env, string? File) ReadSecretSource(NodeReader r, YamlMap map, string envKey, string fileKey, string secret)
    {
        var env = r.OptionalString(map, envKey);
        var file = r.OptionalString(map, fileKey);
        if (env is not null && !EnvPattern().IsMatch(env))
        {
            r.Error(map.Get(envKey), map.FieldOf(envKey), $"'{env}' is not an environment variable name (the {secret} itself never goes in this file)");
            env = null;
        }
        if (map.Has(envKey) == map.Has(fileKey))
        {
            r.Error(map.Node, map.FieldOf(envKey), $"set exactly one of {envKey} or {fileKey} (the {secret} itself never goes in this file)");
            return (null, null);
        }
        return (env, file);
    }

    public static bool? OptionalBool(NodeReader r, YamlMap map, string key) =>
        NodeReader.Optional(map, key) is { } node ? r.AsBool(node, map.FieldOf(key)) : null;

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvPattern();
}
