namespace AgenticIR.Core.Bus;

/// <summary>A subscriber the host attaches to the bus when it builds the pipeline (audit, SOAR write-back).</summary>
public interface IMessageSubscriber
{
    /// <summary>Subscribes its handlers.</summary>
    void Attach(IMessageBus bus);
}
