using System.Security.Cryptography;
using System.Text;
using AgenticIR.Soar.SplunkSoar.Api;

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
        return "record:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(container.Raw.GetRawText())));
    }
}
