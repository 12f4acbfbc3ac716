namespace AgenticIR.Worker.Replay;

/// <summary>Receives replay progress (the console, the summary file, tests). Called from several lanes at once.</summary>
public interface IReplayObserver
{
    /// <summary>The number of inputs is known.</summary>
    void Started(int inputs);

    /// <summary>One input finished.</summary>
    void Completed(ReplayLine line);
}
