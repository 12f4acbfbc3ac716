using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Mapping;

/// <summary>A path whose values carry ATT&amp;CK technique ids, and the pattern that pulls them out (group 1 or the whole match).</summary>
internal sealed record TechniqueSpec(PayloadPath Path, Regex Pattern);
