namespace AgenticIR.Core.Response;

/// <summary>The response phase an action belongs to; plans run containment, then eradication, then recovery.</summary>
public enum ActionKind
{
    /// <summary>Gathers information.</summary>
    Enrichment,
    /// <summary>Stops the spread.</summary>
    Containment,
    /// <summary>Removes the threat.</summary>
    Eradication,
    /// <summary>Restores service.</summary>
    Recovery,
    /// <summary>Tells people.</summary>
    Notification,
}
