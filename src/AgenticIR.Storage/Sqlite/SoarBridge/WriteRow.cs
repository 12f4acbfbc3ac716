using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Shared;

namespace AgenticIR.Storage.Sqlite.SoarBridge;

internal sealed record WriteRow(string Instance, long ContainerId, string ItemKey, long? SoarId, string ContentHash, string State)
{
    public SoarWriteEntry ToEntry() => new(Instance, ContainerId, ItemKey, SoarId, ContentHash, StoreText.Parse<SoarWriteState>(State));
}
