using AgenticIR.Core.Response;

namespace AgenticIR.Soar.Dispatch;

/// <summary>The execution a dispatcher returns when it sends nothing: failed, with the reason an analyst reads.</summary>
internal static class DispatchRefusal
{
    public static ActionExecution Of(string platform, string reason, string? dispatchKey = null) => new()
    {
        Status = DispatchStatus.Failed,
        Platform = platform,
        DispatchKey = dispatchKey ?? "",
        Message = $"Not sent: {reason}.",
    };
}
