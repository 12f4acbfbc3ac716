using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Ports;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Reads payload bytes as the file inputs are read: bytes that start with RFC 822 header lines are a mail,
/// decoded part by part with <see cref="EmlDecoder"/>; anything else is strict UTF-8 (a leading byte-order mark dropped),
/// and bytes that are not are rejected with where they break rather than guessed at.</summary>
public sealed class PayloadDecoder : IPayloadDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc />
    public DecodedPayload Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty) return new DecodedPayload("", "the payload is empty");
        if (EmlDecoder.LooksLikeMessage(payload)) return new DecodedPayload(EmlDecoder.Decode(payload), null, IsMail: true);
        string text;
        try
        {
            text = StrictUtf8.GetString(payload);
        }
        catch (DecoderFallbackException ex)
        {
            var error = ex.Index >= 0 ? $"invalid UTF-8 at byte {ex.Index} (JSON must be UTF-8)" : "invalid UTF-8 (JSON must be UTF-8)";
            return new DecodedPayload(Encoding.UTF8.GetString(payload), error);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return string.IsNullOrWhiteSpace(text)
            ? new DecodedPayload(text, "the payload holds only white space")
            : new DecodedPayload(text, null);
    }
}
