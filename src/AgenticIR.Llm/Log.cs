using Microsoft.Extensions.Logging;

namespace AgenticIR.Llm;

/// <summary>The model reasoner's log messages: ids, steps and reasons, never prompts, replies or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Language-model reasoner {Reasoner} in use")]
    public static partial void ReasonerInUse(ILogger logger, string reasoner);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Model call failed unexpectedly ({ExceptionType})")]
    public static partial void ModelCallFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Investigation {InvestigationId}: {Step} fell back to the deterministic reasoner ({Reason})")]
    public static partial void FellBack(ILogger logger, string investigationId, string step, string reason);
}
