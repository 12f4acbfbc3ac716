using System.ComponentModel.DataAnnotations;

namespace AgenticIR.Splunk.Sinks;

/// <summary>The JSON-lines metrics file a Splunk Universal Forwarder tails.</summary>
public sealed class JsonLinesSinkOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Splunk:JsonLines";

    /// <summary>File path; one HEC-style envelope per line.</summary>
    /// <value>The default value is <c>agentic-ir-out/metrics/agentic_ir_metrics.jsonl</c>.</value>
    [Required]
    public string Path { get; set; } = "agentic-ir-out/metrics/agentic_ir_metrics.jsonl";

    /// <summary>Size at which the file is rotated to <c>.1</c>, <c>.2</c>, …; 0 never rotates.</summary>
    /// <value>The default value is 100 MB.</value>
    [Range(0, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Rotated files kept.</summary>
    /// <value>The default value is 5.</value>
    [Range(1, 1000)]
    public int MaxFiles { get; set; } = 5;

    /// <summary>Envelope <c>host</c>.</summary>
    /// <value>The default value is the machine name.</value>
    public string Host { get; set; } = Environment.MachineName;

    /// <summary>Envelope <c>index</c>.</summary>
    /// <value>The default value is <c>agentic_ir</c>.</value>
    public string Index { get; set; } = Events.Sourcetypes.Index;
}
