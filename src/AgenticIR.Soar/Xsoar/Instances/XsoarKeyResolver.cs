using AgenticIR.Core.Soar;
using AgenticIR.Soar.Xsoar.Auth;

namespace AgenticIR.Soar.Xsoar.Instances;

/// <summary>Reads each XSOAR instance's API key from its environment variable or file (trimmed). The lookups are
/// injectable so tests need not touch the process environment. Problems name the source, never the value.</summary>
internal sealed class XsoarKeyResolver(Func<string, string?> environment, Func<string, string> readFile)
{
    /// <summary>Reads the real process environment and file system.</summary>
    public XsoarKeyResolver() : this(Environment.GetEnvironmentVariable, File.ReadAllText)
    {
    }

    /// <summary>Resolves every instance, reporting all missing keys at once.</summary>
    /// <exception cref="InvalidOperationException">At least one key is missing or empty; lists every problem.</exception>
    public IReadOnlyDictionary<string, XsoarApiKey> ResolveAll(IReadOnlyList<XsoarInstanceDefinition> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var keys = new Dictionary<string, XsoarApiKey>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var instance in instances)
        {
            if (TryResolve(instance, out var key, out var problem)) keys[instance.Name] = key!;
            else problems.Add(problem!);
        }
        return problems.Count == 0 ? keys : throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    }

    public bool TryResolve(XsoarInstanceDefinition instance, out XsoarApiKey? key, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(instance);
        key = null;
        string? value = null;
        problem = null;
        if (instance.ApiKeyEnv is { } variable)
        {
            value = environment(variable);
            if (string.IsNullOrWhiteSpace(value)) problem = $"XSOAR instance '{instance.Name}': environment variable {variable} is not set or empty; it must hold the API key";
        }
        else if (instance.ApiKeyFile is { } path)
        {
            try
            {
                value = readFile(path);
                if (string.IsNullOrWhiteSpace(value)) problem = $"XSOAR instance '{instance.Name}': API key file {path} is empty";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The exception type says enough (missing, no permission); its message could quote file content on some platforms.
                problem = $"XSOAR instance '{instance.Name}': API key file {path} cannot be read ({ex.GetType().Name})";
            }
        }
        else
        {
            problem = $"XSOAR instance '{instance.Name}': neither api_key_env nor api_key_file is set";
        }
        if (problem is not null) return false;
        key = new XsoarApiKey(value!.Trim());
        return true;
    }
}
