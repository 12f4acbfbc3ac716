namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>The parameters of one app action run, or why they could not be built (then nothing may be sent).</summary>
internal sealed record ParameterResolution(IReadOnlyDictionary<string, string>? Parameters, string? Refusal)
{
    public bool Succeeded => Parameters is not null;

    public static ParameterResolution Refuse(string reason) => new(null, reason);
}
