using AgenticIR.Core.Soar;

namespace AgenticIR.Soar.Xsoar.Auth;

/// <summary>Where the REST paths of an instance start: the server itself on XSOAR 6, <c>&lt;API URL&gt;/xsoar/</c> on
/// XSOAR 8 / XSIAM (Cortex docs; demisto-py appends <c>xsoar</c> whenever an auth id is set).</summary>
internal static class XsoarApiRoot
{
    public static Uri Of(XsoarInstanceDefinition instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var root = instance.BaseUrl.AbsoluteUri.TrimEnd('/') + "/";
        return new Uri(instance.IsV8 ? root + "xsoar/" : root);
    }
}
