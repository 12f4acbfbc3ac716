namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>One task of an incident's playbook (<c>InvestigationPlaybookTask</c>).</summary>
internal sealed record XsoarPlaybookTask
{
    /// <summary>Task id within the investigation (the key of <c>tasks</c>, used to complete it).</summary>
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary><c>New</c>, <c>InProgress</c>, <c>Completed</c>, <c>Waiting</c>, <c>Error</c>, <c>Skipped</c>, <c>Blocked</c>.</summary>
    public string? State { get; init; }

    /// <summary><c>regular</c>, <c>condition</c>, <c>playbook</c>, <c>collection</c>, <c>title</c>, <c>start</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The command or script the task runs (<c>task.scriptId</c>, e.g. <c>VirusTotal|||file</c>), null for manual tasks.</summary>
    public string? ScriptId { get; init; }

    public string? Brand { get; init; }
    public string? CompletedBy { get; init; }
    public DateTimeOffset? CompletedDate { get; init; }

    /// <summary>When the task started (<c>startDate</c>); null before it ran.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>The arguments the task passes its command, by name: the <c>simple</c> value of each <c>scriptArguments</c>
    /// entry (literals, or <c>${...}</c> references to context); complex arguments are left out.</summary>
    public IReadOnlyDictionary<string, string> ScriptArguments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>For a task of type <c>playbook</c>: the sub-playbook it ran, with its own tasks (<c>subPlaybook</c>).</summary>
    public XsoarPlaybookState? SubPlaybook { get; init; }

    /// <summary>What the completer gave with the completion (the <c>taskInput</c> of <c>/inv-playbook/task/complete</c>), as
    /// the task's <c>input</c>; UNVERIFIED: the Swagger's <c>InvestigationPlaybookTask</c> does not name the field.</summary>
    public string? Input { get; init; }
}
