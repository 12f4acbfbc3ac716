namespace AgenticIR.Soar.Resilience;

/// <summary>What <see cref="SoarHttpTransport{TCall}"/> needs to know about a call of either SOAR, besides how to build
/// its request.</summary>
internal interface ISoarHttpCall
{
    /// <summary><c>GET</c> or <c>POST</c>, for messages and logs.</summary>
    string Verb { get; }

    /// <summary>The path as messages and logs show it.</summary>
    string DisplayPath { get; }

    /// <summary>How safe the call is to repeat: chooses the resilience pipeline.</summary>
    SoarCallKind Kind { get; }

    /// <summary>A 404 is an answer (the caller turns it into null), not an error.</summary>
    bool NotFoundIsAnswer { get; }

    /// <summary>Accepts an answer that would otherwise be an error.</summary>
    Func<SoarHttpResult, bool>? Accept { get; }
}
