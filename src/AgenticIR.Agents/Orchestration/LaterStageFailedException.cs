using AgenticIR.Core.State;

namespace AgenticIR.Agents.Orchestration;

/// <summary>A stage run together with the next one saved its own result and then the next one failed: the failure
/// belongs to the next stage, which is where <see cref="Saved"/> rests.</summary>
public sealed class LaterStageFailedException : Exception
{
    /// <summary>Creates the exception without a record (for serializers and analyzers).</summary>
    public LaterStageFailedException()
    {
    }

    /// <summary>Creates the exception without a record (for serializers and analyzers).</summary>
    public LaterStageFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a record (for serializers and analyzers).</summary>
    public LaterStageFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The earlier stage's result as saved, and what failed after it.</summary>
    public LaterStageFailedException(InvestigationRecord saved, Exception innerException)
        : base($"Stage {saved?.Stage} failed: {innerException?.Message}", innerException)
    {
        Saved = saved;
    }

    /// <summary>The record as saved before the failing stage ran.</summary>
    public InvestigationRecord? Saved { get; }
}
