using System.CommandLine;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary><c>agentic-ir playbooks</c>: the migration team's commands over the SOAR's playbooks: <c>audit</c> (retire /
/// keep / convert), <c>onboard</c> (an entry in config/playbooks.yaml) and <c>break-glass</c> (manual fallbacks).</summary>
internal static class PlaybooksCommand
{
    public static Command Create() => Create(null);

    internal static Command Create(IAnsiConsole? console) => new("playbooks", "Move from SOAR playbooks to agents: audit, onboard, break glass")
    {
        PlaybookAuditCommand.Create(console),
        PlaybookOnboardCommand.Create(console),
        BreakGlassCommand.Create(console),
    };
}
