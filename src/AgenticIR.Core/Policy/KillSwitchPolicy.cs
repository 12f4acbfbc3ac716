namespace AgenticIR.Core.Policy;

/// <summary>Kill switch: triggers such as <c>consecutive_failures &gt; 5</c>, the action and who to notify.</summary>
public sealed record KillSwitchPolicy(bool Enabled, IReadOnlyList<KillSwitchTrigger> Triggers, string Action, IReadOnlyList<string> Notification);
