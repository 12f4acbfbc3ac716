using AgenticIR.Core.Bus;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;

namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>What an XSOAR bridge needs to write back: the service of its instance, the bridge store (queue and ledger),
/// the state store (records) and the bus (redelivery of what a crash left in the outbox).</summary>
internal sealed record XsoarWriteBack(XsoarWriteBackService Service, ISoarBridgeStore Store, IStateStore State, IMessageBus Bus);
