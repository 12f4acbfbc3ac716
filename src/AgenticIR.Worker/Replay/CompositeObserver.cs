namespace AgenticIR.Worker.Replay;

/// <summary>Fans progress out to several observers (null ones are skipped).</summary>
internal sealed class CompositeObserver(params IReplayObserver?[] observers) : IReplayObserver
{
    private readonly IReplayObserver[] _observers = [.. observers.OfType<IReplayObserver>()];

    public void Started(long totalBytes)
    {
        foreach (var observer in _observers) observer.Started(totalBytes);
    }

    public void Completed(ReplayLine line, long inputBytes)
    {
        foreach (var observer in _observers) observer.Completed(line, inputBytes);
    }
}
