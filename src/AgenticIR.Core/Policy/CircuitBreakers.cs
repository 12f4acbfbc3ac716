namespace AgenticIR.Core.Policy;

/// <summary>Global per-hour limits and per-investigation budgets.</summary>
public sealed record CircuitBreakers(GlobalLimits Global, InvestigationBudget PerInvestigation);
