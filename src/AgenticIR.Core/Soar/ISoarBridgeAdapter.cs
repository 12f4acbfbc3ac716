using AgenticIR.Core.Playbooks;

namespace AgenticIR.Core.Soar;

/// <summary>What a bridge does beside one SOAR instance, whatever the SOAR: take work, write back, read outcomes and
/// analysts' answers. Each platform implements it in its own folder of the Soar project (API shapes, auth and answers
/// stay there); actions are dispatched through <see cref="Ports.IActionDispatcher"/>. Every member may throw
/// <see cref="SoarOutageException"/> when the SOAR cannot be reached: nothing is lost, the next call resumes.</summary>
public interface ISoarBridgeAdapter : ISoarWorkSource, ISoarWriteBack, ISoarOutcomeReader, ISoarAnswerReader
{
    /// <summary>Which SOAR.</summary>
    SoarPlatform Platform { get; }

    /// <summary>The instance name of config/soar.yaml.</summary>
    string Instance { get; }
}
