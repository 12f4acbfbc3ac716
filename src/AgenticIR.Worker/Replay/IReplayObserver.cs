namespace AgenticIR.Worker.Replay;

/// <summary>Receives replay progress (the console, the summary file, the totals, tests). Called from several lanes at once.</summary>
public interface IReplayObserver
{
    /// <summary>The replay starts over this many bytes of input files.</summary>
    void Started(long totalBytes);

    /// <summary>One input finished; <paramref name="inputBytes"/> is its size, for progress.</summary>
    void Completed(ReplayLine line, long inputBytes);
}
