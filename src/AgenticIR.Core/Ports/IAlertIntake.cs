using AgenticIR.Core.Alerts;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Ports;

/// <summary>Where every source hands its inputs over (files, SOAR containers, Kafka messages): intake takes each input
/// exactly once by its key, then dead-letters it, merges it into the investigation it duplicates, or opens one and runs it
/// to rest.</summary>
public interface IAlertIntake
{
    /// <summary>Takes one input exactly once, beside a playbook entry and with the platform record it came from. An input
    /// key seen before returns the earlier outcome (and finishes that input's investigation if a crash interrupted it).</summary>
    Task<IngestOutcome> IngestAsync(string inputKey, RawAlert raw, NormalizationResult normalized, IngestContext context, CancellationToken cancellationToken);

    /// <summary>Adds one input to a given investigation (new artifacts on a SOAR container already under investigation),
    /// exactly once per input key, whatever its fingerprint.</summary>
    Task<IngestOutcome> IngestIntoAsync(string investigationId, string inputKey, RawAlert raw, NormalizationResult normalized, CancellationToken cancellationToken);
}
