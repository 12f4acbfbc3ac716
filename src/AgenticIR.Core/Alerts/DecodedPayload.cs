namespace AgenticIR.Core.Alerts;

/// <summary>A payload as text, or why it cannot be read as text.</summary>
/// <param name="Content">The text; when <paramref name="Error"/> is set, a lossy rendering kept for the dead letter.</param>
/// <param name="Error">Why the payload cannot be normalized (invalid UTF-8, empty); null when it can.</param>
/// <param name="IsMail">True when the bytes were read as an RFC 822 message.</param>
public sealed record DecodedPayload(string Content, string? Error, bool IsMail = false);
