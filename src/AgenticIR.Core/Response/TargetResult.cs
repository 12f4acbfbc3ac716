namespace AgenticIR.Core.Response;

/// <summary>Outcome of an action on one SOAR asset (one app run).</summary>
/// <param name="Asset">Asset name or id.</param>
/// <param name="Status">Status as reported, e.g. <c>success</c>, <c>failed</c>.</param>
/// <param name="Message">The app's message.</param>
public sealed record TargetResult(string Asset, string Status, string Message);
