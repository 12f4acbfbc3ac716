namespace AgenticIR.Core.Governance;

/// <summary>A sliding-window limit on dispatches of one category, e.g. 100 actions per hour.</summary>
/// <param name="Name">Policy key, e.g. <c>max_actions_per_hour</c>.</param>
/// <param name="Category">Category counted, e.g. <c>all</c>, <c>critical</c>, <c>isolate_endpoint</c>.</param>
/// <param name="Max">Most dispatches allowed in the window.</param>
/// <param name="Window">Window length.</param>
public sealed record DispatchLimit(string Name, string Category, int Max, TimeSpan Window);
