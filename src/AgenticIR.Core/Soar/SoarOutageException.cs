namespace AgenticIR.Core.Soar;

/// <summary>A SOAR instance could not be reached or answered with a server error after retries. Nothing the bridge
/// recorded is lost: the next cycle resumes.</summary>
public sealed class SoarOutageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SoarOutageException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SoarOutageException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SoarOutageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
