namespace AgenticIR.Agents.Reasoning;

/// <summary>An opening step on one observable as the rules price it before the step's own circumstances (what was done,
/// what looks benign, what else is offered): its tool, query key, discounted priority, rule text and whether the
/// observable was found during the investigation rather than carried by the alert.</summary>
internal sealed record OpeningOffer(string Tool, string Key, double Priority, string Because, bool Discovered);
