namespace AgenticIR.Worker.Replay;

/// <summary>Appends one JSON line per completed input, flushed as it goes so a killed run keeps what it wrote.</summary>
internal sealed class SummaryJsonWriter : IReplayObserver, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    public SummaryJsonWriter(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        _writer = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public void Started(long totalBytes)
    {
    }

    public void Completed(ReplayLine line, long inputBytes)
    {
        var json = ReplayLineBuilder.ToJson(line);
        lock (_gate) _writer.WriteLine(json);
    }

    public void Dispose() => _writer.Dispose();
}
