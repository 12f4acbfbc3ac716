using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Reads an action run until it reaches <c>success</c> or <c>failed</c>, or the budget runs out, backing off
/// between reads (the SOAR answers for every asset, and apps may take minutes).</summary>
internal sealed class ActionRunPoller(TimeProvider time, SplunkSoarDispatchOptions options)
{
    public async Task<PollOutcome> PollAsync(ISplunkSoarClient client, long actionRunId, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var started = time.GetUtcNow();
        var deadline = started + budget;
        var interval = options.PollInitialInterval;
        while (true)
        {
            var run = await client.GetActionRunAsync(actionRunId, cancellationToken);
            var now = time.GetUtcNow();
            if (run.IsTerminal) return new PollOutcome(run, false, now - started);
            if (now >= deadline) return new PollOutcome(run, true, now - started);
            var wait = deadline - now < interval ? deadline - now : interval;
            await Task.Delay(wait, time, cancellationToken);
            interval = interval * 2 > options.PollMaxInterval ? options.PollMaxInterval : interval * 2;
        }
    }
}
