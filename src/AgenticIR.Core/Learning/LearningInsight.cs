namespace AgenticIR.Core.Learning;

/// <summary>One lesson drawn from comparing decisions with the outcome.</summary>
public sealed record LearningInsight(string Type, string Description, string Evidence, string Recommendation, string Priority);
