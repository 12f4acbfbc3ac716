namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>The playbook task that produced an entry (<c>entryTask</c>).</summary>
internal sealed record XsoarEntryTask(string? PlaybookName, string? TaskId, string? TaskName, string? TaskStatus);
