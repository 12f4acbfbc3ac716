using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Ports;

/// <summary>Turns the bytes of one received payload (a Kafka message value, an uploaded file) into the text the
/// normalizer reads: an RFC 822 message is decoded with each MIME part's declared charset, anything else must be UTF-8
/// (JSON exchanged between systems is UTF-8, RFC 8259 section 8.1).</summary>
public interface IPayloadDecoder
{
    /// <summary>Decodes one payload; never throws for bad input (the result carries the reason).</summary>
    DecodedPayload Decode(ReadOnlySpan<byte> payload);
}
