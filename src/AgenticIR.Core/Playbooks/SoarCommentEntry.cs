namespace AgenticIR.Core.Playbooks;

/// <summary>One approval command read from a container comment, and what became of it.</summary>
/// <param name="Instance">SOAR instance name.</param>
/// <param name="ContainerId">Container id.</param>
/// <param name="CommentId">Comment id.</param>
/// <param name="Accepted">Whether the answer was accepted.</param>
/// <param name="Message">The outcome to tell the commenter.</param>
/// <param name="State">Answered or replied.</param>
public sealed record SoarCommentEntry(string Instance, long ContainerId, long CommentId, bool Accepted, string Message, SoarCommentState State);
