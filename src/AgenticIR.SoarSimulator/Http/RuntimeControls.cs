namespace AgenticIR.SoarSimulator.Http;

/// <summary>The knobs tests turn while the simulator runs: latency, down, and scripted failures.</summary>
internal sealed class RuntimeControls(string token, TimeSpan latency)
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _faults = [];
    private TimeSpan _latency = latency;
    private bool _down;

    public string Token { get; } = token;

    public TimeSpan Latency
    {
        get { lock (_gate) return _latency; }
        set { lock (_gate) _latency = value; }
    }

    public bool Down
    {
        get { lock (_gate) return _down; }
        set { lock (_gate) _down = value; }
    }

    public void AddFault(FaultRule rule)
    {
        lock (_gate) _faults.Add(rule);
    }

    /// <summary>Takes one failure for <paramref name="path"/> from the first rule that still applies, if any.</summary>
    public FaultRule? TakeFault(string path)
    {
        lock (_gate)
        {
            var rule = _faults.FirstOrDefault(f => f.Applies(path));
            if (rule is null) return null;
            rule.Remaining--;
            if (rule.Remaining == 0) _faults.Remove(rule);
            return rule;
        }
    }
}
