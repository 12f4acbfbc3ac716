namespace AgenticIR.Agents.Triage;

/// <summary>
/// One signal's score before weighting, what it rests on, whether any context backed it, and any positive evidence
/// of benignness it found (see <see cref="BenignContext"/>).
/// </summary>
internal sealed record SignalScore(double Score, string Evidence, bool HasData, string? Benign = null);
