namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Where a binding runs on an instance: the installed app's id and the asset names, or why it cannot run.</summary>
internal sealed record AppTarget(long AppId, IReadOnlyList<string> Assets, string? Problem = null)
{
    public static AppTarget Fail(string problem) => new(0, [], problem);
}
