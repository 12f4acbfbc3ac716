namespace AgenticIR.Core.Playbooks;

/// <summary>Where the processing of one container comment stands.</summary>
public enum SoarCommentState
{
    /// <summary>The answer was given to the approval service; the reply comment may still be missing.</summary>
    Answered,
    /// <summary>Answered and replied to: done.</summary>
    Replied,
}
