using System.CommandLine;
using AgenticIR.Core.Security;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Hec;

namespace AgenticIR.Worker.Hosting;

/// <summary>Where metrics go, from the command line and the environment. With neither a JSON-lines file nor a HEC URL,
/// metrics are off: no sink, no bus subscriber, no outbox writes, so the embedded default pays nothing.</summary>
public sealed record MetricsSettings
{
    /// <summary>JSON-lines file for a Universal Forwarder (<c>--metrics-jsonl</c> wins over it).</summary>
    public const string JsonLinesVariable = "AGENTICIR_METRICS_JSONL";

    /// <summary>HEC base URL, e.g. <c>https://splunk.example.com:8088</c>.</summary>
    public const string HecUrlVariable = "AGENTICIR_HEC_URL";

    /// <summary>HEC token; only ever read from the environment.</summary>
    public const string HecTokenVariable = "AGENTICIR_HEC_TOKEN";

    /// <summary>HEC index (default <c>agentic_ir</c>).</summary>
    public const string HecIndexVariable = "AGENTICIR_HEC_INDEX";

    /// <summary>Metrics off.</summary>
    public static MetricsSettings Off { get; } = new();

    /// <summary>The JSON-lines file, or null.</summary>
    public string? JsonLinesPath { get; init; }

    /// <summary>HEC delivery through the state store's outbox, or null.</summary>
    public HecOptions? Hec { get; init; }

    /// <summary>True for <c>run</c>: agent heartbeats are emitted and the HEC outbox is drained. A short command
    /// (<c>replay</c>) only fills the outbox; the next <c>run</c> delivers it.</summary>
    public bool LongRunning { get; init; }

    /// <summary>True when at least one sink is configured.</summary>
    public bool Enabled => JsonLinesPath is not null || Hec is not null;

    /// <summary>The <c>--metrics-jsonl &lt;file&gt;</c> option (one instance per command).</summary>
    public static Option<string?> CreateJsonLinesOption() => new("--metrics-jsonl")
    {
        Description = $"Append Splunk metrics events to this JSON-lines file (for a Universal Forwarder; env {JsonLinesVariable}). HEC: env {HecUrlVariable}, {HecTokenVariable}, {HecIndexVariable}",
    };

    /// <summary>Reads the settings: the option, then <see cref="JsonLinesVariable"/>; HEC from <see cref="HecUrlVariable"/>
    /// and <see cref="HecTokenVariable"/> (both needed).</summary>
    /// <param name="jsonLinesOption">Value of <c>--metrics-jsonl</c>, or null.</param>
    /// <param name="longRunning">True for <c>run</c>.</param>
    /// <param name="environment">Environment lookup (tests pass their own); the process environment when null.</param>
    /// <exception cref="InvalidOperationException">The environment is unusable (<see cref="Problem"/> says why); commands
    /// check it first (<see cref="MetricsEnvironmentGuard"/>) and exit with <see cref="InvalidEnvironmentExitCode"/>.</exception>
    public static MetricsSettings From(string? jsonLinesOption, bool longRunning, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (Problem(environment) is { } problem) throw new InvalidOperationException(problem);
        var jsonLines = NonEmpty(jsonLinesOption) ?? NonEmpty(environment(JsonLinesVariable));
        var url = NonEmpty(environment(HecUrlVariable));
        var token = NonEmpty(environment(HecTokenVariable));
        // Known from here on, so no log line or stored error can show it even before the HEC client exists.
        SecretScrubber.Shared.Add(token);
        var hec = url is null ? null : new HecOptions
        {
            Url = url,
            Token = token!,
            Index = NonEmpty(environment(HecIndexVariable)) ?? Sourcetypes.Index,
        };
        return new MetricsSettings { JsonLinesPath = jsonLines is null ? null : Path.GetFullPath(jsonLines), Hec = hec, LongRunning = longRunning };
    }

    /// <summary>Exit code of a command refused because of the metrics environment (a usage error, like a bad option).</summary>
    public const int InvalidEnvironmentExitCode = 2;

    /// <summary>Why the metrics variables of the environment cannot be used, naming the variable to fix; null when they can.</summary>
    /// <param name="environment">Environment lookup; the process environment when null.</param>
    public static string? Problem(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var url = NonEmpty(environment(HecUrlVariable));
        if (url is null) return null;
        if (NonEmpty(environment(HecTokenVariable)) is null)
            return $"{HecUrlVariable} is set but {HecTokenVariable} is not: HEC needs both. Set {HecTokenVariable} to the HEC token, or unset {HecUrlVariable} to turn HEC delivery off.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return $"{HecUrlVariable} is not an http(s) URL: '{url}' (expected e.g. https://splunk.example.com:8088).";
        return null;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
