namespace AgenticIR.Storage;

/// <summary>The configured store cannot be reached or entered at start-up (server down, wrong host, port, database,
/// user or password). The message names the store without its password and gives the server's or the network's reason.</summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }
}
