namespace AgenticIR.Core.Workers;

/// <summary>Names of the leases workers take in <see cref="Ports.IWorkerRegistry"/>.</summary>
public static class LeaseNames
{
    /// <summary>Prefix of a SOAR instance's polling lease.</summary>
    public const string SoarPrefix = "soar:";

    /// <summary>The lease for polling the SOAR instance <paramref name="instance"/> (its configured name).</summary>
    public static string SoarInstance(string instance) => SoarPrefix + instance;
}
