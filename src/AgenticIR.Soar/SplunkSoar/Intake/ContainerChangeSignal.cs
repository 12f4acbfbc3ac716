using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Core.Security;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>What tells a changed container from an unchanged one when its record carries no update time: the artifact
/// count and artifact update time the container list gives, or, without those either, a hash of the whole record.</summary>
internal static class ContainerChangeSignal
{
    public static string Of(SoarContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var count = SoarJson.Long(container.Raw, "artifact_count");
        var artifactTime = SoarJson.String(container.Raw, "artifact_update_time");
        if (count is not null || artifactTime is not null) return $"artifacts:{count}:{artifactTime}";
        return "record:" + TextHash.Sha256Hex(container.Raw.GetRawText());
    }
}
