using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Investigation;

/// <summary>One conclusion drawn from a tool result, with the rule or evidence behind it.</summary>
public sealed record Finding
{
    /// <summary>Stable id within the investigation, e.g. <c>F3</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Short statement, e.g. "Domain in threat intel (campaign X)".</summary>
    public required string Title { get; init; }

    /// <summary>What it means.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Confidence in [0, 1].</summary>
    public required double Confidence { get; init; }

    /// <summary>The observable the finding is about.</summary>
    public Observable? Subject { get; init; }

    /// <summary>True when the finding is about a value found only in the alert's free text (or discovered from one): it was
    /// looked up, but it never justifies a response action and its discoveries are never targets.</summary>
    public bool AboutFreeText { get; init; }

    /// <summary>Observables this finding newly discovered (pivot candidates).</summary>
    public IReadOnlyList<Observable> Discovered { get; init; } = [];

    /// <summary>The rule or record the finding rests on.</summary>
    public required string Evidence { get; init; }

    /// <summary>Tool that produced it.</summary>
    public required string Tool { get; init; }

    /// <summary>ATT&amp;CK technique ids this finding supports.</summary>
    public IReadOnlyList<string> Techniques { get; init; } = [];

    /// <summary>A tag the response planner keys on, e.g. <c>malicious_domain</c>, <c>compromised_account</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>When the evidence happened, if known.</summary>
    public DateTimeOffset? ObservedAt { get; init; }
}
