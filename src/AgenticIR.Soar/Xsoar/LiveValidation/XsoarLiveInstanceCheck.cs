namespace AgenticIR.Soar.Xsoar.LiveValidation;

/// <summary>What <c>validate --live</c> found on one XSOAR instance: why it could not be checked at all, or its binding problems.</summary>
/// <param name="Instance">Instance name from <c>config/soar.yaml</c> (list <c>xsoar</c>).</param>
/// <param name="BaseUrl">Its base URL.</param>
/// <param name="Failure">Why the instance could not be checked (no key, unreachable, refused), or null.</param>
/// <param name="Problems">Binding problems, when it was checked.</param>
internal sealed record XsoarLiveInstanceCheck(string Instance, Uri BaseUrl, string? Failure, IReadOnlyList<XsoarLiveBindingProblem> Problems)
{
    public bool Checked => Failure is null;
}
