using System.ComponentModel.DataAnnotations;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>How long the bridge waits for Splunk SOAR action runs and how often it asks.</summary>
public sealed class SplunkSoarDispatchOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Soar:SplunkSoar:Dispatch";

    /// <summary>First wait between two status reads of an action run; doubles up to <see cref="PollMaxInterval"/>.</summary>
    /// <value>The default value is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInitialInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two status reads.</summary>
    /// <value>The default value is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan PollMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an enrichment tool waits for its investigative action before giving up on it.</summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan EnrichmentBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A dispatched action may take its catalog's expected duration times this factor.</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 100)]
    public int DispatchBudgetFactor { get; set; } = 3;

    /// <summary>Shortest wait for a dispatched action, whatever its expected duration.</summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DispatchMinimumBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A ledger row still <c>sending</c> and younger than this may belong to another worker in the middle of
    /// its POST: it is waited for (and looked up by run name) rather than re-sent.</summary>
    /// <value>The default value is 2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each instance's installed apps, actions and assets are read again to decide which enrichment
    /// tools can run there (a tool whose binding fails the <c>validate --live</c> check is not offered). A refused run
    /// makes the next bridge cycle read them at once.</summary>
    /// <value>The default value is 15 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ToolAvailabilityRefresh { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait budget of a dispatched action with this expected duration.</summary>
    public TimeSpan DispatchBudget(TimeSpan expectedDuration)
    {
        var scaled = expectedDuration * DispatchBudgetFactor;
        return scaled > DispatchMinimumBudget ? scaled : DispatchMinimumBudget;
    }
}
