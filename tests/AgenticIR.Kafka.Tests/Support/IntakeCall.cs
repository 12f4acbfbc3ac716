using AgenticIR.Core.Alerts;
using AgenticIR.Core.State;

namespace AgenticIR.Kafka.Tests.Support;

/// <summary>One call of the intake as a source made it.</summary>
internal sealed record IntakeCall(string InputKey, RawAlert Raw, NormalizationResult Normalized, IngestContext Context, bool AlreadyRecorded);
