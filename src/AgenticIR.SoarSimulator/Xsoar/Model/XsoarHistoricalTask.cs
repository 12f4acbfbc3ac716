namespace AgenticIR.SoarSimulator.Xsoar.Model;

/// <summary>A task of a historical playbook run: a command (<c>Brand|||command</c>), an automation script, or a
/// sub-playbook with its own tasks.</summary>
/// <param name="Name">Task name.</param>
/// <param name="ScriptId"><c>VirusTotal (API v3)|||url</c>, <c>|||ip</c> (any integration), <c>Builtin|||setIncident</c>, a
/// script name, or null for a sub-playbook.</param>
public sealed record XsoarHistoricalTask(string Name, string? ScriptId)
{
    /// <summary>Arguments the task passed (<c>scriptArguments</c>, each as <c>{simple: value}</c>).</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>Completed</c>, <c>Error</c>, <c>Waiting</c>, <c>InProgress</c>, <c>New</c>...</summary>
    /// <value>The default value is <c>Completed</c>.</value>
    public string State { get; init; } = "Completed";

    /// <summary>When non-empty, the task is of type <c>playbook</c> and ran these tasks in its sub-playbook.</summary>
    public IReadOnlyList<XsoarHistoricalTask> SubTasks { get; init; } = [];

    /// <summary>The sub-playbook's name, for a task with <see cref="SubTasks"/>.</summary>
    public string? SubPlaybook { get; init; }
}
