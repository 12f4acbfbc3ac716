namespace AgenticIR.Core.Workers;

/// <summary>Names of the leases workers take in <see cref="Ports.IWorkerRegistry"/> (through <see cref="Ports.IPassGate"/>):
/// one per pass that must run in one place at a time.</summary>
public static class LeaseNames
{
    /// <summary>Prefix of a SOAR instance's polling lease.</summary>
    public const string SoarPrefix = "soar:";

    /// <summary>Prefix of a Cortex XSOAR instance's polling lease (instance names never hold a colon, so a Splunk SOAR and
    /// an XSOAR instance of the same name hold different leases).</summary>
    public const string XsoarPrefix = "xsoar:";

    /// <summary>Applying the policy's timeout rules to approval requests past their deadline.</summary>
    public const string ApprovalTimeouts = "approval-timeouts";

    /// <summary>Redelivering what the message outbox still holds (retries, and what a killed publisher left).</summary>
    public const string Outbox = "outbox";

    /// <summary>Sending the metrics outbox to Splunk HEC, batch after batch in insertion order.</summary>
    public const string HecDelivery = "hec-delivery";

    /// <summary>Reading back, from every Splunk SOAR instance, what the playbook and the analyst did beside the agents
    /// (shadow comparisons and outcomes).</summary>
    public const string ShadowObserver = "soar-shadow";

    /// <summary>The lease for polling the SOAR instance <paramref name="instance"/> (its configured name): intake,
    /// write-back, approval comments and asset approvals of that instance.</summary>
    public static string SoarInstance(string instance) => SoarPrefix + instance;

    /// <summary>The lease for polling the Cortex XSOAR instance <paramref name="instance"/> (its configured name): incident
    /// intake of that instance.</summary>
    public static string XsoarInstance(string instance) => XsoarPrefix + instance;
}
