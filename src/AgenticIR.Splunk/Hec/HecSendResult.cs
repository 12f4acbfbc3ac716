namespace AgenticIR.Splunk.Hec;

/// <summary>The classified reply to one HEC request.</summary>
/// <param name="Outcome">What to do with the batch.</param>
/// <param name="StatusCode">HTTP status; null on a network error or timeout.</param>
/// <param name="HecCode">HEC reply code when the body was HEC's.</param>
/// <param name="Reason">Why, in words (status, HEC code and text); never contains the token.</param>
/// <param name="RetryAfter">The server's <c>Retry-After</c>, when it sent one.</param>
public sealed record HecSendResult(HecOutcome Outcome, int? StatusCode, int? HecCode, string Reason, TimeSpan? RetryAfter = null)
{
    /// <summary>True when Splunk refused the credentials: the next batch would be refused too.</summary>
    public bool IsAuthFailure => StatusCode is 401 or 403;
}
