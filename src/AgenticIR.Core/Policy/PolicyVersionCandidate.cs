namespace AgenticIR.Core.Policy;

/// <summary>A policy about to be recorded as a version.</summary>
/// <param name="Hash">SHA-256 (hex) of the policy file.</param>
/// <param name="SourceFile">Path of the policy file.</param>
/// <param name="AcceptedBy">Who put it in force.</param>
/// <param name="Kind">One of <see cref="PolicyVersion.Kinds"/>.</param>
/// <param name="At">When.</param>
public sealed record PolicyVersionCandidate(string Hash, string SourceFile, string AcceptedBy, string Kind, DateTimeOffset At);
