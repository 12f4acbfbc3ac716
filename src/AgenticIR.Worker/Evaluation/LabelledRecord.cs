using System.Text.Json;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Worker.Evaluation;

/// <summary>One line of a labelled corpus: the payload a source sent and what its labels expect of the product.</summary>
public sealed record LabelledRecord
{
    /// <summary>Line number in the labelled file (1-based).</summary>
    public required int Line { get; init; }

    /// <summary>The record's own id (<c>line N</c> when it has none).</summary>
    public required string Id { get; init; }

    /// <summary>The source format as labelled (used to group figures; never passed to the product as a hint).</summary>
    public required string Format { get; init; }

    /// <summary>The payload as parsed from the line: an object, or a string for a raw e-mail.</summary>
    public required JsonElement Payload { get; init; }

    /// <summary>ATT&amp;CK ids the labels expect (<c>labels.expected_techniques</c>).</summary>
    public IReadOnlyList<string> ExpectedTechniques { get; init; } = [];

    /// <summary>The vendor's or rule's own severity (<c>labels.reference_severity</c>), when known.</summary>
    public Severity? ReferenceSeverity { get; init; }

    /// <summary>Older ATT&amp;CK ids that stand for a newer expected id
    /// (<c>source_labels.attack_v19_to_v18_candidates</c>, e.g. <c>T1685 → [T1562, T1562.001]</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TechniqueCandidates { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The payload text a source would have sent: the string itself for a raw e-mail, the JSON otherwise.</summary>
    public string Content => Payload.ValueKind == JsonValueKind.String ? Payload.GetString() ?? "" : Payload.GetRawText();
}
