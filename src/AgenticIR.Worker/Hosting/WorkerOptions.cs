using AgenticIR.Core.Playbooks;
using System.ComponentModel.DataAnnotations;

namespace AgenticIR.Worker.Hosting;

/// <summary>Where the worker finds its definitions and keeps its state. Every path may be relative to the working directory.</summary>
public sealed class WorkerOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "AgenticIR";

    /// <summary>Folder holding <c>config/</c>, <c>mappings/</c>, <c>connectors/</c> and <c>samples/data</c>.</summary>
    /// <value>The default is the nearest folder above the working directory that has <c>config/governance.yaml</c>, else the install folder.</value>
    public string? Home { get; set; }

    /// <summary>Governance policy file.</summary>
    /// <value>The default is <c>{Home}/config/governance.yaml</c>.</value>
    public string? PolicyPath { get; set; }

    /// <summary>Mappings folder.</summary>
    /// <value>The default is <c>{Home}/mappings</c>.</value>
    public string? MappingsPath { get; set; }

    /// <summary>Connectors folder.</summary>
    /// <value>The default is <c>{Home}/connectors</c>.</value>
    public string? ConnectorsPath { get; set; }

    /// <summary>Local context folder (assets, identities, threat intel, telemetry CSV files).</summary>
    /// <value>The default is <c>{Home}/samples/data</c>.</value>
    public string? ContextPath { get; set; }

    /// <summary>The embedded SQLite database file.</summary>
    /// <value>The default is <c>agentic-ir-data/agentic-ir.db</c> under the working directory.</value>
    [Required]
    public string DatabasePath { get; set; } = Path.Combine("agentic-ir-data", "agentic-ir.db");

    /// <summary>Where incident reports are written.</summary>
    /// <value>The default is <c>agentic-ir-out/reports</c> under the working directory.</value>
    [Required]
    public string ReportsPath { get; set; } = Path.Combine("agentic-ir-out", "reports");

    /// <summary>Playbook mode for alerts the worker takes in: <c>shadow</c> records decisions and dispatches nothing.</summary>
    /// <value>The default is <c>shadow</c>.</value>
    public PlaybookMode Mode { get; set; } = PlaybookMode.Shadow;

    /// <summary>Which reasoner judges: <c>llm</c> (a language model, needs a base URL), <c>deterministic</c> (the rules
    /// alone), or unset: the model when a base URL is configured (<c>--reasoner</c>, <c>AGENTICIR_REASONER</c>).</summary>
    /// <value>The default is unset.</value>
    public string? Reasoner { get; set; }

    /// <summary>Parallel investigation lanes; alerts with the same fingerprint always share a lane.</summary>
    /// <value>The default is the processor count.</value>
    [Range(1, 64)]
    public int Lanes { get; set; } = Environment.ProcessorCount;

    /// <summary>Largest single input (a file, a JSON line, a mail) the worker reads; a larger one is dead-lettered with its
    /// size and a prefix (at most 64 KiB), without being read whole (<c>--max-input-bytes</c>, <c>AGENTICIR_MAX_INPUT_BYTES</c>).</summary>
    /// <value>The default is 16 MiB (16777216 bytes).</value>
    [Range(Inputs.InputLimits.MinimumMaxBytes, Inputs.InputLimits.MaximumMaxBytes)]
    public long MaxInputBytes { get; set; } = Inputs.InputLimits.DefaultMaxBytes;

    /// <summary>How often a running worker records that it is alive and looks for investigations a dead worker left
    /// unfinished (<c>AgenticIR__HeartbeatInterval</c>).</summary>
    /// <value>The default is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A worker silent for this long is dead: its unfinished investigations and its leases (SOAR polling) pass to
    /// a live worker (<c>AgenticIR__WorkerTimeout</c>). Keep it several heartbeats long.</summary>
    /// <value>The default is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WorkerTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
