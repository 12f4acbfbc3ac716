using System.ComponentModel.DataAnnotations;

namespace AgenticIR.Splunk.Heartbeat;

/// <summary>Agent heartbeat schedule.</summary>
public sealed class HeartbeatOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Splunk:Heartbeat";

    /// <summary>Time between heartbeats.</summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Worker name in each heartbeat (distinguishes workers sharing an index).</summary>
    /// <value>The default value is the machine name.</value>
    [Required]
    public string Worker { get; set; } = Environment.MachineName;
}
