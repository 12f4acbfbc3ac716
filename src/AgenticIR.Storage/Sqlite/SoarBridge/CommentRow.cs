using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Shared;

namespace AgenticIR.Storage.Sqlite.SoarBridge;

internal sealed record CommentRow(string Instance, long ContainerId, long CommentId, long Accepted, string Message, string State)
{
    public SoarCommentEntry ToEntry() => new(Instance, ContainerId, CommentId, Accepted != 0, Message, StoreText.Parse<SoarCommentState>(State));
}
