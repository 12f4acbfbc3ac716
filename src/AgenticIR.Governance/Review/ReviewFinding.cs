namespace AgenticIR.Governance.Review;

/// <summary>A finding an action rests on, with the step that produced it.</summary>
/// <param name="Id">Finding id, e.g. <c>F3</c>.</param>
/// <param name="Title">What was found.</param>
/// <param name="Verdict">Its verdict (snake_case).</param>
/// <param name="Confidence">Its confidence.</param>
/// <param name="Evidence">The rule or record it rests on.</param>
/// <param name="Tool">Tool that produced it.</param>
/// <param name="Step">The step that produced it: <c>#n tool query — reason</c>; empty when unknown.</param>
public sealed record ReviewFinding(string Id, string Title, string Verdict, double Confidence, string Evidence, string Tool, string Step);
