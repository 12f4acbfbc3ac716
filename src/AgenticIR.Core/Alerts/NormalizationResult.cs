namespace AgenticIR.Core.Alerts;

/// <summary>The outcome of normalizing one raw alert: an alert, or the reason it cannot be one.</summary>
public sealed record NormalizationResult
{
    /// <summary>The alert, when normalization succeeded.</summary>
    public NormalizedAlert? Alert { get; init; }

    /// <summary>The format that was detected or forced.</summary>
    public string? Format { get; init; }

    /// <summary>Why the payload was rejected, when it was.</summary>
    public string? Error { get; init; }

    /// <summary>True when <see cref="Alert"/> is set.</summary>
    public bool Succeeded => Alert is not null;

    /// <summary>A successful result.</summary>
    public static NormalizationResult Ok(NormalizedAlert alert) => new() { Alert = alert, Format = alert.SourceFormat };

    /// <summary>A rejection with its reason.</summary>
    public static NormalizationResult Fail(string error, string? format = null) => new() { Error = error, Format = format };
}
