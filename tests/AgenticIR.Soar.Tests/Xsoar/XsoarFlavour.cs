namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>Which XSOAR a test client talks to: XSOAR 6, XSOAR 8 with a standard key, or with an advanced key.</summary>
public enum XsoarFlavour
{
    V6,
    V8,
    V8Advanced,
}
