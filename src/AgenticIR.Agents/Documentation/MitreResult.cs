using AgenticIR.Core.Reporting;

namespace AgenticIR.Agents.Documentation;

/// <summary>The mappings for the report, plus when each technique was first seen (for the timeline by tactic).</summary>
internal sealed record MitreResult(IReadOnlyList<MitreMapping> Mappings, IReadOnlyDictionary<string, DateTimeOffset> FirstSeen);
