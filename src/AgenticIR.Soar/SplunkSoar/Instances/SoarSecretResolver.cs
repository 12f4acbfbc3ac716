using AgenticIR.Core.Soar;

namespace AgenticIR.Soar.SplunkSoar.Instances;

/// <summary>Reads each instance's token from its environment variable or file (trimmed). The lookups are injectable so
/// tests need not touch the process environment.</summary>
internal sealed class SoarSecretResolver(Func<string, string?> environment, Func<string, string> readFile)
{
    /// <summary>Reads the real process environment and file system.</summary>
    public SoarSecretResolver() : this(Environment.GetEnvironmentVariable, File.ReadAllText)
    {
    }

    /// <exception cref="SoarConfigurationException">The token is missing or empty.</exception>
    public SoarSecret Resolve(SoarInstanceDefinition instance) =>
        TryResolve(instance, out var secret, out var problem) ? secret! : throw new SoarConfigurationException([problem!]);

    /// <summary>Resolves every instance, reporting all missing tokens at once.</summary>
    /// <exception cref="SoarConfigurationException">At least one token is missing or empty.</exception>
    public IReadOnlyDictionary<string, SoarSecret> ResolveAll(IReadOnlyList<SoarInstanceDefinition> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var secrets = new Dictionary<string, SoarSecret>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var instance in instances)
        {
            if (TryResolve(instance, out var secret, out var problem)) secrets[instance.Name] = secret!;
            else problems.Add(problem!);
        }
        return problems.Count == 0 ? secrets : throw new SoarConfigurationException(problems);
    }

    public bool TryResolve(SoarInstanceDefinition instance, out SoarSecret? secret, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(instance);
        secret = null;
        string? value;
        if (instance.TokenEnv is { } variable)
        {
            value = environment(variable);
            problem = string.IsNullOrWhiteSpace(value)
                ? $"Splunk SOAR instance '{instance.Name}': environment variable {variable} is not set or empty; it must hold the automation user's token"
                : null;
        }
        else if (instance.TokenFile is { } path)
        {
            (value, problem) = ReadFile(instance.Name, path);
        }
        else
        {
            problem = $"Splunk SOAR instance '{instance.Name}': neither token_env nor token_file is set";
            return false;
        }
        if (problem is not null) return false;
        secret = new SoarSecret(value!.Trim());
        return true;
    }

    private (string? Value, string? Problem) ReadFile(string instance, string path)
    {
        string text;
        try
        {
            text = readFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The exception type says enough (missing, no permission); its message could quote file content on some platforms.
            return (null, $"Splunk SOAR instance '{instance}': token file {path} cannot be read ({ex.GetType().Name})");
        }
        return string.IsNullOrWhiteSpace(text)
            ? (null, $"Splunk SOAR instance '{instance}': token file {path} is empty")
            : (text, null);
    }
}
