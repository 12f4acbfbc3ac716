using AgenticIR.Soar.Xsoar.Intake;

namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>Names XSOAR dispatch shares with the intake.</summary>
internal static class XsoarDispatchNames
{
    /// <summary><see cref="Core.State.SourceReference.Platform"/> of investigations opened from an XSOAR incident.</summary>
    public const string Platform = XsoarIntakeNames.Platform;
}
