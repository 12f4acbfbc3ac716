namespace AgenticIR.Soar.SplunkSoar.LiveValidation;

/// <summary>What <c>validate --live</c> found on one instance: either why it could not be checked at all, or its binding
/// problems and asset-approver notices.</summary>
/// <param name="Instance">Instance name from <c>config/soar.yaml</c>.</param>
/// <param name="BaseUrl">Its base URL.</param>
/// <param name="Failure">Why the instance could not be checked (no token, unreachable, refused), or null.</param>
/// <param name="Problems">Binding problems, when it was checked.</param>
/// <param name="Notices">Asset-approver notices, when it was checked.</param>
internal sealed record LiveInstanceCheck(string Instance, Uri BaseUrl, string? Failure, IReadOnlyList<LiveBindingProblem> Problems, IReadOnlyList<string> Notices)
{
    public bool Checked => Failure is null;
}
