using System.Text.RegularExpressions;

namespace AgenticIR.Agents.Tools;

/// <summary>One rule of <see cref="ProcessPatterns"/>: a command-line shape, what it means, and its ATT&amp;CK technique.</summary>
internal sealed record ProcessPattern(Regex Pattern, string Kind, string Technique, string Label);
