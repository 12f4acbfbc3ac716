namespace AgenticIR.Core.Playbooks;

/// <summary>Where one write-back item stands.</summary>
public enum SoarWriteState
{
    /// <summary>About to be created: the request may or may not have reached the SOAR, so look before creating again.</summary>
    Pending,
    /// <summary>Created or updated; <see cref="SoarWriteEntry.SoarId"/> and the content hash are those on the SOAR.</summary>
    Written,
}
