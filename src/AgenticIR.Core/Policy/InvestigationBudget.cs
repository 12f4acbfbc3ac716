namespace AgenticIR.Core.Policy;

/// <summary>Per-investigation budgets.</summary>
public sealed record InvestigationBudget(int MaxSteps, int MaxDurationMinutes, int MaxApiCalls, int MaxResponseActions);
