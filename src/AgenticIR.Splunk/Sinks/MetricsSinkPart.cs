using AgenticIR.Core.Ports;

namespace AgenticIR.Splunk.Sinks;

/// <summary>One configured sink; the registered <see cref="IMetricsSink"/> fans out to all of them.</summary>
internal sealed record MetricsSinkPart(IMetricsSink Sink);
