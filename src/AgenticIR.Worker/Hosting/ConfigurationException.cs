namespace AgenticIR.Worker.Hosting;

/// <summary>The configuration cannot be read: a settings file is missing or malformed, or a value does not convert to its
/// setting's type. The message names the file or the key.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
