using AgenticIR.Worker.Replay;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Llm;

/// <summary>The decisions of a replay, per input: status, severity, path, and every planned action with its target and
/// approval status.</summary>
internal sealed record Decisions(string Status, string? Severity, string? Path, IReadOnlyList<string> Actions)
{
    public static Dictionary<string, Decisions> Of(ReplayRun run) => run.Lines.ToDictionary(
        l => l.Input,
        l => new Decisions(l.Status, l.Severity, l.Path, [.. l.Actions.Select(Key).Order(StringComparer.Ordinal)]),
        StringComparer.Ordinal);

    public static string Key(ActionLine a) => $"{a.LogicalAction} → {a.Target} [{a.ApprovalStatus}]";

    public override string ToString() => $"{Status} {Severity} {Path}: {string.Join("; ", Actions)}";
}
