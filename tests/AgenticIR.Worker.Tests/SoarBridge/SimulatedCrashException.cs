namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>Stands for the process being killed.</summary>
internal sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException() : base("simulated crash")
    {
    }
}
