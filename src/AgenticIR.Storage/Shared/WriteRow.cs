using AgenticIR.Core.Playbooks;

namespace AgenticIR.Storage.Shared;

internal sealed record WriteRow(string Instance, long ContainerId, string ItemKey, long? SoarId, string ContentHash, string State)
{
    public SoarWriteEntry ToEntry() => new(Instance, ContainerId, ItemKey, SoarId, ContentHash, StoreText.Parse<SoarWriteState>(State));
}
