using AgenticIR.Core.State;

namespace AgenticIR.Storage.Shared;

/// <summary>An investigations row's state columns: the compressed <c>state</c>, or the <c>state_json</c> text of a row
/// written before states were compressed.</summary>
internal sealed class StateRow
{
    public byte[]? State { get; set; }
    public string? StateJson { get; set; }

    public InvestigationRecord ToRecord() => InvestigationStateCodec.Decode(State, StateJson);
}
