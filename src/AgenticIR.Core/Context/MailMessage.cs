namespace AgenticIR.Core.Context;

/// <summary>A message-trace row.</summary>
public sealed record MailMessage
{
    /// <summary>When.</summary>
    public required DateTimeOffset Timestamp { get; init; }
    /// <summary>Message-ID.</summary>
    public required string MessageId { get; init; }
    /// <summary>Sender.</summary>
    public required string Sender { get; init; }
    /// <summary>Recipient.</summary>
    public required string Recipient { get; init; }
    /// <summary>Subject.</summary>
    public string? Subject { get; init; }
    /// <summary>Domains of URLs in the message.</summary>
    public IReadOnlyList<string> UrlDomains { get; init; } = [];
    /// <summary>Attachment hash.</summary>
    public string? AttachmentSha256 { get; init; }
    /// <summary>delivered | quarantined | blocked.</summary>
    public required string Delivery { get; init; }
}
