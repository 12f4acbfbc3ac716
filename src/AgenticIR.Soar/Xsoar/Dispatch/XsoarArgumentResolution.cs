namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>A command's arguments in a fixed order, or why they could not be built (then nothing may be sent).</summary>
internal sealed record XsoarArgumentResolution(IReadOnlyList<KeyValuePair<string, string>>? Arguments, string? Refusal)
{
    public bool Succeeded => Arguments is not null;

    public static XsoarArgumentResolution Refuse(string reason) => new(null, reason);
}
