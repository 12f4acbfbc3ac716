namespace AgenticIR.Core.Bus;

/// <summary>What a subscriber did with one message, kept by the store in the transaction of the subscriber's own write,
/// so a redelivered message finds the receipt and is not acted on twice.</summary>
/// <param name="Subscriber">Stable name of the subscriber (e.g. <c>decision_auditor</c>).</param>
/// <param name="MessageId">The message's id.</param>
public sealed record DeliveryReceipt(string Subscriber, string MessageId);
