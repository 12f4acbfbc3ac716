using AgenticIR.Core.Alerts;
using AgenticIR.Worker.Inputs;

namespace AgenticIR.Worker.Replay;

/// <summary>One normalized input on its way through a lane.</summary>
internal sealed record ReplayWork(InputItem Input, NormalizationResult Normalized);
