using AgenticIR.Core.Alerts;

namespace AgenticIR.Worker.Inputs;

/// <summary>One input to take exactly once: its ledger key, the display name, and the payload (or why it has none).</summary>
/// <param name="Key">Ledger key: full path, line or element, and a content hash, so an edited file is a new input.</param>
/// <param name="Display">Short name for the console.</param>
/// <param name="Raw">The payload.</param>
/// <param name="ReadError">Set when there is nothing to normalize: JSON that is not UTF-8, an empty file or array, or an
/// input above the maximum size (then <paramref name="Raw"/> holds only its prefix).</param>
public sealed record InputItem(string Key, string Display, RawAlert Raw, string? ReadError = null)
{
    /// <summary>Normalizes the payload, or fails with the read error when there is no text to normalize.</summary>
    public NormalizationResult NormalizeWith(Core.Ports.IAlertNormalizer normalizer) =>
        ReadError is { } error ? NormalizationResult.Fail(error) : normalizer.Normalize(Raw);
}
