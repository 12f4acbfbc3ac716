namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>Where a binding's command runs on an XSOAR instance: the integration instance <c>using=</c> pins, or every
/// reason it cannot run there (then nothing may be sent).</summary>
/// <param name="UsingInstance">The enabled integration instance of the binding's brand; null when there are problems.</param>
/// <param name="Problems">Why the command cannot run; empty when it can.</param>
internal sealed record XsoarCommandTarget(string? UsingInstance, IReadOnlyList<string> Problems)
{
    public bool CanRun => UsingInstance is not null && Problems.Count == 0;

    /// <summary>The problems as one sentence.</summary>
    public string Problem => string.Join("; ", Problems);
}
