using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>The last state read of an action run, and whether the wait budget ran out before it finished.</summary>
internal sealed record PollOutcome(SoarActionRun Run, bool TimedOut, TimeSpan Waited);
